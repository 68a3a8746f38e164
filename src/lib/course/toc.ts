/**
 * Which section of a page is being read, for the "On this page" rail: the last section whose
 * heading has scrolled up to `line` (a distance from the top of the viewport, below the sticky
 * header), given each heading's top in document order. -1 while the reader is above the first one.
 */
export function currentSection(headingTops: readonly number[], line: number): number {
  let current = -1;
  headingTops.forEach((top, index) => {
    if (top <= line) current = index;
  });
  return current;
}
