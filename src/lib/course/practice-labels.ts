/** How each interview phase is named on screen. */
export const PHASE_LABELS = {
  clarify: 'Clarify requirements',
  'high-level': 'High-level design',
  'deep-dive': 'Deep dive',
  'wrap-up': 'Wrap-up',
} as const;

/** A prompt's difficulty in words. */
export function difficultyLabel(difficulty: 1 | 2 | 3): string {
  return difficulty === 1 ? 'Warm-up' : difficulty === 2 ? 'Typical interview' : 'Senior, follow-up heavy';
}
