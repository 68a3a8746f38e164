import type { FollowUpAttempt } from '../../schemas/progress.ts';
import { gradeFollowUp, type FollowUpGrade } from './followup.ts';
import { shuffle } from './shuffle.ts';

/** How many follow-ups a mock round asks. */
export const ROUND_SIZE = 8;
/** Seconds a mock round gives each follow-up (a suggestion: the clock runs over, it never cuts off). */
export const SECONDS_PER_FOLLOW_UP = 120;

/** What a round needs of a follow-up: its id, its topic (lesson), its question and what grading counts. */
export interface TopicFollowUp {
  id: string;
  lesson: string;
  question: string;
  keyPoints: readonly { id: string }[];
  redFlags: readonly { id: string }[];
}

/**
 * The follow-ups of a mock round: up to {@link ROUND_SIZE}, drawn in turn from each chosen topic (in
 * the order given, normally course order) so every topic is asked before any is asked twice, each
 * topic's follow-ups in a seeded random order. The same seed gives the same round.
 */
export function pickRound(
  pool: readonly Pick<TopicFollowUp, 'id' | 'lesson'>[],
  topics: readonly string[],
  seed: string,
  size: number = ROUND_SIZE,
): string[] {
  const queues = topics.map((topic) =>
    shuffle(
      pool.filter((item) => item.lesson === topic).map((item) => item.id),
      `${seed}:${topic}`,
    ),
  );
  const picked: string[] = [];
  for (let turn = 0; picked.length < size && queues.some((q) => turn < q.length); turn += 1) {
    for (const queue of queues) {
      const id = queue[turn];
      if (id !== undefined && picked.length < size) picked.push(id);
    }
  }
  return picked;
}

/** One follow-up of a finished round as the summary shows it. */
export interface TranscriptItem {
  id: string;
  lesson: string;
  question: string;
  /** The answer given in this round, if one was. */
  answer?: { text: string; aloud: boolean; grade: FollowUpGrade; made: string[]; missed: string[]; flags: string[] };
}

/** How one topic went in a round. */
export interface TopicScore {
  lesson: string;
  /** Key points made, out of `points`, over the topic's answered follow-ups. */
  made: number;
  points: number;
  /** Red flags fallen into. */
  flags: number;
  /** Follow-ups asked and answered in the round. */
  asked: number;
  answered: number;
}

/** The summary of a mock round. */
export interface RoundSummary {
  transcript: TranscriptItem[];
  topics: TopicScore[];
  /** Topics with the smallest share of key points made (and any red flag), weakest first; at most three. */
  weakest: string[];
  /** Key points made and possible over the whole round. */
  made: number;
  points: number;
  flags: number;
}

/**
 * Summarises a round from its follow-ups and the answers that name it (`answers` maps a follow-up id
 * to its answers; only the latest answer given in this round counts). An unanswered follow-up counts
 * every key point as missed, so stopping early shows as weakness rather than hiding it.
 */
export function roundSummary(
  roundId: string,
  items: readonly string[],
  byId: ReadonlyMap<string, TopicFollowUp>,
  answers: (followUpId: string) => readonly FollowUpAttempt[],
): RoundSummary {
  const transcript: TranscriptItem[] = [];
  const topics = new Map<string, TopicScore>();
  for (const id of items) {
    const item = byId.get(id);
    if (!item) continue;
    const { lesson } = item;
    const given = answers(id).filter((a) => a.round === roundId).at(-1);
    const score = topics.get(lesson) ?? { lesson, made: 0, points: 0, flags: 0, asked: 0, answered: 0 };
    score.asked += 1;
    score.points += item.keyPoints.length;
    const entry: TranscriptItem = { id, lesson, question: item.question };
    if (given) {
      const result = gradeFollowUp(item, given);
      score.answered += 1;
      score.made += result.made.length;
      score.flags += result.flags.length;
      entry.answer = { text: given.answer, aloud: given.aloud, grade: result.grade, made: result.made, missed: result.missed, flags: result.flags };
    }
    topics.set(lesson, score);
    transcript.push(entry);
  }
  const scores = [...topics.values()];
  const share = (t: TopicScore) => (t.points === 0 ? 1 : t.made / t.points);
  const weakest = scores
    .filter((t) => share(t) < 1 || t.flags > 0)
    .sort((a, b) => share(a) - share(b) || b.flags - a.flags || a.lesson.localeCompare(b.lesson))
    .slice(0, 3)
    .map((t) => t.lesson);
  return {
    transcript,
    topics: scores,
    weakest,
    made: scores.reduce((n, t) => n + t.made, 0),
    points: scores.reduce((n, t) => n + t.points, 0),
    flags: scores.reduce((n, t) => n + t.flags, 0),
  };
}

/** Whole seconds left of a follow-up's time at `now` (negative once over), given when it began. */
export function secondsLeft(startedAt: string, now: Date, limit: number = SECONDS_PER_FOLLOW_UP): number {
  const began = Date.parse(startedAt);
  if (Number.isNaN(began) || Number.isNaN(now.getTime())) return limit;
  return limit - Math.floor((now.getTime() - began) / 1000);
}

/** A clock reading: "1:05", or "0:40 over" once the time is used up. */
export function clockText(seconds: number): string {
  const abs = Math.abs(seconds);
  const text = `${Math.floor(abs / 60)}:${String(abs % 60).padStart(2, '0')}`;
  return seconds < 0 ? `${text} over` : text;
}
