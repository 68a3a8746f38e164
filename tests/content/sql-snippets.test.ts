import { describe, expect, it } from 'vitest';
import { sqlImports, sqlSnippetProblems, type Page } from '../helpers/sql-snippets.ts';

/**
 * The rules tests/content/sql-claims.test.ts holds the real content to (every SQL snippet lives once, in
 * a file one page includes), checked here on small made-up pages so each rule is seen to fail.
 */
const page = (file: string, ...lines: string[]): Page => ({ file, source: ['---', 'id: x', '---', ...lines].join('\n') });
const including = (file: string, name: string, snippet: string) =>
  page(file, `import SqlBlock from '../src/components/SqlBlock.astro';`, `import ${name} from './sql/${snippet}?raw';`, '', 'Text.', '', `<SqlBlock code={${name}} />`);
const dedup = { file: 'lessons/sql/06-x.dedup.sql' };

describe('SQL snippets: the rules', () => {
  it('reads a page\'s imports of .sql files, resolved against its directory, and whether it renders them', () => {
    expect(sqlImports(including('lessons/06-x.mdx', 'dedupSql', '06-x.dedup.sql'))).toEqual([
      { page: 'lessons/06-x.mdx', name: 'dedupSql', file: 'lessons/sql/06-x.dedup.sql', raw: true, rendered: true },
    ]);
  });

  it('passes a snippet included and rendered by exactly one page, named after it', () => {
    expect(sqlSnippetProblems([including('lessons/06-x.mdx', 'dedupSql', '06-x.dedup.sql'), page('lessons/07-y.mdx', 'No SQL.')], [dedup])).toEqual([]);
  });

  it('fails a ```sql block left in a page, naming the file and line', () => {
    const withFence = page('practice/p.mdx', 'Text.', '', '```sql', 'SELECT 1;', '```');
    expect(sqlSnippetProblems([withFence], [])).toEqual([expect.stringMatching(/^practice\/p\.mdx:6: a ```sql block in the page/)]);
  });

  it('fails a snippet file no page includes, and one two pages include', () => {
    expect(sqlSnippetProblems([page('lessons/06-x.mdx', 'No SQL.')], [dedup])).toEqual(['lessons/sql/06-x.dedup.sql: included by no page; a snippet belongs to exactly one page']);
    const twice = [including('lessons/06-x.mdx', 'a', '06-x.dedup.sql'), including('lessons/07-y.mdx', 'b', '06-x.dedup.sql')];
    expect(sqlSnippetProblems(twice, [dedup])).toEqual([
      'lessons/sql/06-x.dedup.sql: included by lessons/06-x.mdx, lessons/07-y.mdx; a snippet belongs to exactly one page',
    ]);
  });

  it('fails an import of a .sql file that does not exist', () => {
    const problems = sqlSnippetProblems([including('lessons/06-x.mdx', 'dedupSql', '06-x.dedupe.sql')], [dedup]);
    expect(problems).toContain('lessons/06-x.mdx: imports lessons/sql/06-x.dedupe.sql, which does not exist');
  });

  it('fails an import without ?raw, and one the page never renders', () => {
    const noRaw = page('lessons/06-x.mdx', `import dedupSql from './sql/06-x.dedup.sql';`, '', '<SqlBlock code={dedupSql} />');
    expect(sqlSnippetProblems([noRaw], [dedup])).toEqual([
      'lessons/06-x.mdx: imports lessons/sql/06-x.dedup.sql without ?raw',
      'lessons/sql/06-x.dedup.sql: included by no page; a snippet belongs to exactly one page',
    ]);
    const unused = page('lessons/06-x.mdx', `import dedupSql from './sql/06-x.dedup.sql?raw';`, '', 'Text.');
    expect(sqlSnippetProblems([unused], [dedup])).toEqual([
      'lessons/06-x.mdx: imports lessons/sql/06-x.dedup.sql as dedupSql but never renders <SqlBlock code={dedupSql} />',
      'lessons/sql/06-x.dedup.sql: included by no page; a snippet belongs to exactly one page',
    ]);
  });

  it('fails a snippet not named after the page that includes it', () => {
    const other = { file: 'lessons/sql/07-y.dedup.sql' };
    expect(sqlSnippetProblems([including('lessons/06-x.mdx', 'dedupSql', '07-y.dedup.sql')], [other])).toEqual([
      'lessons/sql/07-y.dedup.sql: included by lessons/06-x.mdx, so it is named lessons/sql/06-x.<short-name>.sql',
    ]);
  });
});
