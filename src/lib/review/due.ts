import { fromStoredCard } from './stored-card.ts';

/** The part of a progress `review` entry the due list reads (a progress `review` entry fits). */
export interface ScheduledEntry {
  /** The stored card; an unreadable one is skipped. */
  readonly card: unknown;
}

/** The progress `review` slot, or anything shaped like it: entries by question id. */
export type ReviewSlot = Readonly<Record<string, ScheduledEntry>>;

/** The bank a question belongs to, or `undefined` when unknown. */
export type BankOf = (questionId: string) => string | undefined;

interface Due {
  id: string;
  due: number;
}

/** Every readable card's question id and due time (epoch ms). Malformed cards are left out. */
function scheduled(slot: ReviewSlot): Due[] {
  const out: Due[] = [];
  for (const id of Object.keys(slot)) {
    const card = Object.hasOwn(slot, id) ? fromStoredCard(slot[id]?.card) : undefined;
    if (card !== undefined) out.push({ id, due: card.due.getTime() });
  }
  return out;
}

function byDue(a: Due, b: Due): number {
  return a.due - b.due || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0);
}

/**
 * The questions due for review at `now`, oldest due first, mixed across banks. Questions are
 * grouped by bank (a question whose bank `bankOf` does not know is a group of its own), each group
 * sorted by due time then id; groups are ordered by their first question (oldest due time, then
 * id); then the list takes one question from each group in turn. So the most overdue question comes first and
 * two questions of one bank are never next to each other while another bank still has some.
 * Without `bankOf` the list is simply sorted by due time, then id. Malformed cards are ignored.
 */
export function dueQuestions(reviewSlot: ReviewSlot, now: Date, bankOf?: BankOf): string[] {
  const at = now.getTime();
  const due = scheduled(reviewSlot)
    .filter((item) => item.due <= at)
    .sort(byDue);
  if (bankOf === undefined) return due.map((item) => item.id);

  const groups = new Map<string, string[]>();
  for (const item of due) {
    // Known banks are keyed "b:<bank>" and unknown ones "q:<question>", so the two never collide.
    const bank = bankOf(item.id);
    const key = bank === undefined ? `q:${item.id}` : `b:${bank}`;
    const group = groups.get(key);
    if (group === undefined) groups.set(key, [item.id]);
    else group.push(item.id);
  }
  // `due` is sorted, so the groups were created in the order of their first question.
  const lists = [...groups.values()];
  const out: string[] = [];
  for (let round = 0; out.length < due.length; round += 1) {
    for (const list of lists) {
      const id = list[round];
      if (id !== undefined) out.push(id);
    }
  }
  return out;
}

/** How many questions are due for review at `now`. Malformed cards are not counted. */
export function dueCount(reviewSlot: ReviewSlot, now: Date): number {
  const at = now.getTime();
  return scheduled(reviewSlot).filter((item) => item.due <= at).length;
}

/**
 * When the earliest review falls due — in the past if something is already due — or `undefined`
 * when nothing is scheduled. With `dueCount` at 0 this is "next review at …".
 */
export function nextDue(reviewSlot: ReviewSlot): Date | undefined {
  const first = scheduled(reviewSlot).sort(byDue)[0];
  return first === undefined ? undefined : new Date(first.due);
}

/** The saved answers to one question, as far as finding its bank needs (a progress `quiz` entry fits). */
export interface AnsweredEntry {
  /** Answers, oldest first, each with the bank it was asked from. */
  readonly attempts: readonly { readonly bankId: string }[];
}

/**
 * The bank of each answered question, from the progress `quiz` slot (the bank of its latest
 * answer), to pass as `bankOf` to {@link dueQuestions} when the banks' content is not at hand.
 */
export function banksFromAnswers(quizSlot: Readonly<Record<string, AnsweredEntry>>): BankOf {
  return (questionId) => (Object.hasOwn(quizSlot, questionId) ? quizSlot[questionId]?.attempts.at(-1)?.bankId : undefined);
}

/**
 * Whether an answer touches the review schedule: a miss always does; a right answer only
 * reschedules a question that is already scheduled. `review()` follows the same rule, and callers
 * can ask here first without loading the scheduler (ts-fsrs).
 */
export function affectsSchedule(stored: unknown, correct: boolean): boolean {
  return !correct || fromStoredCard(stored) !== undefined;
}
