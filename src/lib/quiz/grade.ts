import type { Question } from '../../schemas/quiz.ts';

/**
 * What a learner submitted. Single and true-false: one option id (a one-element list or set is
 * accepted too, which is how answers come back from saved progress). Multiple: the chosen option
 * ids, as a list or a set. Order: every item id, in the learner's order.
 */
export type Answer = string | readonly string[] | ReadonlySet<string>;

/**
 * The rule for multiple-answer questions, worded for learners so the quiz can show it next to the
 * question and the score. {@link grade} applies exactly this rule.
 */
export const MULTIPLE_ANSWER_RULE =
  'Select every correct option and nothing else: the answer counts as right only if your selection matches the correct options exactly. ' +
  'Partial credit in the score breakdown is (right choices − wrong choices) ÷ number of correct options, never below zero.';

/** How one option of a single, true-false or multiple question fared. */
export type OptionVerdictKind =
  /** Chosen, and correct. */
  | 'right-choice'
  /** Chosen, but not correct. */
  | 'wrong-choice'
  /** Correct, but not chosen. */
  | 'missed'
  /** Not correct, and not chosen. */
  | 'rightly-left';

/** One option of the question with what the learner did with it, in the order the bank lists them. */
export interface OptionVerdict {
  /** The option's id. */
  id: string;
  /** Whether the learner chose it. */
  chosen: boolean;
  /** Whether the option is a correct one. */
  correct: boolean;
  /** The two combined, for the feedback under the option. */
  verdict: OptionVerdictKind;
}

/** Where one item of an order question ended up, in the order the bank lists the items (the correct order). */
export interface ItemPlacement {
  /** The item's id. */
  id: string;
  /** Where the learner put it, from 0; `null` when an invalid answer left it out. */
  position: number | null;
  /** Where it belongs, from 0. */
  correctPosition: number;
  /** Whether it is where it belongs. */
  inPlace: boolean;
}

/**
 * Why an answer cannot be graded as given. The message is plain English for the learner (for the
 * codes a quiz UI can produce) or for a developer (for ids that are not part of the question).
 */
export type AnswerProblem =
  /** Nothing chosen, or an order question answered with no items. */
  | { code: 'empty'; message: string }
  /** An id that is not an option (or item) of this question. */
  | { code: 'unknown-id'; id: string; message: string }
  /** The same id given twice. */
  | { code: 'duplicate-id'; id: string; message: string }
  /** More than one option for a single or true-false question. */
  | { code: 'too-many'; message: string }
  /** An order answer that leaves out one of the items. */
  | { code: 'missing-item'; id: string; message: string };

/** The outcome of grading one answer. */
export interface GradeResult {
  /** Whether the answer is right: the exact correct option(s), or every item in place. */
  correct: boolean;
  /**
   * Partial credit from 0 to 1: for option questions max(0, (right choices − wrong choices) ÷
   * correct options); for order questions the share of items in place. 1 exactly when `correct`.
   */
  score: number;
  /** Every option with its verdict, in bank order. Empty for order questions, which have items. */
  perOption: OptionVerdict[];
  /** Order questions only: every item's placement, in bank (correct) order. */
  perItem?: ItemPlacement[];
  /** Set when the answer was invalid; it is then graded as wrong with score 0. */
  problem?: AnswerProblem;
}

/** The ids of an answer as a list, in the order given. */
export function answerIds(answer: Answer): string[] {
  return typeof answer === 'string' ? [answer] : [...answer];
}

/** The ids a question's answer may use: its options' ids, or its items' ids for an order question. */
function validIds(question: Question): string[] {
  return question.kind === 'order' ? question.items.map((item) => item.id) : question.options.map((option) => option.id);
}

/**
 * Why `answer` is not a valid answer to `question`, or `undefined` when it is. Checked in this
 * order: empty, unknown id, duplicate id, too many ids (single, true-false), missing item (order).
 * A quiz UI calls this before submitting, to show the message instead of grading.
 */
export function checkAnswer(question: Question, answer: Answer): AnswerProblem | undefined {
  const ids = answerIds(answer);
  if (ids.length === 0) {
    const message = question.kind === 'order' ? 'Put the steps in order.' : question.kind === 'multiple' ? 'Choose at least one option.' : 'Choose an answer.';
    return { code: 'empty', message };
  }
  const known = new Set(validIds(question));
  const seen = new Set<string>();
  for (const id of ids) {
    if (!known.has(id)) return { code: 'unknown-id', id, message: `"${id}" is not part of question ${question.id}.` };
    if (seen.has(id)) return { code: 'duplicate-id', id, message: `"${id}" was given more than once.` };
    seen.add(id);
  }
  if ((question.kind === 'single' || question.kind === 'true-false') && ids.length > 1) {
    return { code: 'too-many', message: 'Choose only one answer.' };
  }
  if (question.kind === 'order') {
    const missing = [...known].find((id) => !seen.has(id));
    if (missing !== undefined) return { code: 'missing-item', id: missing, message: 'Place every step before checking the order.' };
  }
  return undefined;
}

function verdictOf(chosen: boolean, correct: boolean): OptionVerdictKind {
  if (chosen) return correct ? 'right-choice' : 'wrong-choice';
  return correct ? 'missed' : 'rightly-left';
}

/**
 * Grades an answer to a question of any kind. Never throws: an invalid answer (see
 * {@link checkAnswer}) is graded as wrong with score 0, its `problem` set, and the breakdown
 * built from the ids that are part of the question. Multiple-answer questions follow
 * {@link MULTIPLE_ANSWER_RULE}; order questions are right only with every item in place.
 */
export function grade(question: Question, answer: Answer): GradeResult {
  const ids = answerIds(answer);
  const problem = checkAnswer(question, answer);

  if (question.kind === 'order') {
    const n = question.items.length;
    const perItem = question.items.map((item, correctPosition): ItemPlacement => {
      const at = ids.indexOf(item.id);
      const position = at === -1 ? null : at;
      return { id: item.id, position, correctPosition, inPlace: position === correctPosition };
    });
    if (problem !== undefined) return { correct: false, score: 0, perOption: [], perItem, problem };
    const inPlace = perItem.filter((item) => item.inPlace).length;
    return { correct: inPlace === n, score: inPlace / n, perOption: [], perItem };
  }

  const chosen = new Set(ids);
  const perOption = question.options.map((option): OptionVerdict => {
    const isChosen = chosen.has(option.id);
    return { id: option.id, chosen: isChosen, correct: option.correct, verdict: verdictOf(isChosen, option.correct) };
  });
  if (problem !== undefined) return { correct: false, score: 0, perOption, problem };
  const right = perOption.filter((o) => o.verdict === 'right-choice').length;
  const wrong = perOption.filter((o) => o.verdict === 'wrong-choice').length;
  const missed = perOption.filter((o) => o.verdict === 'missed').length;
  const correctCount = right + missed;
  // A bank always has at least one correct option; the guard only keeps a bad one from dividing by zero.
  const score = correctCount === 0 ? 0 : Math.max(0, (right - wrong) / correctCount);
  return { correct: wrong === 0 && missed === 0, score, perOption };
}

/**
 * The answer that is right for a question: its correct option ids in bank order, or its item ids
 * in the correct order. For showing "the right answer was …" and for tests.
 */
export function correctAnswer(question: Question): string[] {
  return question.kind === 'order'
    ? question.items.map((item) => item.id)
    : question.options.filter((option) => option.correct).map((option) => option.id);
}
