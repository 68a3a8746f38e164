/**
 * The state every "predict, then run" Try-it keeps: whether the island is ready, the learner's
 * prediction, the last result and its verdict, and the sentence to announce. Islands create one,
 * bind their prediction to `predicted` and call `settle` after a run.
 */
import { onMount } from 'svelte';
import { judge, type Choice, type Verdict } from '../../../lib/tryit/prediction.ts';

/** One Try-it's prediction and result; `Result` is whatever the island's rule returns. */
export class Trial<Result> {
  /** False until the island has hydrated; controls stay disabled until then. */
  ready = $state(false);
  /** The chosen prediction's id, or '' before the learner picks one. */
  predicted = $state('');
  /** The last run's result, or null after a change that invalidates it. */
  result = $state.raw<Result | null>(null);
  /** The verdict on the prediction for that result. */
  verdict = $state.raw<Verdict | null>(null);
  /** The latest sentence for the polite live region. */
  announcement = $state('');

  /** Call while the island initialises: marks it ready once mounted. */
  constructor() {
    onMount(() => {
      this.ready = true;
    });
  }

  /** Forgets the last result, e.g. after a setting changed. */
  reset = (): void => {
    this.result = null;
    this.verdict = null;
  };

  /** Records a run: its result, the verdict on the prediction, and the announcement (verdict first). */
  settle(result: Result, choices: readonly Choice[], actual: string, why: string, detail = ''): void {
    this.result = result;
    this.verdict = judge(choices, this.predicted, actual, why);
    this.announcement = `${this.verdict.headline} ${detail || why}`;
  }
}
