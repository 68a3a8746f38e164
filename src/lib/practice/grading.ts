// Grading that teaches: the candidate grades each rubric item on three levels before the model answer
// opens, ticks the red flags their answer fell into, and the score adds the clarify and estimate shares
// and takes off red-flag and hint costs. The feedback says what was missed and where it is taught.
import { withBase } from '../site/base.ts';
import type { EstimateId, PracticePrompt } from '../../schemas/practice.ts';
import type { PracticeAttempt } from '../../schemas/progress.ts';
import { compareEstimates } from './estimates.ts';
import { hintCosts, type Ladder, type LadderHint } from './hint-ladder.ts';

/** How well an answer covered one rubric item: missed (0), mentioned (half), explained with its trade-off (full). */
export type GradeLevel = 0 | 1 | 2;

/** The three levels, in order, with what each is called on screen. */
export const GRADE_LEVELS: readonly { level: GradeLevel; name: string }[] = [
  { level: 0, name: 'Missed' },
  { level: 1, name: 'Mentioned' },
  { level: 2, name: 'Explained with its trade-off' },
];

/** The most a score can be. */
export const MAX_SCORE = 100;
/** Points of the possible total for asking the prompt's key clarifying questions. */
export const CLARIFY_POINTS = 5;
/** Points of the possible total for estimates within 2× of the model's figures. */
export const ESTIMATE_POINTS = 3;
/** The highest score an attempt that missed a must-have item can get. */
export const MUST_HAVE_CAP = 60;

/** The scoring rule as the learner reads it, next to the self-grading form. */
export const SCORING_RULE =
  `Each rubric item counts its full weight when explained with its trade-off, half when only mentioned, nothing when missed. ` +
  `Asking the key clarifying questions adds up to ${CLARIFY_POINTS} points and estimates within 2× of the model's add up to ${ESTIMATE_POINTS}; ` +
  `red flags and hints cost what they say. A missed must-have item caps the score at ${MUST_HAVE_CAP}. The score never goes below 0.`;

/** One self-grading: a level per rubric item and the red flags ticked. */
export interface Grading {
  /** Level per rubric item id; an item left out counts as missed. */
  readonly levels: Readonly<Record<string, GradeLevel>>;
  /** Ids of the red flags the answer fell into. */
  readonly flags: readonly string[];
}

/** A rubric item as grading needs it. */
export type GradedItem = Pick<PracticePrompt['rubric'][number], 'id' | 'weight' | 'mustHave'>;

/** Everything a score depends on besides the grading itself. */
export interface ScoreInput {
  /** The prompt's rubric. */
  readonly rubric: readonly GradedItem[];
  /** Ids of the prompt's key questions. */
  readonly keyQuestions: readonly string[];
  /** Ids of the questions the candidate asked. */
  readonly asked: readonly string[];
  /** How many of the prompt's figures the candidate had within 2×, and how many figures it has. */
  readonly estimates: { readonly close: number; readonly total: number };
  /** The prompt's red flags with their costs. */
  readonly redFlags: readonly { readonly id: string; readonly cost: number }[];
  /** The costs of the hints the candidate took. */
  readonly hintCosts: readonly number[];
}

/** How a graded attempt scores, and why. */
export interface ScoreBreakdown {
  /** Rubric points earned (weights, halves for "mentioned"). */
  readonly rubricEarned: number;
  /** Sum of the rubric's weights. */
  readonly rubricPossible: number;
  /** Clarify points earned, out of {@link CLARIFY_POINTS}. */
  readonly clarifyEarned: number;
  /** Estimate points earned, out of {@link ESTIMATE_POINTS}. */
  readonly estimateEarned: number;
  /** Everything that could be earned. */
  readonly possible: number;
  /** 100 × earned ÷ possible, before costs and the cap. */
  readonly base: number;
  /** Points taken off for red flags. */
  readonly flagPenalty: number;
  /** Points taken off for hints. */
  readonly hintPenalty: number;
  /** Ids of must-have items graded as missed. */
  readonly missedMustHaves: readonly string[];
  /** Whether the must-have cap lowered the score. */
  readonly capped: boolean;
  /** The score, 0–100, a whole number. */
  readonly score: number;
}

const positive = (n: number) => (Number.isFinite(n) && n > 0 ? n : 0);

/**
 * Scores one grading. possible = Σ weights + 5 + 3; earned = Σ (weight × level ÷ 2) + 5 × key
 * questions asked ÷ key questions + 3 × figures close ÷ figures; score = 100 × earned ÷ possible
 * minus red-flag and hint costs, floored at 0, rounded, and at most 60 when a must-have is missed.
 * A prompt with no key questions (or no figures) gives those points to everyone.
 */
export function scoreGrading(grading: Grading, input: ScoreInput): ScoreBreakdown {
  let rubricEarned = 0;
  let rubricPossible = 0;
  const missedMustHaves: string[] = [];
  const seen = new Set<string>();
  for (const item of input.rubric) {
    if (seen.has(item.id)) continue;
    seen.add(item.id);
    const level = Object.hasOwn(grading.levels, item.id) ? (grading.levels[item.id] ?? 0) : 0;
    const weight = positive(item.weight);
    rubricPossible += weight;
    rubricEarned += (weight * level) / 2;
    if (item.mustHave === true && level === 0) missedMustHaves.push(item.id);
  }
  const keys = new Set(input.keyQuestions);
  const askedKeys = new Set(input.asked.filter((id) => keys.has(id))).size;
  const clarifyEarned = keys.size === 0 ? CLARIFY_POINTS : (CLARIFY_POINTS * askedKeys) / keys.size;
  const { close, total } = input.estimates;
  const estimateEarned = total <= 0 ? ESTIMATE_POINTS : (ESTIMATE_POINTS * Math.min(Math.max(close, 0), total)) / total;
  const possible = rubricPossible + CLARIFY_POINTS + ESTIMATE_POINTS;
  const base = (MAX_SCORE * (rubricEarned + clarifyEarned + estimateEarned)) / possible;
  const flagged = new Set(grading.flags);
  const flagPenalty = input.redFlags.filter((f) => flagged.has(f.id)).reduce((sum, f) => sum + positive(f.cost), 0);
  const hintPenalty = input.hintCosts.reduce((sum, cost) => sum + positive(cost), 0);
  const uncapped = Math.round(Math.max(0, base - flagPenalty - hintPenalty));
  const capped = missedMustHaves.length > 0 && uncapped > MUST_HAVE_CAP;
  return {
    rubricEarned,
    rubricPossible,
    clarifyEarned,
    estimateEarned,
    possible,
    base,
    flagPenalty,
    hintPenalty,
    missedMustHaves,
    capped,
    score: capped ? MUST_HAVE_CAP : uncapped,
  };
}

/** Whether every rubric item of the prompt has a level: the form is complete and can be submitted. */
export function isGradingComplete(levels: Readonly<Record<string, GradeLevel>>, rubric: readonly { id: string }[]): boolean {
  return rubric.every((item) => Object.hasOwn(levels, item.id));
}

/** Where the course teaches something (as the practice schema declares it). */
export interface Teaches {
  readonly lesson: string;
  readonly section?: string | undefined;
  readonly challenge?: string | undefined;
}

/** The URL of a lesson, or of one section of it: `/lessons/<id>/#<section>`. */
export function teachesHref(teaches: Teaches): string {
  return withBase(`/lessons/${teaches.lesson}/${teaches.section === undefined ? '' : `#${teaches.section}`}`);
}

/** What kind of gap a feedback line is about. */
export type FeedbackKind = 'must-have' | 'rubric' | 'red-flag' | 'question' | 'check' | 'estimate';

/** One line of feedback: something missed, and where it is taught. */
export interface FeedbackItem {
  readonly kind: FeedbackKind;
  /** Id of the rubric item, question, check, figure or red flag. */
  readonly id: string;
  /** What was missed, in words. */
  readonly text: string;
  /** Where it is taught (may be empty). */
  readonly teaches: readonly Teaches[];
}

/** What the feedback is built from: the prompt's parts and how the attempt did on each. */
export interface FeedbackInput {
  readonly rubric: readonly (GradedItem & { text: string; teaches?: readonly Teaches[] | undefined })[];
  readonly grading: Grading;
  readonly redFlags: readonly { id: string; text: string; teaches: readonly Teaches[] }[];
  readonly questions: readonly { id: string; ask: string; importance: string }[];
  readonly asked: readonly string[];
  readonly checks: readonly { id: string; text: string; passed: boolean; teaches: readonly Teaches[] }[];
  readonly estimates: readonly { id: string; close: boolean; verdict: string }[];
  /** The lessons the prompt exercises, for gaps with no teaching link of their own. */
  readonly lessons: readonly string[];
}

/**
 * What was missed, most important first: must-have items missed (they cap the score, so they come
 * first), red flags fallen into, other rubric items missed or only mentioned, key questions not
 * asked, structural checks failed and figures off by more than 2×.
 */
export function feedbackItems(input: FeedbackInput): FeedbackItem[] {
  const level = (id: string): GradeLevel => (Object.hasOwn(input.grading.levels, id) ? (input.grading.levels[id] ?? 0) : 0);
  const fallback: Teaches[] = input.lessons.slice(0, 1).map((lesson) => ({ lesson }));
  const items: FeedbackItem[] = [];
  for (const item of input.rubric) {
    if (item.mustHave === true && level(item.id) === 0) {
      items.push({ kind: 'must-have', id: item.id, text: `Must-have missed: ${item.text}`, teaches: item.teaches ?? fallback });
    }
  }
  const flagged = new Set(input.grading.flags);
  for (const flag of input.redFlags) {
    if (flagged.has(flag.id)) items.push({ kind: 'red-flag', id: flag.id, text: `Red flag: ${flag.text}`, teaches: flag.teaches });
  }
  for (const item of input.rubric) {
    const l = level(item.id);
    if (l === 2 || (item.mustHave === true && l === 0)) continue;
    const how = l === 0 ? 'Missed' : 'Mentioned but not explained with its trade-off';
    items.push({ kind: 'rubric', id: item.id, text: `${how}: ${item.text}`, teaches: item.teaches ?? fallback });
  }
  const asked = new Set(input.asked);
  for (const q of input.questions) {
    if (q.importance === 'key' && !asked.has(q.id)) items.push({ kind: 'question', id: q.id, text: `Key question not asked: “${q.ask}”`, teaches: fallback });
  }
  for (const check of input.checks) {
    if (!check.passed) items.push({ kind: 'check', id: check.id, text: `Not in your diagram: ${check.text}`, teaches: check.teaches });
  }
  for (const figure of input.estimates) {
    if (!figure.close) items.push({ kind: 'estimate', id: figure.id, text: figure.verdict, teaches: [] });
  }
  return items;
}

/**
 * The lessons to go to next, from the feedback: each lesson once, in the order the feedback first
 * links to it (the most important gaps first).
 */
export function lessonsToRevisit(items: readonly FeedbackItem[]): string[] {
  return [...new Set(items.flatMap((item) => item.teaches.map((t) => t.lesson)))];
}

/** The parts of a prompt an attempt is scored against. */
export interface ScoredPrompt {
  readonly rubric: readonly GradedItem[];
  readonly questions: readonly { id: string; importance: string }[];
  readonly estimates: readonly { id: EstimateId; value: number; working: string }[];
  readonly redFlags: readonly { id: string; cost: number }[];
  readonly ladders: readonly Ladder<LadderHint>[];
}

/** What an attempt brings to its score besides the grading: questions asked, figures close, hints taken. */
export function scoreInputFor(prompt: ScoredPrompt, attempt: PracticeAttempt): ScoreInput {
  const figures = compareEstimates(prompt.estimates, attempt.estimates?.values ?? {});
  return {
    rubric: prompt.rubric,
    keyQuestions: prompt.questions.filter((q) => q.importance === 'key').map((q) => q.id),
    asked: attempt.asked ?? [],
    estimates: { close: figures.filter((f) => f.close).length, total: figures.length },
    redFlags: prompt.redFlags,
    hintCosts: hintCosts(prompt.ladders, attempt.hints ?? []),
  };
}
