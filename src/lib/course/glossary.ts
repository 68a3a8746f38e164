import { glossaryTermSchema, type GlossaryTerm } from '../../schemas/glossary.ts';
import type { LessonAnchors } from './quizzes.ts';
import { ContentError, describeIssues } from './validate.ts';

/**
 * The key two surface forms clash on: forms are compared case-insensitively here, even the
 * all-capitals ones that match exactly in lesson text, so no two terms can ever compete for a word.
 */
const formKey = (form: string) => form.toLowerCase();

/** Every way a term is written: the term itself, then its aliases. */
export function surfaceForms(term: Pick<GlossaryTerm, 'term' | 'aliases'>): string[] {
  return [term.term, ...(term.aliases ?? [])];
}

/**
 * Validates the glossary file (`raw` is its parsed YAML: a list of terms) and the rules across its
 * entries: ids are unique, terms are unique, no surface form (term or alias) belongs to two terms,
 * and, when `lessons` is given, every `taughtIn` lesson and section exists. Messages name the file,
 * the term id and the field.
 */
export function validateGlossary(
  file: string,
  raw: unknown,
  lessons?: readonly LessonAnchors[],
): { entries: GlossaryTerm[]; problems: string[] } {
  if (!Array.isArray(raw)) return { entries: [], problems: [`${file}: must be a list of terms, each with an "id"`] };
  const known = Object.keys(glossaryTermSchema.shape);
  const lessonById = lessons ? new Map(lessons.map((l) => [l.id, l])) : undefined;
  const entries: GlossaryTerm[] = [];
  const problems: string[] = [];
  const ids = new Set<string>();
  const formOwner = new Map<string, string>();
  raw.forEach((item: unknown, index) => {
    const rawId = (item as { id?: unknown } | null)?.id;
    const at = typeof rawId === 'string' ? `${file}: term "${rawId}"` : `${file}: term [${index}]`;
    const parsed = glossaryTermSchema.safeParse(item ?? {});
    if (!parsed.success) {
      problems.push(...describeIssues(at, item, parsed.error, known));
      return;
    }
    const term = parsed.data;
    if (ids.has(term.id)) problems.push(`${at}: field "id" is used by more than one term`);
    ids.add(term.id);
    surfaceForms(term).forEach((form, i) => {
      const owner = formOwner.get(formKey(form));
      const field = i === 0 ? 'term' : `aliases[${i - 1}]`;
      if (owner === undefined) formOwner.set(formKey(form), term.id);
      else problems.push(`${at}: field "${field}" repeats "${form}", already a form of "${owner}"`);
    });
    if (lessonById) {
      const lesson = lessonById.get(term.taughtIn.lesson);
      if (!lesson) problems.push(`${at}: field "taughtIn.lesson" names "${term.taughtIn.lesson}", which is not a lesson id`);
      else if (term.taughtIn.section && !lesson.sections.has(term.taughtIn.section)) {
        problems.push(`${at}: field "taughtIn.section" names "#${term.taughtIn.section}", which is not a heading of lesson "${lesson.id}"`);
      }
    }
    entries.push(term);
  });
  return { entries, problems };
}

/** Like {@link validateGlossary}, but throws a {@link ContentError} listing every problem. */
export function assertValidGlossary(file: string, raw: unknown, lessons?: readonly LessonAnchors[]): GlossaryTerm[] {
  const { entries, problems } = validateGlossary(file, raw, lessons);
  if (problems.length > 0) throw new ContentError('glossary', problems);
  return entries;
}

/** The glossary in reading order: alphabetical by term, ignoring case and accents. */
export function alphabetical<T extends Pick<GlossaryTerm, 'term'>>(terms: readonly T[]): T[] {
  return [...terms].sort((a, b) => a.term.localeCompare(b.term, 'en', { sensitivity: 'base' }));
}

/**
 * The A–Z groups of the glossary page: each initial letter (or `#` for a term that starts with a
 * digit or symbol) with its terms, in alphabetical order.
 */
export function byInitial<T extends Pick<GlossaryTerm, 'term'>>(terms: readonly T[]): { letter: string; terms: T[] }[] {
  const groups: { letter: string; terms: T[] }[] = [];
  for (const term of alphabetical(terms)) {
    const first = term.term.normalize('NFD').charAt(0).toUpperCase();
    const letter = /[A-Z]/.test(first) ? first : '#';
    const last = groups.at(-1);
    if (last?.letter === letter) last.terms.push(term);
    else groups.push({ letter, terms: [term] });
  }
  return groups;
}
