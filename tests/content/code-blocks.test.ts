import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { codeBlocks, compileSnippets } from '../helpers/code-blocks.ts';
import { root } from '../helpers/content-files.ts';
import { AMBIENT_MODULES, DECLARATIONS } from './code-block-declarations.ts';

/**
 * Every fenced block of the lessons and practice prompts is labelled with its language, and every
 * TypeScript block type-checks (strict) against the declarations in `code-block-declarations.ts`:
 * real library types where the library is installed (`pg`), minimal declarations written from the
 * published API where it is not. `@confluentinc/kafka-javascript` could not be installed on this
 * machine (its install script downloads a native binary), so its KafkaJS-compatible API is declared
 * there by hand. Practice prompts are read as they exist when the test runs.
 */
const sources = ['lessons', 'practice'].flatMap((dir) =>
  readdirSync(join(root, dir))
    .filter((name) => name.endsWith('.mdx'))
    .sort()
    .map((name) => `${dir}/${name}`),
);
const blocks = sources.flatMap((file) => codeBlocks(file, readFileSync(join(root, file), 'utf8')));
const typescript = blocks.filter((b) => b.lang === 'ts' || b.lang === 'typescript');

describe('code blocks: the helpers', () => {
  it('finds fenced blocks with their language and the line of the opening fence', () => {
    const source = ['Intro', '```ts', 'const a = 1;', '```', '', '```', 'plain', '```', '~~~sql', 'SELECT 1;', '~~~'].join('\n');
    expect(codeBlocks('x.mdx', source)).toEqual([
      { file: 'x.mdx', line: 2, lang: 'ts', code: 'const a = 1;' },
      { file: 'x.mdx', line: 6, lang: '', code: 'plain' },
      { file: 'x.mdx', line: 9, lang: 'sql', code: 'SELECT 1;' },
    ]);
  });

  it('reports a block that does not compile with its file and line, and passes one that does', () => {
    const good = { file: 'lessons/x.mdx', line: 10, lang: 'ts', code: 'export const total: number = price * 2;' };
    const bad = { file: 'lessons/x.mdx', line: 20, lang: 'ts', code: 'const ok = 1;\nconst total: number = "two";' };
    const declarations = { 'lessons/x.mdx': 'declare const price: number;' };
    const problems = compileSnippets([good, bad], declarations, '');
    expect(problems).toHaveLength(1);
    expect(problems[0]).toMatch(/^lessons\/x\.mdx:22: TS2322: Type 'string' is not assignable to type 'number'\. \(in the ts block opened at line 20\)$/);
  }, 60_000);

  it('keeps one file\'s declarations out of another file\'s blocks', () => {
    const problems = compileSnippets([{ file: 'practice/y.mdx', line: 1, lang: 'ts', code: 'export const p = price;' }], { 'lessons/x.mdx': 'declare const price: number;' }, '');
    expect(problems).toEqual([expect.stringMatching(/^practice\/y\.mdx:2: TS2304: Cannot find name 'price'\./)]);
  }, 60_000);
});

describe('code blocks: the course content', () => {
  it('labels every fenced block with its language', () => {
    const unlabelled = blocks.filter((b) => b.lang === '').map((b) => `${b.file}:${b.line}`);
    expect(unlabelled).toEqual([]);
  });

  it('has TypeScript blocks to check, and declarations only for files that have some', () => {
    expect(typescript.length).toBeGreaterThanOrEqual(15);
    const withBlocks = new Set(typescript.map((b) => b.file));
    expect(Object.keys(DECLARATIONS).filter((file) => !withBlocks.has(file) && !file.startsWith('practice/'))).toEqual([]);
  });

  it('type-checks every TypeScript block', () => {
    expect(compileSnippets(typescript, DECLARATIONS, AMBIENT_MODULES)).toEqual([]);
  }, 120_000);
});
