import { describe, expect, it } from 'vitest';
import { currentSection } from '../../../../src/lib/course/toc.ts';

describe('the section being read', () => {
  it('is none while the reader is above the first heading', () => {
    expect(currentSection([300, 900, 1500], 100)).toBe(-1);
  });

  it('is the last heading that has reached the line', () => {
    expect(currentSection([-800, -200, 90, 600], 100)).toBe(2);
    expect(currentSection([-800, -200, 120, 600], 100)).toBe(1);
  });

  it('is the last section once every heading has scrolled past', () => {
    expect(currentSection([-3000, -2000, -1000], 100)).toBe(2);
  });

  it('is none on a page without headings', () => {
    expect(currentSection([], 100)).toBe(-1);
  });
});
