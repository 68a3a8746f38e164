import { describe, expect, it } from 'vitest';
import { isConverted, modelDiagramProblems, validatePracticePrompts } from '../../src/lib/course/practice.ts';
import { readMdxDir } from '../helpers/content-files.ts';

// Parses each prompt's model design with the whiteboard's text form and runs the prompt's own
// structural checks on it: a check the model answer fails would mark every correct candidate wrong.
describe('practice model diagrams', () => {
  const { entries } = validatePracticePrompts(readMdxDir('practice'));
  const converted = entries.filter((e) => isConverted(e.data));

  it.each(converted.map((e) => [e.data.id, e] as const))('%s parses and passes every one of its checks', (_, entry) => {
    expect(modelDiagramProblems(entry)).toEqual([]);
  });

  it('report a check the model design fails, naming the file and the check', () => {
    const [entry] = converted;
    if (!entry || !isConverted(entry.data)) throw new Error('no converted prompt to test with');
    const impossible = { id: 'c-impossible', text: 'A cache', rule: { kind: 'has' as const, node: { kind: ['cache' as const] }, min: 99 }, teaches: [{ lesson: 'delivery-guarantees' }] };
    const problems = modelDiagramProblems({ ...entry, data: { ...entry.data, checks: [impossible] } });
    expect(problems).toHaveLength(1);
    expect(problems[0]).toMatch(new RegExp(`^${entry.file}: item "c-impossible": the model diagram fails this check`));
  });
});
