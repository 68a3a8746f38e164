/**
 * The data behind the progress dashboard's charts, computed from progress alone so the charts can
 * be drawn (and tested) without a browser. Time is passed in.
 */
import type { ProgressData } from '../../schemas/progress.ts';
import { bestScore } from '../quiz/best-score.ts';
import { dueCount, type ReviewSlot } from '../review/due.ts';
import { fromStoredCard } from '../review/stored-card.ts';
import { isLessonComplete, noteText, readEntry } from './model.ts';

/** Where a learner stands on one thing: nothing to do here, not started, under way, or done. */
export type MapState = 'none' | 'todo' | 'started' | 'done';

/** What the course map needs to know about a lesson and what belongs to it. */
export interface MapLesson {
  id: string;
  title: string;
  href: string;
  /** Questions of the quiz bank(s) of this lesson. */
  questionIds: readonly string[];
  /** Challenges of the lab embedded in this lesson. */
  challengeIds: readonly string[];
}

/** One cell of the course map: a state and the words for it. */
export interface MapCell {
  state: MapState;
  /** "Completed", "7 of 12 right", "1 of 2 challenges passed", "No lab". */
  text: string;
}

/** One lesson's column of the course map. */
export interface MapColumn {
  id: string;
  title: string;
  href: string;
  lesson: MapCell;
  quiz: MapCell;
  lab: MapCell;
}

/** A count as a state: nothing to count, none, some, all. */
function countState(done: number, total: number): MapState {
  if (total === 0) return 'none';
  return done === 0 ? 'todo' : done < total ? 'started' : 'done';
}

/**
 * The course map: for every lesson (in the order given, course order), whether it is read, how its
 * quiz went (by each question's latest answer: done when every question's latest answer is right)
 * and how many of its lab's challenges are passed. A lesson with notes but not completed is started.
 */
export function courseMap(lessons: readonly MapLesson[], state: ProgressData): MapColumn[] {
  return lessons.map((lesson) => {
    const complete = isLessonComplete(state, lesson.id);
    const noted = noteText(state, lesson.id).trim() !== '';
    const score = bestScore(state.quiz, lesson.questionIds);
    const quizState = score.total === 0 ? 'none' : score.answered === 0 ? 'todo' : score.correct === score.total ? 'done' : 'started';
    const passed = lesson.challengeIds.filter((id) => readEntry(state.challenges, id) !== undefined).length;
    const labTotal = lesson.challengeIds.length;
    return {
      id: lesson.id,
      title: lesson.title,
      href: lesson.href,
      lesson: complete ? { state: 'done', text: 'Completed' } : { state: noted ? 'started' : 'todo', text: noted ? 'Notes taken, not completed' : 'Not completed' },
      quiz: {
        state: quizState,
        text: score.total === 0 ? 'No quiz' : score.answered === 0 ? 'Not taken' : `${score.correct} of ${score.total} right`,
      },
      lab: { state: countState(passed, labTotal), text: labTotal === 0 ? 'No lab challenges' : `${passed} of ${labTotal} challenges passed` },
    };
  });
}

/** A practice prompt as the map shows it. */
export interface PracticeCell extends MapCell {
  id: string;
  title: string;
}

/** Each practice prompt: not attempted, attempted (not yet scored), or scored (with the best score). */
export function practiceMap(prompts: readonly { id: string; title: string }[], state: ProgressData): PracticeCell[] {
  return prompts.map(({ id, title }) => {
    const attempts = readEntry(state.practice, id)?.attempts ?? [];
    const scores = attempts.map((a) => a.score).filter((s): s is number => s !== undefined);
    if (scores.length > 0) return { id, title, state: 'done', text: `Best score ${Math.max(...scores)}` };
    return attempts.length > 0 ? { id, title, state: 'started', text: 'Attempted, not scored' } : { id, title, state: 'todo', text: 'Not attempted' };
  });
}

/** A quiz bank as the accuracy chart needs it. */
export interface ChartBank {
  id: string;
  title: string;
  questionIds: readonly string[];
}

/** One bar of the accuracy chart. */
export interface BankBar {
  id: string;
  title: string;
  /** Questions answered at least once. */
  answered: number;
  /** Of those, questions whose latest answer was right. */
  correct: number;
  /** Questions in the bank. */
  total: number;
  /** Whole-number share of answered questions that are right (0 when none answered). */
  percent: number;
  /** The bank's questions due for review at `now`. */
  due: number;
}

/**
 * Accuracy per quiz bank, every bank in the order given (course order), taken or not: by each
 * question's latest answer, and how many of the bank's questions are due for review at `now`.
 */
export function bankAccuracy(banks: readonly ChartBank[], state: ProgressData, now: Date): BankBar[] {
  return banks.map((bank) => {
    const { answered, correct, total } = bestScore(state.quiz, bank.questionIds);
    const slot: Record<string, ReviewSlot[string]> = {};
    for (const id of bank.questionIds) {
      const entry = readEntry(state.review, id);
      if (entry) slot[id] = entry;
    }
    return { id: bank.id, title: bank.title, answered, correct, total, percent: answered === 0 ? 0 : Math.round((correct / answered) * 100), due: dueCount(slot, now) };
  });
}

const DAY = 24 * 60 * 60 * 1000;

/** One day of the review forecast. */
export interface ForecastDay {
  /** 0 for the next 24 hours (overdue questions included), 1 for the 24 hours after, and so on. */
  day: number;
  /** Questions falling due that day. */
  count: number;
}

/**
 * How many review questions fall due in each of the next `days` 24-hour windows from `now`;
 * questions already overdue count in the first. Unreadable cards and questions due later are left out.
 */
export function reviewForecast(reviewSlot: ReviewSlot, now: Date, days = 14): ForecastDay[] {
  const counts = Array.from({ length: days }, (_, day) => ({ day, count: 0 }));
  for (const id of Object.keys(reviewSlot)) {
    const card = fromStoredCard(reviewSlot[id]?.card);
    if (!card) continue;
    const day = Math.max(0, Math.floor((card.due.getTime() - now.getTime()) / DAY));
    const bucket = counts[day];
    if (bucket) bucket.count += 1;
  }
  return counts;
}

/** One scored practice attempt, for the score trend. */
export interface ScorePoint {
  promptId: string;
  /** When it was submitted (ISO timestamp). */
  at: string;
  score: number;
  hintsUsed: number;
}

/** Every scored practice attempt, oldest first: the points of the practice score chart. */
export function practiceScores(state: ProgressData): ScorePoint[] {
  return Object.entries(state.practice)
    .flatMap(([promptId, entry]) =>
      entry.attempts.flatMap((a) => (a.score === undefined ? [] : [{ promptId, at: a.submittedAt ?? a.startedAt, score: a.score, hintsUsed: a.hintsUsed }])),
    )
    .sort((a, b) => a.at.localeCompare(b.at) || a.promptId.localeCompare(b.promptId));
}
