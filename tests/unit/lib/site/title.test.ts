import { describe, expect, it } from 'vitest';
import { HOME_TITLE, TITLE_LIMIT, pageTitle } from '../../../../src/lib/site/title.ts';

describe('pageTitle', () => {
  it('adds the course name to a short title', () => {
    expect(pageTitle('Labs')).toBe('Labs · EDA interview course');
    expect(pageTitle('Home')).toBe(HOME_TITLE);
  });
  it('uses the shorter course name, then none, as the title grows', () => {
    const medium = 'Design a notification system fed by domain events';
    expect(pageTitle(medium)).toBe(`${medium} · EDA course`);
    const long = 'Design the order pipeline: order, payment, inventory, shipping';
    expect(pageTitle(long)).toBe(long);
  });
  it('keeps the part before the colon of a title too long on its own', () => {
    expect(pageTitle('Case studies: a Kafka backbone, a notification system, the Bluesky firehose and more')).toBe('Case studies · EDA interview course');
  });
  it('cuts a long title without a colon at a word', () => {
    const title = pageTitle('word '.repeat(30).trim());
    expect(title.length).toBeLessThanOrEqual(TITLE_LIMIT);
    expect(title).toMatch(/word…$/);
  });
});
