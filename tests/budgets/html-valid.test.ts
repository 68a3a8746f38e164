import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { FileSystemConfigLoader, HtmlValidate } from 'html-validate';
import { describe, expect, it } from 'vitest';
import { root } from '../helpers/content-files.ts';
import { builtPages } from '../helpers/site-weight.ts';

/**
 * Every built page is valid HTML: html-validate with its recommended preset and the few rules the
 * repository's `.htmlvalidate.json` switches off (each with its reason there). A failure lists each
 * problem as `<page>:<line>:<column> <rule>: <message>` with the rule's documentation link, so a new
 * lesson's mistake is found without running anything else.
 */
const dist = join(root, 'dist');
if (!existsSync(join(dist, 'index.html'))) throw new Error('dist/ has no build: run `npm run build` before the budget tests.');
const pages = builtPages(dist);
const validator = new HtmlValidate(new FileSystemConfigLoader());

describe('valid HTML in every built page (html-validate, recommended preset)', () => {
  it('the configuration is the recommended preset (.htmlvalidate.mjs)', async () => {
    const config = await validator.getConfigFor(join(dist, 'index.html'));
    const severity = (rule: string) => config.getRules().get(rule)?.[0];
    // Rules of the recommended preset that the standard one leaves out: on, so the preset is in force.
    expect(severity('no-inline-style')).toBe(2);
    expect(severity('long-title')).toBe(2);
    expect(severity('unique-landmark')).toBe(2);
  });

  it(`all ${pages.length} pages validate`, { timeout: 120_000 }, async () => {
    expect(pages.length).toBeGreaterThan(20);
    const problems: string[] = [];
    for (const page of pages) {
      const report = await validator.validateFile(join(dist, page));
      for (const result of report.results) {
        for (const m of result.messages) {
          problems.push(`dist/${page}:${m.line}:${m.column} ${m.ruleId}: ${m.message}${m.selector ? ` (at ${m.selector})` : ''} — https://html-validate.org/rules/${m.ruleId}.html`);
        }
      }
    }
    expect(problems, `${problems.length} HTML problems:\n${problems.join('\n')}`).toEqual([]);
  });
});
