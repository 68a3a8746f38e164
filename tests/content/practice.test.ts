import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { isConverted, validatePracticePrompts } from '../../src/lib/course/practice.ts';
import { headingIds } from '../../src/lib/course/markdown.ts';
import { validateLessons } from '../../src/lib/course/validate.ts';
import { ESTIMATE_IDS, HINT_TOPICS } from '../../src/schemas/practice.ts';
import { readMdxDir, root } from '../helpers/content-files.ts';

/** Every lesson's id and heading slugs, as the build passes them to the practice rules. */
const lessons = validateLessons(readMdxDir('lessons')).entries.map((l) => ({
  id: l.data.id,
  sections: new Set(headingIds(readFileSync(join(root, l.file), 'utf8').replace(/^---[\s\S]*?\n---\n/, ''))),
}));

describe('practice prompt rules', () => {
  it('name the file, the item id and the field of every broken rule', () => {
    const dir = 'tests/fixtures/invalid/practice';
    const bad = `${dir}/01-bad.mdx`;
    const links = `${dir}/02-bad-links.mdx`;
    expect(validatePracticePrompts(readMdxDir(dir), lessons).problems).toEqual([
      `${bad}: field "phases" must be clarify, high-level, deep-dive, wrap-up in that order, not high-level, clarify, deep-dive, wrap-up`,
      `${bad}: item "h1": field "hints[1].id" repeats the id already used by "hints[0]"`,
      `${bad}: field "lessons" names "no-such-lesson", which is not a lesson id`,
      `${links}: field "questions" needs at least 3 questions of importance "key", has 2`,
      `${links}: item "h-dup-2": field "hintLadders[2].hints[1].cost" must be more than the rung before it (4), not 4`,
      `${links}: item "r1": field "rubric[0].teaches[0].section" names "#no-such-heading", which is not a heading of lesson "delivery-guarantees"`,
      `${links}: item "r2": field "rubric[1].teaches[0].challenge" names "no-such-challenge", which is not a lab challenge (src/lib/sim/challenges.ts)`,
      `${links}: item "f-1": field "redFlags[0].teaches[0].lesson" names "no-such-lesson", which is not a lesson id`,
      `${links}: field "formerIds" names "bad-prompt", already the id or a former id of ${bad}`,
    ]);
  });
});

describe('practice prompts in the course', () => {
  const { entries, problems } = validatePracticePrompts(readMdxDir('practice'), lessons);
  const converted = entries.flatMap((e) => (isConverted(e.data) ? [e.data] : []));

  it('all pass every rule', () => {
    expect(problems).toEqual([]);
  });

  it('include the notification system in the new format', () => {
    expect(converted.map((p) => p.id)).toContain('notification-system');
  });

  it.each(converted.map((p) => [p.id, p] as const))('%s has enough questions, ladders, must-haves, red flags, checks and estimates', (_, p) => {
    const count = (importance: string) => p.questions.filter((q) => q.importance === importance).length;
    expect(p.questions.length).toBeGreaterThanOrEqual(8);
    expect(count('key')).toBeGreaterThanOrEqual(3);
    expect(count('noise')).toBeGreaterThanOrEqual(2);
    expect(p.hintLadders.map((l) => l.topic).sort()).toEqual([...HINT_TOPICS].sort());
    for (const ladder of p.hintLadders) expect(ladder.hints.map((h) => h.cost)).toEqual([...ladder.hints.map((h) => h.cost)].sort((a, b) => a - b));
    const mustHaves = p.rubric.filter((r) => r.mustHave).length;
    expect(mustHaves).toBeGreaterThanOrEqual(2);
    expect(mustHaves).toBeLessThanOrEqual(4);
    for (const item of p.rubric) {
      expect(item.explained, item.id).toBeTruthy();
      expect(item.teaches?.length, item.id).toBeGreaterThan(0);
    }
    expect(p.redFlags.length).toBeGreaterThanOrEqual(3);
    expect(p.checks.length).toBeGreaterThanOrEqual(3);
    expect(p.estimates.length).toBeGreaterThanOrEqual(4);
    expect(p.estimates.every((e) => ESTIMATE_IDS.includes(e.id))).toBe(true);
  });

  const giveAways = /\b(dlq|dead[- ]letter|outbox|partition key|partitioned by|retry topic|idempoten|backoff|jitter|circuit breaker|consumer group|saga|compensat|cdc|change data capture|relay|debezium)/i;

  it.each(converted.map((p) => [p.id, p] as const))('%s gives nothing away in its title, summary, scenario or phase focus', (_, p) => {
    const shown = [p.title, p.summary, p.scenario, ...p.phases.map((ph) => ph.focus)];
    for (const text of shown) expect(text, text).not.toMatch(giveAways);
  });

  it.each(converted.map((p) => [p.id, p] as const))('%s does not send a beginner to the first lesson', (_, p) => {
    expect(p.lessons).not.toContain('eda-in-one-page');
  });

  it.each(converted.map((p) => [p.id, p] as const))('%s states every estimate in base units with its working', (_, p) => {
    for (const e of p.estimates) {
      expect(Number.isFinite(e.value), e.id).toBe(true);
      expect(e.working, e.id).toMatch(/\d/);
    }
  });
});
