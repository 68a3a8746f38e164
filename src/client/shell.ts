import { watchProgress } from './progress-glance.ts';
import { showProgress } from './shell-view.ts';

/**
 * The shell on pages that only show progress: reads it with the light glance (no validator) and
 * keeps the header counts, completion marks and "Continue" up to date.
 */
watchProgress(showProgress);
