/**
 * Words and dates as the course writes them: British English (the copy's spelling), day-month-year
 * dates, relative times ("in 9 minutes", "2 days ago") and plurals that agree with their number.
 * Pure: the current time is always passed in.
 */

/** The locale the course's copy is written in. */
export const COURSE_LOCALE = 'en-GB';

const UNITS: readonly { unit: Intl.RelativeTimeFormatUnit; ms: number }[] = [
  { unit: 'year', ms: 365 * 24 * 60 * 60 * 1000 },
  { unit: 'month', ms: 30 * 24 * 60 * 60 * 1000 },
  { unit: 'week', ms: 7 * 24 * 60 * 60 * 1000 },
  { unit: 'day', ms: 24 * 60 * 60 * 1000 },
  { unit: 'hour', ms: 60 * 60 * 1000 },
  { unit: 'minute', ms: 60 * 1000 },
];

/**
 * How far `at` is from `now`, in words: "in 9 minutes", "2 days ago", "tomorrow", "now" (under a
 * minute either way). Uses the largest unit that fits at least once, rounded to the nearest whole.
 */
export function relativeTime(at: Date, now: Date, locale: string = COURSE_LOCALE): string {
  const diff = at.getTime() - now.getTime();
  const words = new Intl.RelativeTimeFormat(locale, { numeric: 'auto' });
  const fit = UNITS.find(({ ms }) => Math.abs(diff) >= ms);
  if (fit === undefined) return words.format(0, 'second');
  return words.format(Math.round(diff / fit.ms), fit.unit);
}

/** A calendar date the way the copy writes it: "7 Dec 2026". Invalid dates give an empty string. */
export function formatDate(at: Date, locale: string = COURSE_LOCALE): string {
  return Number.isNaN(at.getTime()) ? '' : at.toLocaleDateString(locale, { day: 'numeric', month: 'short', year: 'numeric' });
}

/** A count with its noun agreeing: "1 note", "2 notes", "0 notes"; `many` defaults to `one` + "s". */
export function plural(count: number, one: string, many = `${one}s`, locale: string = COURSE_LOCALE): string {
  return `${count.toLocaleString(locale)} ${new Intl.PluralRules(locale).select(count) === 'one' ? one : many}`;
}

/** About how long a quiz takes, in whole minutes: half a minute a question, at least one minute. */
export function quizMinutes(questions: number): number {
  return Math.max(1, Math.ceil(questions / 2));
}
