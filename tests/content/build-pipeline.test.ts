import { execFile } from 'node:child_process';
import { cpSync, mkdtempSync, mkdirSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { afterAll, describe, expect, it } from 'vitest';
import { root } from '../helpers/content-files.ts';

const run = promisify(execFile);
const made: string[] = [];

/**
 * A throwaway copy of the site whose `lessons/` holds the given fixture files, so the real content
 * pipeline (`astro sync` runs the loaders in src/content.config.ts) is exercised end to end.
 */
function siteWith(lessons: Record<string, string>): string {
  const dir = mkdtempSync(join(tmpdir(), 'eda-course-sync-'));
  made.push(dir);
  for (const item of ['tsconfig.json', 'package.json', 'src']) cpSync(join(root, item), join(dir, item), { recursive: true });
  // The project's config, with a cache of its own: Astro's default cache lives in node_modules/.astro,
  // which this copy shares through the symlink below, and must not leak fixtures into real builds.
  writeFileSync(
    join(dir, 'astro.config.mjs'),
    `import config from ${JSON.stringify(join(root, 'astro.config.mjs'))};\nexport default { ...config, cacheDir: './.astro-cache' };\n`,
  );
  symlinkSync(join(root, 'node_modules'), join(dir, 'node_modules'), 'dir');
  mkdirSync(join(dir, 'lessons'));
  for (const [name, fixture] of Object.entries(lessons)) cpSync(join(root, 'tests/fixtures', fixture), join(dir, 'lessons', name));
  return dir;
}

async function sync(dir: string): Promise<{ ok: boolean; output: string }> {
  const astro = join(root, 'node_modules/astro/bin/astro.mjs');
  const env = { ...process.env, ASTRO_TELEMETRY_DISABLED: '1', NO_COLOR: '1', FORCE_COLOR: '0' };
  try {
    const { stdout, stderr } = await run(process.execPath, [astro, 'sync'], { cwd: dir, env });
    return { ok: true, output: stdout + stderr };
  } catch (error) {
    const { stdout = '', stderr = '' } = error as { stdout?: string; stderr?: string };
    return { ok: false, output: stdout + stderr };
  }
}

afterAll(() => {
  for (const dir of made) rmSync(dir, { recursive: true, force: true });
});

describe('the content pipeline in a real Astro sync', () => {
  it('accepts valid lessons', async () => {
    const result = await sync(siteWith({ '01-first.mdx': 'valid/01-first.mdx', '02-second.mdx': 'valid/02-second.mdx' }));
    expect(result.output).not.toMatch(/problems? in lessons/);
    expect(result.ok).toBe(true);
  }, 60_000);

  it('fails on invalid lessons, listing every problem with its file and field', async () => {
    const result = await sync(
      siteWith({
        '01-one.mdx': 'invalid/duplicate-id/01-one.mdx',
        '02-two.mdx': 'invalid/duplicate-id/02-two.mdx',
        '03-typo.mdx': 'invalid/unknown-field/01-typo.mdx',
      }),
    );
    expect(result.ok).toBe(false);
    expect(result.output).toContain('3 problems in lessons:');
    expect(result.output).toContain('lessons/03-typo.mdx: field "minuets" is not allowed');
    expect(result.output).toContain('lessons/03-typo.mdx: field "minutes" is required');
    expect(result.output).toContain('lessons/02-two.mdx: field "id" duplicates "same-id", already used by lessons/01-one.mdx');
  }, 60_000);

  it('fails on an invalid glossary, listing its problems, even those the file loader would drop', async () => {
    const dir = siteWith({ '01-first.mdx': 'valid/01-first.mdx' });
    cpSync(join(root, 'tests/fixtures/invalid/glossary/glossary.yaml'), join(dir, 'src/data/glossary.yaml'));
    const result = await sync(dir);
    const file = 'src/data/glossary.yaml';
    expect(result.ok).toBe(false);
    expect(result.output).toContain('problems in glossary:');
    expect(result.output).toContain(`${file}: term "event": field "id" is used by more than one term`);
    expect(result.output).toContain(`${file}: term "lag": field "definiton" is not allowed`);
    expect(result.output).toContain(`${file}: term [5]: field "id" is required`);
  }, 60_000);

  it('fails on a glossary that is not valid YAML, instead of loading an empty glossary', async () => {
    const dir = siteWith({ '01-first.mdx': 'valid/01-first.mdx' });
    writeFileSync(join(dir, 'src/data/glossary.yaml'), '- id: event\n  term: [unclosed\n');
    const result = await sync(dir);
    expect(result.ok).toBe(false);
    expect(result.output).toMatch(/src\/data\/glossary\.yaml: line \d+: is not valid YAML/);
  }, 60_000);

  it('names the file, the line and the key when a quiz bank repeats a key', async () => {
    const dir = siteWith({ '01-first.mdx': 'valid/01-first.mdx' });
    mkdirSync(join(dir, 'quizzes'));
    writeFileSync(join(dir, 'quizzes/dup.yaml'), 'id: dup\ntitle: A bank\ntitle: Again\n');
    const result = await sync(dir);
    expect(result.ok).toBe(false);
    expect(result.output).toContain('quizzes/dup.yaml: line 3: key "title" appears twice in the same mapping');
  }, 60_000);
});
