import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { validatePracticePrompts } from '../../src/lib/course/practice.ts';
import { headingIds } from '../../src/lib/course/markdown.ts';
import { validateLessons } from '../../src/lib/course/validate.ts';
import { ESTIMATE_IDS, HINT_TOPICS } from '../../src/schemas/practice.ts';
import { readMdxDir, root } from '../helpers/content-files.ts';

/** Every lesson's id and heading slugs, as the build passes them to the practice rules. */
const lessons = validateLessons(readMdxDir('lessons')).entries.map((l) => ({
  id: l.data.id,
  sections: new Set(headingIds(readFileSync(join(root, l.file), 'utf8').replace(/^---[\s\S]*?\n---\n/, ''))),
}));

const UNITS: Record<string, number> = { KB: 1e3, MB: 1e6, GB: 1e9, TB: 1e12, M: 1e6 };

/** The figure a worksheet working arrives at: the quantity after its last "≈", "=" or "→", in base units. */
function workingResult(working: string): number {
  const tail = working.slice(Math.max(working.lastIndexOf('≈'), working.lastIndexOf('='), working.lastIndexOf('→')) + 1);
  const match = /([\d.,]+)\s*(KB|MB|GB|TB|M\b)?/.exec(tail);
  if (!match) return Number.NaN;
  return Number((match[1] ?? '').replace(/,/g, '')) * (UNITS[match[2] ?? ''] ?? 1);
}

describe('practice prompt rules', () => {
  it('name the file, the item id and the field of every broken rule, and reject the removed flat hints and pitfalls', () => {
    const dir = 'tests/fixtures/invalid/practice';
    const bad = `${dir}/01-bad.mdx`;
    const links = `${dir}/02-bad-links.mdx`;
    const old = `${dir}/03-old-fields.mdx`;
    const known =
      'id, title, order, difficulty, summary, scenario, functional, nonFunctional, scale, phases, rubric, lessons, formerIds, questions, hintLadders, estimates, redFlags, checks, modelDiagram';
    expect(validatePracticePrompts(readMdxDir(dir), lessons).problems).toEqual([
      `${bad}: field "phases" must be clarify, high-level, deep-dive, wrap-up in that order, not high-level, clarify, deep-dive, wrap-up`,
      `${bad}: item "c-1": field "checks[1].id" repeats the id already used by "checks[0]"`,
      `${bad}: field "lessons" names "no-such-lesson", which is not a lesson id`,
      `${links}: field "questions" needs at least 3 questions of importance "key", has 2`,
      `${links}: item "h-dup-2": field "hintLadders[2].hints[1].cost" must be more than the rung before it (4), not 4`,
      `${links}: item "r1": field "rubric[0].teaches[0].section" names "#no-such-heading", which is not a heading of lesson "delivery-guarantees"`,
      `${links}: item "r2": field "rubric[1].teaches[0].challenge" names "no-such-challenge", which is not a lab challenge (src/lib/sim/challenges.ts)`,
      `${links}: item "f-1": field "redFlags[0].teaches[0].lesson" names "no-such-lesson", which is not a lesson id`,
      `${old}: field "hints" is not allowed (known fields: ${known})`,
      `${old}: field "pitfalls" is not allowed (known fields: ${known})`,
      `${links}: field "formerIds" names "bad-prompt", already the id or a former id of ${bad}`,
    ]);
  });
});

describe('practice prompts in the course', () => {
  const { entries, problems } = validatePracticePrompts(readMdxDir('practice'), lessons);
  const prompts = entries.map((e) => e.data);

  it('all pass every rule', () => {
    expect(problems).toEqual([]);
  });

  it('cover six prompts, from notifications to a staff-level migration', () => {
    expect(entries.map((e) => e.data.id).sort()).toEqual([
      'checkout-black-friday',
      'firehose-consumer',
      'monolith-order-migration',
      'notification-system',
      'order-pipeline',
      'webhook-delivery',
    ]);
    expect(entries.find((e) => e.data.id === 'monolith-order-migration')?.data.difficulty).toBe(3);
  });

  it.each(prompts.map((p) => [p.id, p] as const))('%s has enough questions, ladders, must-haves, red flags, checks and estimates', (_, p) => {
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

  const giveAways = /\b(dlq|dead[- ]letter|outbox|partition key|partitioned by|retry topic|idempoten|backoff|jitter|circuit breaker|consumer group|saga|compensat|cdc|change data capture|debezium)/i;

  it.each(prompts.map((p) => [p.id, p] as const))('%s gives nothing away in the brief shown during an attempt', (_, p) => {
    const shown = [p.title, p.summary, p.scenario, ...p.functional, ...p.nonFunctional, ...p.scale.map((s) => s.value), ...p.phases.map((ph) => ph.focus)];
    for (const text of shown) expect(text, text).not.toMatch(giveAways);
  });

  it('give the checkout prompt a neutral id, keeping its old one for saved attempts and links', () => {
    const checkout = prompts.find((p) => p.formerIds?.includes('checkout-keep-it-sync'));
    expect(checkout?.id).toBe('checkout-black-friday');
    for (const text of [checkout?.id, checkout?.title, checkout?.summary]) expect(text).not.toMatch(/sync/i);
  });

  it.each(prompts.map((p) => [p.id, p] as const))('%s lists the lessons it relies on: each one teaches an item, and every must-have\'s lesson is listed', (_, p) => {
    const taught = new Set([...p.rubric, ...p.redFlags, ...p.checks].flatMap((item) => item.teaches.map((t) => t.lesson)));
    const mustHaveLessons = p.rubric.filter((r) => r.mustHave).flatMap((r) => r.teaches.map((t) => t.lesson));
    expect(p.lessons.filter((l) => !taught.has(l))).toEqual([]);
    expect(mustHaveLessons.filter((l) => !p.lessons.includes(l))).toEqual([]);
  });

  it.each(prompts.map((p) => [p.id, p] as const))('%s states its scale facts as plain text (they are not rendered as Markdown)', (_, p) => {
    for (const { label, value } of p.scale) expect(`${label} ${value}`).not.toMatch(/[`*_[\]]/);
  });

  it.each(prompts.map((p) => [p.id, p] as const))('%s does not send a beginner to the first lesson', (_, p) => {
    expect(p.lessons).not.toContain('eda-in-one-page');
  });

  it.each(prompts.map((p) => [p.id, p] as const))('%s ends every estimate\'s working in its value, in base units', (_, p) => {
    for (const e of p.estimates) {
      const ratio = workingResult(e.working) / e.value;
      expect(ratio > 0.9 && ratio < 1.1, `${e.id}: ${e.working} does not arrive at ${e.value}`).toBe(true);
    }
  });
});
