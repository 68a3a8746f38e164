import type { Question, QuizBank } from '../../schemas/quiz.ts';
import { answerIds, checkAnswer, grade, type Answer, type GradeResult } from './grade.ts';

/** One question of a quiz run, with the bank it was asked from and the topic it counts towards. */
export interface RunQuestion {
  /** The question, as in its bank. */
  question: Question;
  /** The bank's id: what a recorded answer is saved with. */
  bankId: string;
  /** The topic for the per-topic breakdown. */
  topic: string;
}

/** A submitted answer in a run. */
export interface RunAnswer {
  /** The ids the learner submitted, in their order (what progress stores as `chosen`). */
  ids: readonly string[];
  /** How the answer was graded. */
  result: GradeResult;
}

/**
 * One attempt at a quiz: a fixed list of questions, a seed for option order, and the answers so
 * far. Immutable: every step returns a new run.
 */
export interface QuizRun {
  /** Seed of this attempt; pass it to `optionOrder` so options keep their order on re-render. */
  seed: string;
  /** The questions in the order they are asked. */
  questions: readonly RunQuestion[];
  /** Answers by question id. A question is answered at most once per run. */
  answers: ReadonlyMap<string, RunAnswer>;
}

/** How to start a run. */
export interface StartOptions {
  /** Seed for option order; a new one for each attempt (for example the start time as text). */
  seed: string;
  /**
   * Only these questions, in this order ("retry only the ones I missed", a review session). Ids
   * not found in the banks (retired questions) and repeats are skipped. All questions when absent.
   */
  questionIds?: readonly string[];
  /** Topic per question id, overriding the topic of the question's bank. */
  topicOf?: ReadonlyMap<string, string>;
}

/**
 * Starts a run over one bank, or over several (a mixed review). Without `questionIds` the
 * questions come in bank order, banks in the order given. A question id found in more than one
 * bank is taken from the first.
 */
export function startAttempt(banks: QuizBank | readonly QuizBank[], options: StartOptions): QuizRun {
  const list: readonly QuizBank[] = isBankList(banks) ? banks : [banks];
  const byId = new Map<string, RunQuestion>();
  for (const bank of list) {
    for (const question of bank.questions) {
      if (byId.has(question.id)) continue;
      byId.set(question.id, { question, bankId: bank.id, topic: options.topicOf?.get(question.id) ?? bank.topic });
    }
  }
  const ids = options.questionIds === undefined ? [...byId.keys()] : [...new Set(options.questionIds)];
  const questions = ids.map((id) => byId.get(id)).filter((q): q is RunQuestion => q !== undefined);
  return { seed: options.seed, questions, answers: new Map() };
}

function isBankList(banks: QuizBank | readonly QuizBank[]): banks is readonly QuizBank[] {
  return Array.isArray(banks);
}

/**
 * The run with `answer` submitted for `questionId`, graded. Returns the very same run (check with
 * `===`) when the question is not in the run, was already answered, or the answer is invalid —
 * call `checkAnswer` first to show the learner why.
 */
export function answer(run: QuizRun, questionId: string, given: Answer): QuizRun {
  const entry = run.questions.find((q) => q.question.id === questionId);
  if (entry === undefined || run.answers.has(questionId) || checkAnswer(entry.question, given) !== undefined) return run;
  const answers = new Map(run.answers);
  answers.set(questionId, { ids: answerIds(given), result: grade(entry.question, given) });
  return { ...run, answers };
}

/** The first question not yet answered, in run order; `undefined` once every question is answered. */
export function currentQuestion(run: QuizRun): RunQuestion | undefined {
  return run.questions.find((q) => !run.answers.has(q.question.id));
}

/**
 * The question to show after `afterId`: the first unanswered one that follows it in run order,
 * wrapping round to earlier gaps, so a quiz opened at question N (a search result, a link from the
 * score page) goes on to N+1 and still asks 1…N−1 before the score. `undefined` once every question
 * is answered; with an id not in the run this is {@link currentQuestion}.
 */
export function nextQuestion(run: QuizRun, afterId: string): RunQuestion | undefined {
  const from = run.questions.findIndex((q) => q.question.id === afterId);
  if (from === -1) return currentQuestion(run);
  for (let step = 1; step <= run.questions.length; step += 1) {
    const candidate = run.questions[(from + step) % run.questions.length];
    if (candidate && !run.answers.has(candidate.question.id)) return candidate;
  }
  return undefined;
}

/** How far the run has got. */
export interface RunProgress {
  /** Questions answered. */
  answered: number;
  /** Questions in the run. */
  total: number;
}

/** How many of the run's questions are answered, out of how many. */
export function progress(run: QuizRun): RunProgress {
  return { answered: run.questions.filter((q) => run.answers.has(q.question.id)).length, total: run.questions.length };
}

/** Results for one topic. */
export interface TopicResult {
  /** The topic key. */
  topic: string;
  /** Questions of the topic answered right. */
  correct: number;
  /** Questions of the topic in the run. */
  total: number;
}

/** The result of a run. */
export interface RunSummary {
  /** Partial-credit points: the sum of every question's score (0 to `total`); unanswered questions add 0. */
  score: number;
  /** Questions in the run. */
  total: number;
  /** Questions answered right. */
  correct: number;
  /** Per topic, topics in the order they first appear in the run. */
  byTopic: TopicResult[];
  /** Questions not answered right (wrong or unanswered), in run order: what "retry missed" asks again. */
  missed: string[];
}

/** The summary of a run; it can be called before every question is answered. */
export function finish(run: QuizRun): RunSummary {
  const topics = new Map<string, TopicResult>();
  const missed: string[] = [];
  let score = 0;
  let correct = 0;
  for (const { question, topic } of run.questions) {
    const result = run.answers.get(question.id)?.result;
    const row = topics.get(topic) ?? { topic, correct: 0, total: 0 };
    row.total += 1;
    if (result?.correct === true) {
      correct += 1;
      row.correct += 1;
    } else {
      missed.push(question.id);
    }
    score += result?.score ?? 0;
    topics.set(topic, row);
  }
  return { score, total: run.questions.length, correct, byTopic: [...topics.values()], missed };
}
