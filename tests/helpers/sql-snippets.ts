import { readdirSync, readFileSync } from 'node:fs';
import { dirname, join, posix } from 'node:path';
import { codeBlocks } from './code-blocks.ts';
import { root } from './content-files.ts';

/**
 * The SQL the lessons and practice prompts show lives once, in a file beside them (`lessons/sql/`,
 * `practice/sql/`), which the page imports with `?raw` and renders with `<SqlBlock code={…} />`.
 * These helpers read those files and the pages' imports, so the tests run exactly what a learner reads.
 */

/** Where the pages and their snippets live. */
export const SQL_CONTENT_DIRS = ['lessons', 'practice'] as const;

/** One page of the course: its file (relative to the root, `lessons/06-x.mdx`) and its source. */
export interface Page {
  file: string;
  source: string;
}

/** One `import name from './sql/x.sql?raw'` of a page. */
export interface SqlImport {
  /** The importing page. */
  page: string;
  /** The name the page gives the text. */
  name: string;
  /** The file it names, relative to the root (`lessons/sql/06-x.dedup.sql`). */
  file: string;
  /** Whether the import asks for the text (`?raw`), the only form that gives a string. */
  raw: boolean;
  /** Whether the page renders the name with `<SqlBlock code={name} />`. */
  rendered: boolean;
}

/** One SQL snippet file. */
export interface SqlSnippet {
  /** The file, relative to the root (`lessons/sql/06-idempotent-consumers.dedup.sql`). */
  file: string;
  /** The pages that import it and render it with SqlBlock (exactly one, when the content is right). */
  includedBy: string[];
  /** Its text, as the page shows it. */
  code: string;
}

const IMPORT = /^import\s+([A-Za-z_$][\w$]*)\s+from\s+(['"])([^'"]+\.sql)(\?raw)?\2\s*;?\s*$/gm;

/** The `.sql` imports of a page, resolved against the page's directory. */
export function sqlImports(page: Page): SqlImport[] {
  return [...page.source.matchAll(IMPORT)].map((m) => {
    const name = m[1] ?? '';
    const rendered = new RegExp(`<SqlBlock\\s+code=\\{\\s*${name.replace(/\$/g, '\\$')}\\s*\\}\\s*/>`).test(page.source);
    return { page: page.file, name, file: posix.join(dirname(page.file), m[3] ?? ''), raw: m[4] !== undefined, rendered };
  });
}

/**
 * What is wrong with how `pages` include `sqlFiles` (`[]`: nothing): a ```sql block left in a page,
 * an import of a `.sql` file that does not exist or without `?raw`, an imported snippet the page never
 * renders, a snippet no page includes or more than one page includes, a snippet not named after its
 * page (`lessons/sql/<page's file stem>.<short-name>.sql`).
 */
export function sqlSnippetProblems(pages: readonly Page[], sqlFiles: readonly { file: string }[]): string[] {
  const problems: string[] = [];
  const known = new Set(sqlFiles.map((f) => f.file));
  for (const page of pages) {
    for (const block of codeBlocks(page.file, page.source).filter((b) => b.lang === 'sql')) {
      problems.push(`${page.file}:${block.line}: a \`\`\`sql block in the page; move it to a file in ${dirname(page.file)}/sql/ and include it with <SqlBlock>`);
    }
    for (const imp of sqlImports(page)) {
      if (!known.has(imp.file)) problems.push(`${page.file}: imports ${imp.file}, which does not exist`);
      if (!imp.raw) problems.push(`${page.file}: imports ${imp.file} without ?raw`);
      if (!imp.rendered) problems.push(`${page.file}: imports ${imp.file} as ${imp.name} but never renders <SqlBlock code={${imp.name}} />`);
    }
  }
  for (const snippet of includers(pages, sqlFiles)) {
    const [page, ...others] = snippet.includedBy;
    if (page === undefined || others.length > 0) {
      problems.push(`${snippet.file}: included by ${page === undefined ? 'no page' : snippet.includedBy.join(', ')}; a snippet belongs to exactly one page`);
    } else {
      const prefix = `${dirname(page)}/sql/${posix.basename(page, '.mdx')}.`;
      if (!snippet.file.startsWith(prefix)) problems.push(`${snippet.file}: included by ${page}, so it is named ${prefix}<short-name>.sql`);
    }
  }
  return problems;
}

/** Each file with the pages that import (with `?raw`) and render it. */
function includers<T extends { file: string }>(pages: readonly Page[], sqlFiles: readonly T[]): (T & { includedBy: string[] })[] {
  const imports = pages.flatMap(sqlImports).filter((i) => i.raw && i.rendered);
  return sqlFiles.map((f) => ({ ...f, includedBy: [...new Set(imports.filter((i) => i.file === f.file).map((i) => i.page))] }));
}

/** Every file of a directory tree under the root whose name ends with `ext`, relative to the root, sorted. */
function filesUnder(dir: string, ext: string): string[] {
  return readdirSync(join(root, dir), { recursive: true, encoding: 'utf8' })
    .filter((name) => name.endsWith(ext))
    .map((name) => posix.join(dir, name.split('\\').join('/')))
    .sort();
}

/** The lesson and practice pages (the `.mdx` files directly in lessons/ and practice/). */
export function contentPages(): Page[] {
  return SQL_CONTENT_DIRS.flatMap((dir) =>
    readdirSync(join(root, dir))
      .filter((name) => name.endsWith('.mdx'))
      .sort()
      .map((name) => ({ file: `${dir}/${name}`, source: readFileSync(join(root, dir, name), 'utf8') })),
  );
}

/** Every `.sql` file anywhere under lessons/ and practice/, with its text. */
export function sqlFiles(): { file: string; code: string }[] {
  return SQL_CONTENT_DIRS.flatMap((dir) => filesUnder(dir, '.sql')).map((file) => ({ file, code: readFileSync(join(root, file), 'utf8') }));
}

/** Every SQL snippet of the lessons and practice prompts, with the pages that include it. */
export function sqlSnippets(pages: readonly Page[] = contentPages()): SqlSnippet[] {
  return includers(pages, sqlFiles());
}

/** The snippet file named `name` (`06-idempotent-consumers.dedup.sql`); throws when there is not exactly one. */
export function sqlSnippet(name: string, snippets: readonly SqlSnippet[] = sqlSnippets()): SqlSnippet {
  const found = snippets.filter((s) => posix.basename(s.file) === name);
  if (found.length !== 1) throw new Error(`expected one SQL snippet file named ${name}, found ${found.length}`);
  return found[0] as SqlSnippet;
}
