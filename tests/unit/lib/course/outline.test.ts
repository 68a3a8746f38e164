import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { inCourseOrder, lessonHref, neighbours } from '../../../../src/lib/course/outline.ts';

const lesson = (id: string, order: number) => ({ id, title: id.toUpperCase(), order });

describe('course outline', () => {
  const lessons = [lesson('costs', 3), lesson('intro', 1), lesson('why', 2)];

  it('orders lessons by their order field, not by file or title', () => {
    expect(inCourseOrder(lessons).map((l) => l.id)).toEqual(['intro', 'why', 'costs']);
  });

  it('does not mutate its input', () => {
    const copy = [...lessons];
    inCourseOrder(lessons);
    expect(lessons).toEqual(copy);
  });

  it('gives previous and next around a lesson, and nothing past either end', () => {
    expect(neighbours(lessons, 'why')).toEqual({ previous: lessons[1], next: lessons[0] });
    expect(neighbours(lessons, 'intro').previous).toBeUndefined();
    expect(neighbours(lessons, 'costs').next).toBeUndefined();
  });

  it('rejects an unknown lesson id instead of guessing', () => {
    expect(() => neighbours(lessons, 'missing')).toThrow('Unknown lesson id "missing"');
  });

  it('builds stable URLs from ids alone', () => {
    expect(lessonHref('eda-in-one-page')).toBe('/lessons/eda-in-one-page/');
  });

  it('walking next from the first lesson visits every lesson once, in order', () => {
    fc.assert(
      fc.property(fc.uniqueArray(fc.integer({ min: 1, max: 1000 }), { minLength: 1, maxLength: 30 }), (orders) => {
        const set = orders.map((order) => lesson(`l${order}`, order));
        const visited: number[] = [];
        let current = inCourseOrder(set)[0];
        while (current) {
          visited.push(current.order);
          current = neighbours(set, current.id).next;
        }
        expect(visited).toEqual([...orders].sort((a, b) => a - b));
      }),
    );
  });
});
