import { z } from 'zod';
import { describe, expect, it } from 'vitest';
import { describeIssues } from '../../../../src/lib/course/validate.ts';

/** The messages describeIssues gives for `data` against `schema`. */
function messages(schema: z.ZodType, data: unknown): string[] {
  const parsed = schema.safeParse(data);
  if (parsed.success) throw new Error('expected the data to be invalid');
  return describeIssues('practice/p.mdx', data, parsed.error, []);
}

describe('describeIssues lists what a constrained field accepts', () => {
  it('for a union of literals, such as a difficulty of 1, 2 or 3', () => {
    const schema = z.object({ difficulty: z.union([z.literal(1), z.literal(2), z.literal(3)]) });
    expect(messages(schema, { difficulty: 9 })).toEqual(['practice/p.mdx: field "difficulty" must be one of 1, 2, 3 (found 9)']);
  });

  it('for an enum, inside a list', () => {
    const schema = z.object({ phases: z.array(z.object({ id: z.enum(['clarify', 'wrap-up']) })) });
    expect(messages(schema, { phases: [{ id: 'clarify' }, { id: 'design' }] })).toEqual([
      'practice/p.mdx: field "phases[1].id" must be one of "clarify", "wrap-up" (found "design")',
    ]);
  });

  it('but keeps the schema’s message for unions of other shapes', () => {
    const schema = z.object({ value: z.union([z.string(), z.number()]) });
    expect(messages(schema, { value: true })[0]).toMatch(/^practice\/p\.mdx: field "value": /);
  });
});
