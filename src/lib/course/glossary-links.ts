/**
 * Links the first use of each glossary term in a lesson to its glossary entry.
 *
 * The rule, in full:
 * - Only the FIRST occurrence of each term in a lesson is linked, as
 *   `<a href="/glossary/#id" class="glossary-term">…</a>`; later ones stay plain text.
 * - A term is found by any of its surface forms (the term or an alias), as a whole word: the
 *   characters on either side must not be letters, digits, `_` or `-`, so `event` is not found
 *   inside `event-driven`. Forms in all capitals (`DLQ`, `BACKWARD`) match exactly; the rest
 *   ignore case. Where forms overlap, the longest wins (`consumer group` before `consumer`), and
 *   text a longer form covers is never searched again for a shorter one.
 * - Only prose is searched. Skipped, with everything inside: headings, `pre`, `code`, `kbd`,
 *   `samp`, existing links, `svg`, `figure`, `details`, `script`, `style`, `button`, `label`,
 *   MDX components (JSX elements named with a capital) and MDX expressions, and the `References`
 *   section (from its `h2` to the next `h1`/`h2`).
 * - A term is never linked in the lesson its `taughtIn` names: that lesson is where the term is
 *   explained, so a link from it to a one-line summary would send the learner away from the fuller
 *   explanation they are reading. Links are cross-references, from lessons that use a term to the
 *   entry that says where it is taught.
 * - A form is found within one text node, so a term split by markup (`idempotent **consumer**`)
 *   is not found there; its next plain occurrence is.
 * - Words are matched, not senses: "requests queue on that lock" would link *queue*. Where a lesson's
 *   first use of a term's words is another sense (a verb, an everyday meaning), reword it.
 *
 * Pure: works on any hast-like tree (`type`/`tagName`/`children`/`value`) and never mutates it.
 */

/** The parts of a hast (or MDX hast) node the linker reads. */
export interface HastLike {
  type: string;
  /** Element name (`type: 'element'`). */
  tagName?: string;
  /** MDX JSX element name (`type: 'mdxJsxFlowElement' | 'mdxJsxTextElement'`); `null` for a fragment. */
  name?: string | null;
  /** Text of a `text` node. */
  value?: string;
  properties?: Record<string, unknown>;
  children?: HastLike[];
}

/** A text node, the only kind the linker changes. */
export interface HastText extends HastLike {
  type: 'text';
  value: string;
}

/** What the linker needs to know about a glossary term. */
export interface LinkableTerm {
  id: string;
  term: string;
  aliases?: readonly string[] | undefined;
  taughtIn: { lesson: string };
}

/** One change the linker makes: a text node and the nodes (text and links) that replace it. */
export interface GlossaryLinkEdit {
  /** The original text node, by identity. */
  node: HastText;
  replacement: HastLike[];
}

/** Elements whose content is never prose to link (besides h1–h6). */
const SKIPPED = new Set(['pre', 'code', 'kbd', 'samp', 'a', 'svg', 'figure', 'details', 'script', 'style', 'button', 'label', 'textarea', 'select']);
const HEADING = /^h[1-6]$/;
/** Characters that continue a word: a form next to one of these is part of a longer word. */
const WORD = '[\\p{L}\\p{N}_-]';

/** The URL of a term's glossary entry. */
export function glossaryHref(id: string): string {
  return `/glossary/#${id}`;
}

const isAllCaps = (form: string) => /\p{Lu}/u.test(form) && form === form.toUpperCase();
const escapeRegExp = (text: string) => text.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&');
/** A form's pattern matches any run of whitespace where the form has a space: prose wraps lines. */
const spaces = (pattern: string) => pattern.replace(/ +/g, '\\s+');
const normalizeSpace = (text: string) => text.replace(/\s+/g, ' ');
/** A pattern for `form` in any case, letter by letter (`[eE][vV]…`), so one regular expression can mix exact and caseless forms. */
const caseless = (form: string) =>
  [...form].map((c) => (c.toLowerCase() === c.toUpperCase() ? escapeRegExp(c) : `[${c.toLowerCase()}${c.toUpperCase()}]`)).join('');

/**
 * A compiled matcher for a term list: one regular expression over every surface form, longest
 * first, and the lookup from a matched form back to its term. Build it once per term list.
 */
export interface GlossaryMatcher {
  /** The term a matched piece of text is a form of. */
  termFor(text: string): LinkableTerm | undefined;
  /** A fresh global regular expression over every form. */
  pattern(): RegExp;
}

/** Compiles the matcher for `terms`; forms are assumed unique across terms (the glossary rules check it). */
export function glossaryMatcher(terms: readonly LinkableTerm[]): GlossaryMatcher {
  const exact = new Map<string, LinkableTerm>();
  const folded = new Map<string, LinkableTerm>();
  for (const term of terms) {
    for (const form of [term.term, ...(term.aliases ?? [])]) {
      if (isAllCaps(form)) exact.set(form, term);
      else folded.set(form.toLowerCase(), term);
    }
  }
  // Longest first, so alternation prefers `consumer group` to `consumer` at the same position.
  const alternatives = [...[...exact.keys()].map((f) => ({ f, caps: true })), ...[...folded.keys()].map((f) => ({ f, caps: false }))]
    .sort((a, b) => b.f.length - a.f.length || a.f.localeCompare(b.f))
    .map(({ f, caps }) => spaces(caps ? escapeRegExp(f) : caseless(f)));
  const source = alternatives.length === 0 ? '(?!)' : `(?<!${WORD})(?:${alternatives.join('|')})(?!${WORD})`;
  return {
    termFor: (text) => exact.get(normalizeSpace(text)) ?? folded.get(normalizeSpace(text).toLowerCase()),
    pattern: () => new RegExp(source, 'gu'),
  };
}

/** Whether the linker leaves `node` and everything inside it alone. */
function isSkipped(node: HastLike): boolean {
  if (node.type === 'element') return HEADING.test(node.tagName ?? '') || SKIPPED.has(node.tagName ?? '');
  if (node.type === 'mdxJsxFlowElement' || node.type === 'mdxJsxTextElement') {
    const name = node.name ?? '';
    return name === '' || /^\p{Lu}/u.test(name) || name.includes('.') || HEADING.test(name) || SKIPPED.has(name);
  }
  return node.type !== 'root' && node.type !== 'text';
}

function textOf(node: HastLike): string {
  return node.type === 'text' ? (node.value ?? '') : (node.children ?? []).map(textOf).join('');
}

/** The level of a heading element (1 for `h1` …), `undefined` for anything else. */
function headingLevel(node: HastLike): number | undefined {
  const name = node.type === 'element' ? node.tagName : undefined;
  return name && HEADING.test(name) ? Number(name[1]) : undefined;
}

/**
 * The edits that link the first use of each term in `tree`, a lesson's hast, skipping terms
 * taught in `lessonId` itself. Edits refer to the tree's own text nodes, in document order.
 */
export function planGlossaryLinks(tree: HastLike, terms: readonly LinkableTerm[] | GlossaryMatcher, lessonId: string): GlossaryLinkEdit[] {
  const matcher = 'termFor' in terms ? terms : glossaryMatcher(terms);
  const linked = new Set<string>();
  const edits: GlossaryLinkEdit[] = [];

  const linkText = (node: HastText) => {
    const replacement: HastLike[] = [];
    let last = 0;
    for (const match of node.value.matchAll(matcher.pattern())) {
      const term = matcher.termFor(match[0]);
      if (!term || linked.has(term.id) || term.taughtIn.lesson === lessonId) continue;
      linked.add(term.id);
      if (match.index > last) replacement.push({ type: 'text', value: node.value.slice(last, match.index) });
      replacement.push({
        type: 'element',
        tagName: 'a',
        properties: { href: glossaryHref(term.id), className: ['glossary-term'] },
        children: [{ type: 'text', value: match[0] }],
      });
      last = match.index + match[0].length;
    }
    if (replacement.length === 0) return;
    if (last < node.value.length) replacement.push({ type: 'text', value: node.value.slice(last) });
    edits.push({ node, replacement });
  };

  const walk = (node: HastLike) => {
    if (node.type === 'text') {
      linkText(node as HastText);
      return;
    }
    if (isSkipped(node)) return;
    let inReferences = false;
    for (const child of node.children ?? []) {
      const level = headingLevel(child);
      if (level !== undefined && level <= 2) inReferences = level === 2 && textOf(child).trim() === 'References';
      if (!inReferences) walk(child);
    }
  };
  walk(tree);
  return edits;
}

/** Applies edits from {@link planGlossaryLinks} to a copy of `tree`; the original is left untouched. */
export function applyGlossaryLinks<T extends HastLike>(tree: T, edits: readonly GlossaryLinkEdit[]): T {
  const byNode = new Map<HastLike, HastLike[]>(edits.map((e) => [e.node, e.replacement]));
  const copy = (node: HastLike): HastLike[] => {
    const replacement = byNode.get(node);
    if (replacement) return replacement;
    return [node.children ? { ...node, children: node.children.flatMap(copy) } : node];
  };
  return copy(tree)[0] as T;
}

/** `tree` with the first use of each term linked to the glossary (see the rule at the top of this file). */
export function linkGlossaryTerms<T extends HastLike>(tree: T, terms: readonly LinkableTerm[] | GlossaryMatcher, lessonId: string): T {
  return applyGlossaryLinks(tree, planGlossaryLinks(tree, terms, lessonId));
}
