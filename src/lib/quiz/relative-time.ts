const MINUTE = 60_000;
const HOUR = 60 * MINUTE;
const DAY = 24 * HOUR;

const plural = (n: number, unit: string) => `${n} ${unit}${n === 1 ? '' : 's'}`;

/**
 * When `target` comes, relative to `now`, in words for a sentence: "now" (already past, or under
 * a minute away), "in 9 minutes", "in 3 hours", "tomorrow", "in 5 days". Rounded up, so a review due
 * in 9.5 minutes reads "in 10 minutes" and never promises it earlier than it is.
 */
export function relativeTime(target: Date, now: Date): string {
  const ms = target.getTime() - now.getTime();
  if (Number.isNaN(ms) || ms < MINUTE) return 'now';
  if (ms < HOUR) return `in ${plural(Math.ceil(ms / MINUTE), 'minute')}`;
  if (ms < DAY) return `in ${plural(Math.ceil(ms / HOUR), 'hour')}`;
  const days = Math.ceil(ms / DAY);
  return days === 1 ? 'tomorrow' : `in ${plural(days, 'day')}`;
}
