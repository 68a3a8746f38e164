import { glossaryMatcher, planGlossaryLinks, type HastLike, type LinkableTerm } from './glossary-links.ts';

/**
 * The little of Sätteri's hast plugin API (`@astrojs/markdown-satteri`, Astro's Markdown and MDX
 * pipeline) this plugin uses, written out so `lib` does not depend on the pipeline's packages.
 */
interface SatteriContext {
  /** The file being compiled. */
  readonly fileURL: URL | undefined;
  /** The document's data bag; Astro puts the frontmatter at `astro.frontmatter`. */
  readonly data: unknown;
}
interface SatteriVisitContext {
  replaceNode(node: never, replacement: never): void;
}
/** A Sätteri hast plugin that runs once per document, before the plugin's visitors. */
export interface SatteriHastPlugin {
  name: string;
  before(root: unknown, ctx: SatteriVisitContext): void;
}

/**
 * A Sätteri hast plugin entry that links the first use of each glossary term in every lesson under
 * `lessonsDir` (see `glossary-links.ts` for the rule). Other files, and lessons whose frontmatter
 * has no `id`, are left alone.
 */
export function glossaryLinksPlugin(terms: readonly LinkableTerm[], lessonsDir: URL): (ctx: SatteriContext) => SatteriHastPlugin | null {
  const matcher = glossaryMatcher(terms);
  return ({ fileURL, data }) => {
    if (!fileURL || !fileURL.href.startsWith(lessonsDir.href) || !fileURL.pathname.endsWith('.mdx')) return null;
    const lessonId = (data as { astro?: { frontmatter?: { id?: unknown } } } | undefined)?.astro?.frontmatter?.id;
    if (typeof lessonId !== 'string') return null;
    return {
      name: 'glossary-links',
      before(root, ctx) {
        for (const { node, replacement } of planGlossaryLinks(root as HastLike, matcher, lessonId)) {
          ctx.replaceNode(node as never, replacement as never);
        }
      },
    };
  };
}
