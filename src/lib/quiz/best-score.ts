/** The part of a saved quiz answer that scoring needs (a progress `quiz` attempt fits). */
export interface ScoredAttempt {
  /** When it was submitted (ISO timestamp). */
  readonly at: string;
  /** Whether it was right. */
  readonly correct: boolean;
}

/** The saved answers to one question (a progress `quiz` entry fits). */
export interface ScoredEntry {
  /** Answers, oldest first. */
  readonly attempts: readonly ScoredAttempt[];
}

/** A bank's standing for the quizzes index. */
export interface BankScore {
  /** Questions of the bank answered at least once. */
  answered: number;
  /** Of those, questions whose latest answer was right. */
  correct: number;
  /** Questions in the bank. */
  total: number;
}

/** The latest of a question's answers: the greatest `at`, and the later in the list on a tie. */
function latest(attempts: readonly ScoredAttempt[]): ScoredAttempt | undefined {
  let best: ScoredAttempt | undefined;
  for (const attempt of attempts) if (best === undefined || attempt.at >= best.at) best = attempt;
  return best;
}

/**
 * How a learner stands on one bank, from the progress `quiz` slot: of the bank's current questions
 * (`questionIds`), how many were ever answered and how many were answered right the last time.
 * Answers are matched by question id whichever bank they were given from (ids are unique across
 * banks, and a review session may ask a question outside its quiz); answers to questions no longer
 * in the bank are not counted. Repeated ids count once.
 */
export function bestScore(quizSlot: Readonly<Record<string, ScoredEntry>>, questionIds: readonly string[]): BankScore {
  const ids = [...new Set(questionIds)];
  let answered = 0;
  let correct = 0;
  for (const id of ids) {
    const last = Object.hasOwn(quizSlot, id) ? latest(quizSlot[id]?.attempts ?? []) : undefined;
    if (last === undefined) continue;
    answered += 1;
    if (last.correct) correct += 1;
  }
  return { answered, correct, total: ids.length };
}
