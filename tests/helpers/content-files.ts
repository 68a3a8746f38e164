import { readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { parse } from 'yaml';
import type { RawEntry } from '../../src/lib/course/validate.ts';

/** The project root, so file names in messages read as they do in the build (`lessons/01-x.mdx`). */
export const root = join(import.meta.dirname, '..', '..');

/** The YAML frontmatter of an MDX source as data (`{}` when there is none, as Astro treats it). */
export function frontmatter(source: string): unknown {
  const match = /^---\r?\n([\s\S]*?)\r?\n---(?:\r?\n|$)/.exec(source);
  return match ? (parse(match[1] ?? '') ?? {}) : {};
}

/** Every `.mdx` file directly in `dir` (relative to the root), read as the validator's input. */
export function readMdxDir(dir: string): RawEntry[] {
  return readdirSync(join(root, dir))
    .filter((name) => name.endsWith('.mdx'))
    .map((name) => {
      const file = join(dir, name);
      return { file, data: frontmatter(readFileSync(join(root, file), 'utf8')) };
    });
}

/** Every `.yaml` file directly in `dir` (relative to the root), parsed, as the validator's input. */
export function readYamlDir(dir: string): RawEntry[] {
  return readdirSync(join(root, dir))
    .filter((name) => name.endsWith('.yaml'))
    .map((name) => {
      const file = join(dir, name);
      return { file, data: parse(readFileSync(join(root, file), 'utf8')) as unknown };
    });
}

/** Relative path from the project root, with forward slashes. */
export function fromRoot(path: string): string {
  return relative(root, path).split('\\').join('/');
}
