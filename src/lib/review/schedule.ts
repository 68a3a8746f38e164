import { createEmptyCard, fsrs, Rating, type Card, type FSRS } from 'ts-fsrs';
import { fromStoredCard, toStoredCard, type StoredCard } from './stored-card.ts';

/**
 * Minutes from a miss to the question's next review: after the first wrong answer, and again after
 * every wrong answer in review. Long enough that the review is not just re-reading the feedback,
 * short enough to come up in the same sitting.
 */
export const RETRY_AFTER_MINUTES = 10;

let scheduler: FSRS | undefined;

/**
 * The FSRS scheduler, built on first use. One learning step and one relearning step of
 * {@link RETRY_AFTER_MINUTES}: a wrong answer brings a question back after that delay, and a right
 * answer in (re)learning moves it to FSRS's day-based intervals. Fuzz is off, so the same history
 * always gives the same schedule.
 */
function getScheduler(): FSRS {
  scheduler ??= fsrs({
    learning_steps: [`${RETRY_AFTER_MINUTES}m`],
    relearning_steps: [`${RETRY_AFTER_MINUTES}m`],
    enable_fuzz: false,
  });
  return scheduler;
}

/**
 * The review card of a question after the learner answered it at `now`, or `undefined` when the
 * question has nothing to schedule. Pure; the clock is passed in.
 *
 * - No card yet (or an unreadable one) and a wrong answer: the question enters the schedule, rated
 *   Again, due {@link RETRY_AFTER_MINUTES} minutes later.
 * - No card yet and a right answer: `undefined` — questions answered right are not scheduled.
 * - A card: rescheduled, right = Good (due later: a day or more once out of learning, growing with
 *   each right answer), wrong = Again (due {@link RETRY_AFTER_MINUTES} minutes later). This holds
 *   whether or not the card was due, so answering early in a quiz counts too.
 *
 * If `now` is before the card's last review (the clock went back), the answer counts as given at
 * the last review. If `now` is not a valid date nothing is rescheduled: the card comes back as it
 * was (`undefined` when there was none).
 */
export function review(stored: unknown, correct: boolean, now: Date): StoredCard | undefined {
  const card = stored === undefined ? undefined : fromStoredCard(stored);
  if (Number.isNaN(now.getTime())) return card === undefined ? undefined : toStoredCard(card);
  if (card === undefined) {
    if (correct) return undefined;
    return toStoredCard(getScheduler().next(createEmptyCard(now), now, Rating.Again).card);
  }
  const at = card.last_review !== undefined && card.last_review.getTime() > now.getTime() ? card.last_review : now;
  const next: Card = getScheduler().next(card, at, correct ? Rating.Good : Rating.Again).card;
  return toStoredCard(next);
}

/** The FSRS rating each follow-up grade gives (src/lib/quiz/followup.ts). */
const FOLLOW_UP_RATINGS = { again: Rating.Again, hard: Rating.Hard, good: Rating.Good, easy: Rating.Easy } as const;

/**
 * The review card of a follow-up after the learner graded an answer at `now`. Unlike a quiz
 * question, a follow-up always joins the schedule, whatever the grade: the point is to say the answer
 * again later. The grade is the FSRS rating (again, hard, good, easy). As with {@link review}, a clock
 * that went back counts as the last review, and an invalid `now` changes nothing.
 */
export function reviewFollowUp(stored: unknown, grade: keyof typeof FOLLOW_UP_RATINGS, now: Date): StoredCard | undefined {
  const card = stored === undefined ? undefined : fromStoredCard(stored);
  if (Number.isNaN(now.getTime())) return card === undefined ? undefined : toStoredCard(card);
  const base: Card = card ?? createEmptyCard<Card>(now);
  const at = base.last_review !== undefined && base.last_review.getTime() > now.getTime() ? base.last_review : now;
  return toStoredCard(getScheduler().next(base, at, FOLLOW_UP_RATINGS[grade]).card);
}
