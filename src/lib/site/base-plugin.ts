import { isRootRelative, normaliseBase, withBase } from './base.ts';

/**
 * The little of Sätteri's hast visitor API (`@astrojs/markdown-satteri`) this plugin uses, written
 * out so `lib` does not depend on the pipeline's packages.
 */
interface HastElementLike {
  readonly tagName: string;
  readonly properties?: Record<string, unknown>;
}
interface VisitContext {
  setProperty(node: never, key: string, value: unknown): void;
}
export interface BasePathHastPlugin {
  name: string;
  element: { filter: string[]; visit(node: HastElementLike, ctx: VisitContext): void };
}

/** Which attribute of which element holds a URL to prefix. */
const URL_PROPERTIES: Record<string, string> = { a: 'href', img: 'src', source: 'src', video: 'src', audio: 'src', area: 'href' };

/**
 * The new value of a URL attribute under `base`, or `undefined` when it stays as written: only
 * root-relative URLs (`/quizzes/x/`) change; `#fragments`, relative paths and full URLs do not.
 */
export function rebasedUrl(value: unknown, base: string): string | undefined {
  if (typeof value !== 'string' || !isRootRelative(value)) return undefined;
  const rebased = withBase(value, normaliseBase(base));
  return rebased === value ? undefined : rebased;
}

/**
 * A Sätteri hast plugin that puts every root-relative link and image source in Markdown and MDX
 * content under the site's base path, so authors keep writing `[Quiz](/quizzes/x/)` and the link
 * works when the course is deployed under `/eda-course/`. It must run after the plugins that add
 * links (the glossary linker), so it is listed last.
 */
export function basePathPlugin(base: string): BasePathHastPlugin {
  return {
    name: 'base-path',
    element: {
      filter: Object.keys(URL_PROPERTIES),
      visit(node, ctx) {
        const key = URL_PROPERTIES[node.tagName];
        if (!key) return;
        const rebased = rebasedUrl(node.properties?.[key], base);
        if (rebased !== undefined) ctx.setProperty(node as never, key, rebased);
      },
    },
  };
}
