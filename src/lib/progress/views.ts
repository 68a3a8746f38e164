import type { ProgressData } from '../../schemas/progress.ts';
import { isLessonComplete, readEntry } from './model.ts';
import { formatDate } from '../course/format.ts';
import type { ProgressSummary } from './transfer.ts';

/** What the progress views need to know about a lesson, in course order. */
export interface OutlineLesson {
  id: string;
  title: string;
  href: string;
}

/** How much of the course is done. */
export interface CompletionSummary {
  /** Lessons of the current course marked done. */
  done: number;
  /** Lessons in the current course. */
  total: number;
  /** Whole-number percentage, 0 to 100. */
  percent: number;
}

/** Completion over the current lessons; entries for retired lessons are kept but not counted. */
export function completionSummary(lessons: readonly OutlineLesson[], state: ProgressData): CompletionSummary {
  const done = lessons.filter((lesson) => isLessonComplete(state, lesson.id)).length;
  const total = lessons.length;
  return { done, total, percent: total === 0 ? 0 : Math.round((done / total) * 100) };
}

/** The most recent time anything was saved about a lesson (completion or note), if ever. */
function lastTouched(state: ProgressData, lessonId: string): string | undefined {
  const stamps = [readEntry(state.lessons, lessonId)?.updatedAt, readEntry(state.notes, lessonId)?.updatedAt];
  return stamps.filter((s): s is string => s !== undefined).sort().at(-1);
}

/**
 * Where "Continue where you left off" leads: from the lesson the learner touched last (completed or
 * wrote notes on), the first lesson not yet done, going forward and wrapping round to earlier gaps.
 * `undefined` when nothing has been touched yet (the learner has not started) or everything is done.
 */
export function continueLesson(lessons: readonly OutlineLesson[], state: ProgressData): OutlineLesson | undefined {
  let latest: { index: number; at: string } | undefined;
  lessons.forEach((lesson, index) => {
    const at = lastTouched(state, lesson.id);
    if (at !== undefined && (latest === undefined || at > latest.at)) latest = { index, at };
  });
  if (latest === undefined) return undefined;
  const start = latest.index;
  for (let step = 0; step < lessons.length; step += 1) {
    const lesson = lessons[(start + step) % lessons.length];
    if (lesson && !isLessonComplete(state, lesson.id)) return lesson;
  }
  return undefined;
}

/** One lesson's note, for the Notes page. */
export interface NoteItem {
  lessonId: string;
  /** The lesson's title, or its id when the lesson no longer exists. */
  title: string;
  /** Link to the lesson, absent when it no longer exists. */
  href: string | undefined;
  text: string;
  updatedAt: string;
}

/** Every non-empty note in course order, then notes of lessons that no longer exist (kept, never dropped). */
export function notesList(lessons: readonly OutlineLesson[], state: ProgressData): NoteItem[] {
  const known = new Map(lessons.map((lesson, index) => [lesson.id, { lesson, index }]));
  return Object.entries(state.notes)
    .filter(([, note]) => note.text.trim() !== '')
    .map(([lessonId, note]) => {
      const lesson = known.get(lessonId)?.lesson;
      return { lessonId, title: lesson?.title ?? lessonId, href: lesson?.href, text: note.text, updatedAt: note.updatedAt };
    })
    .sort((a, b) => (known.get(a.lessonId)?.index ?? Infinity) - (known.get(b.lessonId)?.index ?? Infinity) || a.lessonId.localeCompare(b.lessonId));
}

/** Notes whose title or text contains every word of `query`, ignoring case. */
export function filterNotes(items: readonly NoteItem[], query: string): NoteItem[] {
  const words = query.toLowerCase().split(/\s+/).filter(Boolean);
  return items.filter((item) => {
    const haystack = `${item.title}\n${item.text}`.toLowerCase();
    return words.every((word) => haystack.includes(word));
  });
}

/** "Saved just now", "Saved at 14:05" (today) or "Saved on 3 Nov 2026, 14:05", in the learner's locale. */
export function savedLabel(savedAt: string, now: Date, locale?: string): string {
  const at = new Date(savedAt);
  if (Number.isNaN(at.getTime())) return 'Saved';
  if (Math.abs(now.getTime() - at.getTime()) < 10_000) return 'Saved just now';
  const { time: timeFormat, date: dateFormat } = formatters(locale);
  const time = timeFormat.format(at);
  if (at.toDateString() === now.toDateString()) return `Saved at ${time}`;
  return `Saved on ${dateFormat.format(at)}, ${time}`;
}

/** Date formatters by locale, made once: building one per call is what makes long lists slow to draw. */
const formatCache = new Map<string, { time: Intl.DateTimeFormat; date: Intl.DateTimeFormat }>();
function formatters(locale: string | undefined): { time: Intl.DateTimeFormat; date: Intl.DateTimeFormat } {
  const key = locale ?? '';
  let found = formatCache.get(key);
  if (found === undefined) {
    found = {
      time: new Intl.DateTimeFormat(locale, { hour: '2-digit', minute: '2-digit' }),
      date: new Intl.DateTimeFormat(locale, { day: 'numeric', month: 'short', year: 'numeric' }),
    };
    formatCache.set(key, found);
  }
  return found;
}

/** One practice attempt in the history list. */
export interface PracticeHistoryItem {
  promptId: string;
  attemptId: string;
  startedAt: string;
  submittedAt: string | undefined;
  elapsedMs: number;
  hintsUsed: number;
  score: number | undefined;
}

/**
 * Every practice attempt, newest first. `renamed` maps a prompt's former ids to its current id, so
 * attempts saved under an old id are listed under the prompt as it is called now.
 */
export function practiceHistory(state: ProgressData, renamed: Readonly<Record<string, string>> = {}): PracticeHistoryItem[] {
  return Object.entries(state.practice)
    .map(([id, entry]) => [Object.hasOwn(renamed, id) ? (renamed[id] ?? id) : id, entry] as const)
    .flatMap(([promptId, entry]) =>
      entry.attempts.map((a) => ({
        promptId,
        attemptId: a.id,
        startedAt: a.startedAt,
        submittedAt: a.submittedAt,
        elapsedMs: a.elapsedMs,
        hintsUsed: a.hintsUsed,
        score: a.score,
      })),
    )
    .sort((a, b) => b.startedAt.localeCompare(a.startedAt) || a.promptId.localeCompare(b.promptId));
}

/** The file name an export is saved under, dated so several exports do not overwrite each other. */
export function exportFileName(now: Date): string {
  return `eda-course-progress-${now.toISOString().slice(0, 10)}.json`;
}

/**
 * What "Reset everything" says it did, from the store's report: how many items of each kind were
 * removed, what was kept on purpose, and whether the fresh start was saved.
 */
export function resetMessage(report: { removed: readonly string[]; saved: boolean; kept: readonly string[] }, keys: { progress: string; backup: string }): string {
  const copies = report.removed.filter((k) => k === keys.backup || k.startsWith(`${keys.backup}:`)).length;
  const progress = report.removed.includes(keys.progress) ? 1 : 0;
  const other = report.removed.length - copies - progress;
  const parts = [
    progress > 0 ? 'your progress' : '',
    copies > 0 ? `${copies} kept ${copies === 1 ? 'copy' : 'copies'}` : '',
    other > 0 ? `${other} other saved ${other === 1 ? 'item' : 'items'} (older practice drafts)` : '',
  ].filter((p) => p !== '');
  const what = parts.length === 0 ? 'There was nothing saved to remove.' : `Removed ${parts.length === 1 ? parts[0] : `${parts.slice(0, -1).join(', ')} and ${parts.at(-1)}`} from this browser.`;
  const kept = report.kept.length > 0 ? ' Your light or dark theme choice was kept.' : '';
  const saved = report.saved ? ' You are starting fresh.' : ' The browser isn’t saving right now, so the fresh start lasts only while this page is open.';
  return `All progress in this browser was reset. ${what}${kept}${saved}`;
}

/** How the Progress page lists a kept copy: when it was kept, its size, and whether this version can read it. */
export function keptCopyLabel(copy: { keptAt?: string; size: number; readable: boolean; problem?: string }): string {
  const when = copy.keptAt ? `Kept ${formatDate(new Date(copy.keptAt))}` : 'Kept earlier';
  const size = `${Math.max(1, Math.round(copy.size / 1024))} KB`;
  return `${when} · ${size} · ${copy.readable ? 'this version can read it' : (copy.problem ?? 'unreadable')}`;
}

/**
 * What the Progress page says an import file holds, for the learner to confirm before it is applied:
 * every kind of progress counted, then how many entries belong to content this version lacks.
 */
export function importSummaryText(fileName: string, s: ProgressSummary): string {
  const unknown = s.unknownIds ? ` ${s.unknownIds} of its entries belong to lessons this version of the course doesn’t have; they are kept.` : '';
  return (
    `“${fileName}” holds ${s.lessonsCompleted} completed lessons, ${s.notes} notes, ${s.quizQuestions} answered quiz questions, ` +
    `${s.practicePrompts} practice prompts, ${s.followUps} answered follow-ups, ${s.mockRounds} mock rounds, ${s.reviewCards} review cards, ` +
    `${s.challenges} passed challenges and ${s.sqlLabs} saved SQL lab handlers.${unknown}`
  );
}
