import { practiceSchema, type PracticePrompt } from '../../schemas/practice.ts';
import { ContentError, describeIssues, type RawEntry } from './validate.ts';
import { PHASE_IDS } from '../../schemas/practice.ts';

/** A practice prompt that passed validation, with the file it came from. */
export interface PracticeEntry {
  file: string;
  data: PracticePrompt;
}

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

/**
 * Validates every practice prompt and the rules across files: ids and orders are unique, phases
 * come in interview order, hint and rubric ids are unique within a prompt, and (when `lessonIds` is
 * given) every lesson a prompt names exists.
 */
export function validatePracticePrompts(raw: readonly RawEntry[], lessonIds?: ReadonlySet<string>): { entries: PracticeEntry[]; problems: string[] } {
  const known = Object.keys(practiceSchema.shape);
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
    for (const [field, ids] of [['hints', prompt.hints.map((h) => h.id)], ['rubric', prompt.rubric.map((r) => r.id)]] as const) {
      const repeated = ids.find((id, i) => ids.indexOf(id) !== i);
      if (repeated) problems.push(`${file}: field "${field}" repeats the id "${repeated}"`);
    }
    for (const lesson of prompt.lessons) {
      if (lessonIds && !lessonIds.has(lesson)) problems.push(`${file}: field "lessons" names "${lesson}", which is not a lesson id`);
    }
    entries.push({ file, data: prompt });
  }
  problems.push(...duplicates(entries, (e) => e.data.id, 'id'), ...duplicates(entries, (e) => e.data.order, 'order'));
  return { entries, problems };
}

/** Like {@link validatePracticePrompts}, but throws a {@link ContentError} listing every problem. */
export function assertValidPracticePrompts(raw: readonly RawEntry[], lessonIds?: ReadonlySet<string>): PracticeEntry[] {
  const { entries, problems } = validatePracticePrompts(raw, lessonIds);
  if (problems.length > 0) throw new ContentError('practice', problems);
  return entries;
}
