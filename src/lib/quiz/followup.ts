import { FOLLOW_UP_GRADES } from '../../schemas/progress-constants.ts';

export { FOLLOW_UP_GRADES };
/** How a follow-up answer went, from the learner's own ticks; each maps to an FSRS rating. */
export type FollowUpGrade = (typeof FOLLOW_UP_GRADES)[number];

/** What the learner ticked after revealing the key points: the points they made, the flags they fell into. */
export interface FollowUpTicks {
  made: readonly string[];
  flags: readonly string[];
}

/** The outcome of checking an answer against a follow-up's key points and red flags. */
export interface FollowUpResult {
  /** Key point ids the learner made, in the follow-up's order. */
  made: string[];
  /** Key point ids the learner did not make, in the follow-up's order. */
  missed: string[];
  /** Red flag ids the learner fell into, in the follow-up's order. */
  flags: string[];
  /** The grade that follows from the ticks. */
  grade: FollowUpGrade;
  /** The grade in words, for the page and the live region. */
  label: string;
  /** One sentence: how many points were made, and any red flags (the grade's label is separate). */
  summary: string;
}

/** The grade in words. */
export const FOLLOW_UP_GRADE_LABELS: Readonly<Record<FollowUpGrade, string>> = {
  again: 'Not yet — review it soon',
  hard: 'Partly there',
  good: 'Solid',
  easy: 'Strong',
};

const plural = (n: number, one: string, many: string) => `${n} ${n === 1 ? one : many}`;

/**
 * Grades a follow-up answer from the learner's ticks. Ticks that name no key point or red flag of
 * this follow-up are ignored. The rule: fewer than half the key points is `again`; any red flag, or
 * fewer than three quarters of the points, is at best `hard`; every point and no flag is `easy`;
 * the rest is `good`. A red flag never lifts a grade: it only caps it.
 */
export function gradeFollowUp(
  followUp: { readonly keyPoints: readonly { id: string }[]; readonly redFlags: readonly { id: string }[] },
  ticks: FollowUpTicks,
): FollowUpResult {
  const madeSet = new Set(ticks.made);
  const flagSet = new Set(ticks.flags);
  const made = followUp.keyPoints.filter((k) => madeSet.has(k.id)).map((k) => k.id);
  const missed = followUp.keyPoints.filter((k) => !madeSet.has(k.id)).map((k) => k.id);
  const flags = followUp.redFlags.filter((f) => flagSet.has(f.id)).map((f) => f.id);
  const share = made.length / followUp.keyPoints.length;
  const grade: FollowUpGrade =
    share < 0.5 ? 'again' : flags.length > 0 || share < 0.75 ? 'hard' : share < 1 ? 'good' : 'easy';
  const flagText = flags.length === 0 ? 'no red flags' : plural(flags.length, 'red flag', 'red flags');
  return {
    made,
    missed,
    flags,
    grade,
    label: FOLLOW_UP_GRADE_LABELS[grade],
    summary: `You made ${made.length} of ${followUp.keyPoints.length} key points, with ${flagText}.`,
  };
}
