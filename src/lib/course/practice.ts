import { HINT_TOPICS, PHASE_IDS, practiceSchema, type PracticePrompt } from '../../schemas/practice.ts';
import { CHALLENGES } from '../sim/challenges.ts';
import { parseDiagram } from '../practice/diagram/text.ts';
import { evaluateChecks } from '../practice/diagram/checks.ts';
import { lessonLinkProblems, type LessonAnchors } from './quizzes.ts';
import { ContentError, describeIssues, type RawEntry } from './validate.ts';

/** A practice prompt that passed validation, with the file it came from. */
export interface PracticeEntry {
  file: string;
  data: PracticePrompt;
}

/** Fewest clarify questions a prompt must mark `key`, and fewest it must mark `noise`. */
export const QUESTION_MINIMUMS = { key: 3, noise: 2 } as const;

/** How many rubric items a prompt marks as must-haves: the few a hire decision hinges on. */
export const MUST_HAVE_RANGE = { min: 2, max: 4 } as const;

const NEW_FIELDS = ['questions', 'hintLadders', 'estimates', 'redFlags', 'checks', 'modelDiagram'] as const;
/** A prompt converted to the new practice flow: every new field present (until all prompts are converted). */
type Converted = PracticePrompt & { [K in (typeof NEW_FIELDS)[number]]-?: NonNullable<PracticePrompt[K]> };

/** Whether a prompt has every field of the new practice flow. */
export function isConverted(prompt: PracticePrompt): prompt is Converted {
  return NEW_FIELDS.every((field) => prompt[field] !== undefined);
}

const CHALLENGE_IDS: ReadonlySet<string> = new Set(CHALLENGES.map((c) => c.id));

function duplicates<T>(entries: readonly PracticeEntry[], key: (e: PracticeEntry) => T, field: string): string[] {
  const seen = new Map<T, string>();
  return entries.flatMap((entry) => {
    const value = key(entry);
    const first = seen.get(value);
    if (first === undefined) {
      seen.set(value, entry.file);
      return [];
    }
    return [`${entry.file}: field "${field}" duplicates ${JSON.stringify(value)}, already used by ${first}`];
  });
}

/** Every id inside a prompt with the field it sits in, in file order. */
function itemIds(prompt: PracticePrompt): { id: string; field: string }[] {
  return [
    ...(prompt.hints ?? []).map((h, i) => ({ id: h.id, field: `hints[${i}]` })),
    ...(prompt.questions ?? []).map((q, i) => ({ id: q.id, field: `questions[${i}]` })),
    ...(prompt.hintLadders ?? []).flatMap((l, i) => l.hints.map((h, j) => ({ id: h.id, field: `hintLadders[${i}].hints[${j}]` }))),
    ...prompt.rubric.map((r, i) => ({ id: r.id, field: `rubric[${i}]` })),
    ...(prompt.redFlags ?? []).map((f, i) => ({ id: f.id, field: `redFlags[${i}]` })),
    ...(prompt.checks ?? []).map((c, i) => ({ id: c.id, field: `checks[${i}]` })),
    ...(prompt.estimates ?? []).map((e, i) => ({ id: e.id, field: `estimates[${i}]` })),
  ];
}

function repeatedIds(file: string, prompt: PracticePrompt): string[] {
  const first = new Map<string, string>();
  return itemIds(prompt).flatMap(({ id, field }) => {
    const earlier = first.get(id);
    if (earlier === undefined) {
      first.set(id, field);
      return [];
    }
    return [`${file}: item "${id}": field "${field}.id" repeats the id already used by "${earlier}"`];
  });
}

function questionProblems(file: string, prompt: Converted): string[] {
  return (['key', 'noise'] as const).flatMap((importance) => {
    const count = prompt.questions.filter((q) => q.importance === importance).length;
    const least = QUESTION_MINIMUMS[importance];
    return count < least ? [`${file}: field "questions" needs at least ${least} questions of importance "${importance}", has ${count}`] : [];
  });
}

function ladderProblems(file: string, prompt: Converted): string[] {
  const problems: string[] = [];
  const topics = prompt.hintLadders.map((l) => l.topic);
  for (const topic of HINT_TOPICS) {
    if (!topics.includes(topic)) problems.push(`${file}: field "hintLadders" has no ladder for the topic "${topic}"`);
  }
  prompt.hintLadders.forEach((ladder, i) => {
    ladder.hints.forEach((hint, j) => {
      const before = ladder.hints[j - 1];
      if (before && hint.cost <= before.cost) {
        problems.push(`${file}: item "${hint.id}": field "hintLadders[${i}].hints[${j}].cost" must be more than the rung before it (${before.cost}), not ${hint.cost}`);
      }
    });
  });
  return problems;
}

function mustHaveProblems(file: string, prompt: Converted): string[] {
  const count = prompt.rubric.filter((r) => r.mustHave).length;
  const { min, max } = MUST_HAVE_RANGE;
  return count < min || count > max ? [`${file}: field "rubric" must mark ${min} to ${max} items "mustHave", marks ${count}`] : [];
}

function teachesProblems(file: string, prompt: Converted, lessonById: ReadonlyMap<string, LessonAnchors>): string[] {
  const owners = [
    ...prompt.rubric.map((r, i) => ({ id: r.id, field: `rubric[${i}]`, teaches: r.teaches ?? [] })),
    ...(prompt.redFlags ?? []).map((f, i) => ({ id: f.id, field: `redFlags[${i}]`, teaches: f.teaches })),
    ...(prompt.checks ?? []).map((c, i) => ({ id: c.id, field: `checks[${i}]`, teaches: c.teaches })),
  ];
  return owners.flatMap(({ id, field, teaches }) =>
    teaches.flatMap((link, k) => {
      const at = `${file}: item "${id}"`;
      const where = `${field}.teaches[${k}]`;
      const problems = lessonLinkProblems(at, where, link, lessonById);
      if (link.challenge && !CHALLENGE_IDS.has(link.challenge)) {
        problems.push(`${at}: field "${where}.challenge" names "${link.challenge}", which is not a lab challenge (src/lib/sim/challenges.ts)`);
      }
      return problems;
    }),
  );
}

function formerIdProblems(entries: readonly PracticeEntry[]): string[] {
  const current = new Map(entries.map((e) => [e.data.id, e.file]));
  const former = new Map<string, string>();
  return entries.flatMap(({ file, data }) =>
    (data.formerIds ?? []).flatMap((id) => {
      const owner = current.get(id) ?? former.get(id);
      former.set(id, file);
      return owner === undefined ? [] : [`${file}: field "formerIds" names "${id}", already the id or a former id of ${owner}`];
    }),
  );
}

/**
 * Validates every practice prompt and the rules across files: ids and orders are unique, phases
 * come in interview order, item ids are unique within a prompt, the clarify questions include enough
 * key and noise ones, every hint topic has a ladder whose costs rise, two to four rubric items are
 * must-haves, former ids never collide with a current id and (when `lessons` is given) every lesson,
 * heading and lab challenge a prompt points to exists. Messages name the file, the item id and the field.
 */
export function validatePracticePrompts(raw: readonly RawEntry[], lessons?: readonly LessonAnchors[]): { entries: PracticeEntry[]; problems: string[] } {
  const known = Object.keys(practiceSchema.shape);
  const lessonById = lessons ? new Map(lessons.map((l) => [l.id, l])) : undefined;
  const entries: PracticeEntry[] = [];
  const problems: string[] = [];
  for (const { file, data } of [...raw].sort((a, b) => a.file.localeCompare(b.file))) {
    const parsed = practiceSchema.safeParse(data ?? {});
    if (!parsed.success) {
      problems.push(...describeIssues(file, data, parsed.error, known));
      continue;
    }
    const prompt = parsed.data;
    const order = prompt.phases.map((p) => p.id).join(', ');
    if (order !== PHASE_IDS.join(', ')) problems.push(`${file}: field "phases" must be ${PHASE_IDS.join(', ')} in that order, not ${order}`);
    problems.push(...repeatedIds(file, prompt));
    if (isConverted(prompt)) {
      problems.push(...questionProblems(file, prompt), ...ladderProblems(file, prompt), ...mustHaveProblems(file, prompt));
    }
    if (lessonById) {
      for (const lesson of prompt.lessons) {
        if (!lessonById.has(lesson)) problems.push(`${file}: field "lessons" names "${lesson}", which is not a lesson id`);
      }
      if (isConverted(prompt)) problems.push(...teachesProblems(file, prompt, lessonById));
    }
    entries.push({ file, data: prompt });
  }
  problems.push(
    ...duplicates(entries, (e) => e.data.id, 'id'),
    ...duplicates(entries, (e) => e.data.order, 'order'),
    ...formerIdProblems(entries),
  );
  return { entries, problems };
}

/** Like {@link validatePracticePrompts}, but throws a {@link ContentError} listing every problem. */
export function assertValidPracticePrompts(raw: readonly RawEntry[], lessons?: readonly LessonAnchors[]): PracticeEntry[] {
  const { entries, problems } = validatePracticePrompts(raw, lessons);
  if (problems.length > 0) throw new ContentError('practice', problems);
  return entries;
}

/**
 * What is wrong with a prompt's model diagram: every line the text form rejects, and every one of the
 * prompt's structural checks it fails. Empty when the model design parses and passes them all.
 */
export function modelDiagramProblems({ file, data }: PracticeEntry): string[] {
  if (!isConverted(data)) return [`${file}: field "modelDiagram" is missing`];
  const parsed = parseDiagram(data.modelDiagram);
  if (!parsed.ok) return parsed.problems.map((p) => `${file}: field "modelDiagram": line ${p.line}: ${p.message}`);
  return evaluateChecks(parsed.diagram, data.checks)
    .filter((r) => !r.passed)
    .map((r) => `${file}: item "${r.id}": the model diagram fails this check${r.detail ? ` (${r.detail})` : ''}`);
}

/** The pitfalls a prompt lists after the model answer: its red flags. */
export function pitfallTexts(prompt: PracticePrompt): string[] {
  return isConverted(prompt) ? prompt.redFlags.map((f) => f.text) : (prompt.pitfalls ?? []);
}

/** The hints a prompt offers, every ladder's rungs in topic order, each with its id and text. */
export function flatHints(prompt: PracticePrompt): { id: string; text: string }[] {
  if (!isConverted(prompt)) return prompt.hints ?? [];
  return prompt.hintLadders.flatMap((ladder) => ladder.hints.map(({ id, text }) => ({ id, text })));
}
