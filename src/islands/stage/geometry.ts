/**
 * Sizes the lab stage draws with, in CSS pixels (its SVGs are drawn at 1:1 so text stays
 * readable), and how many chips fit a lane of a given width.
 */

/** Width of one event chip. */
export const CHIP_W = 32;
/** Height of one event chip. */
export const CHIP_H = 30;
/** Distance between the left edges of neighbouring chips. */
export const PITCH = 36;
/** Room above a chip for its "2×" badge. */
export const BADGE_ROOM = 7;

/** How many chips of a lane fit `width` pixels (at least 4, at most 16). */
export function chipsThatFit(width: number): number {
  return Math.max(4, Math.min(16, Math.floor((width - 4) / PITCH)));
}
