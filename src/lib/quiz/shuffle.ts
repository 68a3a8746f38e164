import type { Question } from '../../schemas/quiz.ts';
import { hashText } from '../hash.ts';

/** A source of numbers in [0, 1), like `Math.random`, but replayable from its seed. */
export type Random = () => number;

/** The mulberry32 generator: small, fast, and the same sequence for the same 32-bit seed everywhere. */
export function mulberry32(seed: number): Random {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/**
 * A shuffled copy of `items` (Fisher–Yates), the same for the same seed. A string seed is hashed
 * with {@link hashText}; a number is used as a 32-bit seed. `items` is not changed.
 */
export function shuffle<T>(items: readonly T[], seed: string | number): T[] {
  const random = mulberry32(typeof seed === 'string' ? hashText(seed) : seed);
  const out = [...items];
  for (let i = out.length - 1; i > 0; i -= 1) {
    const j = Math.floor(random() * (i + 1));
    const a = out[i] as T;
    out[i] = out[j] as T;
    out[j] = a;
  }
  return out;
}

/** How many deterministic re-shuffles an order question gets before falling back to a rotation. */
const ORDER_RESHUFFLES = 16;

function sameOrder(a: readonly string[], b: readonly string[]): boolean {
  return a.length === b.length && a.every((id, i) => id === b[i]);
}

/** Rank for true-false options: `true` first, `false` second, anything else after, as listed. */
function trueFalseRank(id: string): number {
  return id === 'true' ? 0 : id === 'false' ? 1 : 2;
}

/**
 * The order to show a question's options (or an order question's items) in, as ids. The same for
 * the same question id and attempt seed, so a reload mid-quiz shows the same order, and different
 * from one attempt seed to the next. True-false options are never shuffled: True, then False. An
 * order question with three or more items is never shown already in the correct order: it is
 * re-shuffled with derived seeds and, in the unlikely case they all come out sorted, rotated by one.
 */
export function optionOrder(question: Question, attemptSeed: string): string[] {
  const seed = `${attemptSeed}\u0000${question.id}`;
  if (question.kind === 'true-false') {
    return question.options.map((option) => option.id).sort((a, b) => trueFalseRank(a) - trueFalseRank(b));
  }
  if (question.kind !== 'order') return shuffle(question.options.map((option) => option.id), seed);

  const correct = question.items.map((item) => item.id);
  if (correct.length < 3) return shuffle(correct, seed);
  for (let round = 0; round <= ORDER_RESHUFFLES; round += 1) {
    const order = shuffle(correct, round === 0 ? seed : `${seed}\u0000${round}`);
    if (!sameOrder(order, correct)) return order;
  }
  return [...correct.slice(1), ...correct.slice(0, 1)];
}
