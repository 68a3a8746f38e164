import { describe, expect, it } from 'vitest';
import { yamlProblems } from '../../../../src/lib/course/yaml-problems.ts';

describe('yamlProblems', () => {
  it('finds nothing wrong with well-formed YAML', () => {
    expect(yamlProblems('quizzes/a.yaml', 'id: a\nquestions:\n  - id: q1\n')).toEqual([]);
  });

  it('names the file, the line and the repeated key, at any depth', () => {
    const text = 'id: a\nquestions:\n  - id: q1\n    prompt: one\n    prompt: two\n';
    expect(yamlProblems('quizzes/a.yaml', text)).toEqual([
      'quizzes/a.yaml: line 5: key "prompt" appears twice in the same mapping (YAML keys must be unique)',
    ]);
  });

  it('names a quoted repeated key without its quotes', () => {
    expect(yamlProblems('f.yaml', '"id": a\n"id": b\n')[0]).toContain('key "id" appears twice');
  });

  it('keeps the parser’s own words for other syntax errors, with the file and line', () => {
    const [problem] = yamlProblems('src/data/glossary.yaml', '- id: event\n  term: [unclosed\n');
    expect(problem).toMatch(/^src\/data\/glossary\.yaml: line \d+: is not valid YAML: \S/);
    expect(problem).not.toMatch(/at line \d+, column/);
  });
});
