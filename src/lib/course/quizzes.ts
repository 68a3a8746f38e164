import { quizBankSchema, type FollowUp, type Question, type QuizBank } from '../../schemas/quiz.ts';
import { ContentError, describeIssues, type RawEntry } from './validate.ts';

/** A bank that passed validation, with the file it came from. */
export interface QuizBankEntry {
  file: string;
  data: QuizBank;
}

/** What the quiz rules need to know about a lesson: its id and the ids of its headings. */
export interface LessonAnchors {
  id: string;
  sections: ReadonlySet<string>;
}

/** A link into a lesson: its id and, optionally, a heading slug. */
export interface LessonLink {
  lesson: string;
  section?: string | undefined;
}

/**
 * What is wrong with a link into a lesson, as `<at>: field "<field>.lesson|section" names …`, or
 * nothing when the lesson exists and the section (if any) is one of its headings.
 */
export function lessonLinkProblems(at: string, field: string, link: LessonLink, lessonById: ReadonlyMap<string, LessonAnchors>): string[] {
  const lesson = lessonById.get(link.lesson);
  if (!lesson) return [`${at}: field "${field}.lesson" names "${link.lesson}", which is not a lesson id`];
  if (link.section && !lesson.sections.has(link.section)) {
    return [`${at}: field "${field}.section" names "#${link.section}", which is not a heading of lesson "${lesson.id}"`];
  }
  return [];
}

function questionProblems(file: string, question: Question): string[] {
  const at = `${file}: question "${question.id}"`;
  const problems: string[] = [];
  const ids = question.kind === 'order' ? question.items.map((i) => i.id) : question.options.map((o) => o.id);
  const repeated = ids.filter((id, i) => ids.indexOf(id) !== i);
  if (repeated.length > 0) problems.push(`${at}: field "${question.kind === 'order' ? 'items' : 'options'}" repeats the id "${repeated[0]}"`);
  if (question.kind === 'order') return problems;
  const correct = question.options.filter((o) => o.correct).length;
  if ((question.kind === 'single' || question.kind === 'true-false') && correct !== 1) {
    problems.push(`${at}: field "options" must have exactly one correct option for a ${question.kind} question, has ${correct}`);
  }
  if (question.kind === 'multiple' && correct < 1) problems.push(`${at}: field "options" must have at least one correct option`);
  if (question.kind === 'true-false' && [...ids].sort().join() !== 'false,true') {
    problems.push(`${at}: field "options" of a true-false question must have the ids "true" and "false"`);
  }
  return problems;
}

/** The shortest and longest model answer to a follow-up, in words: long enough to make the points, short enough to say in a minute. */
export const MODEL_ANSWER_WORDS = { min: 80, max: 180 } as const;

/** How many words a piece of Markdown has (code spans and punctuation-only tokens aside). */
export function wordCount(text: string): number {
  return text.split(/\s+/).filter((token) => /[\p{L}\p{N}]/u.test(token)).length;
}

function followUpProblems(file: string, followUp: FollowUp): string[] {
  const at = `${file}: follow-up "${followUp.id}"`;
  const problems: string[] = [];
  for (const [field, ids] of [
    ['keyPoints', followUp.keyPoints.map((k) => k.id)],
    ['redFlags', followUp.redFlags.map((f) => f.id)],
  ] as const) {
    const repeated = ids.find((id, i) => ids.indexOf(id) !== i);
    if (repeated !== undefined) problems.push(`${at}: field "${field}" repeats the id "${repeated}"`);
  }
  const words = wordCount(followUp.modelAnswer);
  if (words < MODEL_ANSWER_WORDS.min || words > MODEL_ANSWER_WORDS.max) {
    problems.push(`${at}: field "modelAnswer" has ${words} words; a spoken model answer has ${MODEL_ANSWER_WORDS.min} to ${MODEL_ANSWER_WORDS.max}`);
  }
  return problems;
}

/**
 * Validates every question bank and the rules across files: bank ids and question and follow-up ids
 * are unique across all banks, a follow-up's key point and red flag ids are unique and its model
 * answer runs 80–180 words, single-answer and true-false questions have exactly one correct option, multiple
 * answer questions at least one, option ids are unique, and every lesson and section a bank points
 * to exists (checked only when `lessons` is given). Messages name the file, the question id and the field.
 */
export function validateQuizBanks(
  raw: readonly RawEntry[],
  lessons?: readonly LessonAnchors[],
): { entries: QuizBankEntry[]; problems: string[] } {
  const known = Object.keys(quizBankSchema.shape);
  const lessonById = lessons ? new Map(lessons.map((l) => [l.id, l])) : undefined;
  const entries: QuizBankEntry[] = [];
  const problems: string[] = [];
  const bankFiles = new Map<string, string>();
  const questionFiles = new Map<string, string>();
  for (const { file, data } of [...raw].sort((a, b) => a.file.localeCompare(b.file))) {
    const parsed = quizBankSchema.safeParse(data ?? {});
    if (!parsed.success) {
      problems.push(...describeIssues(file, data, parsed.error, known).map((p) => p.replace(/field "questions\[(\d+)\]/, (m, i: string) => {
        const id = (data as { questions?: { id?: unknown }[] } | null)?.questions?.[Number(i)]?.id;
        return typeof id === 'string' ? `question "${id}": field "questions[${i}]` : m;
      })));
      continue;
    }
    const bank = parsed.data;
    const firstFile = bankFiles.get(bank.id);
    if (firstFile) problems.push(`${file}: field "id" duplicates "${bank.id}", already used by ${firstFile}`);
    else bankFiles.set(bank.id, file);
    if (lessonById && !lessonById.has(bank.lesson)) problems.push(`${file}: field "lesson" names "${bank.lesson}", which is not a lesson id`);
    for (const question of bank.questions) {
      const seen = questionFiles.get(question.id);
      if (seen) problems.push(`${file}: question "${question.id}": field "id" duplicates a question id already used in ${seen}`);
      else questionFiles.set(question.id, file);
      problems.push(...questionProblems(file, question));
      if (lessonById) problems.push(...lessonLinkProblems(`${file}: question "${question.id}"`, 'learnMore', question.learnMore, lessonById));
    }
    for (const followUp of bank.followups ?? []) {
      const seen = questionFiles.get(followUp.id);
      if (seen) problems.push(`${file}: follow-up "${followUp.id}": field "id" duplicates a question id already used in ${seen}`);
      else questionFiles.set(followUp.id, file);
      problems.push(...followUpProblems(file, followUp));
      followUp.keyPoints.forEach((point, i) => {
        if (lessonById) problems.push(...lessonLinkProblems(`${file}: follow-up "${followUp.id}"`, `keyPoints[${i}].learnMore`, point.learnMore, lessonById));
      });
    }
    entries.push({ file, data: bank });
  }
  return { entries, problems };
}

/** Like {@link validateQuizBanks}, but throws a {@link ContentError} listing every problem. */
export function assertValidQuizBanks(raw: readonly RawEntry[], lessons?: readonly LessonAnchors[]): QuizBankEntry[] {
  const { entries, problems } = validateQuizBanks(raw, lessons);
  if (problems.length > 0) throw new ContentError('quizzes', problems);
  return entries;
}
