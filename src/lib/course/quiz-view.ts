import { withBase } from '../site/base.ts';
import type { Question, QuizBank } from '../../schemas/quiz.ts';
import { plainText, renderBlocks, renderInline } from './markdown.ts';
import { lessonHref, type LessonRef } from './outline.ts';

/** A question's text rendered to HTML at build time, so the browser parses no Markdown. */
export interface QuestionHtml {
  scenario?: string;
  prompt: string;
  /** The prompt as plain text, for labels and announcements. */
  promptText: string;
  explanation: string;
  /** Each option's (or order item's) text and feedback, by id. */
  choices: Record<string, { html: string; feedback: string }>;
  /** Where the course teaches this. */
  learnMore: { href: string; label: string };
}

/** One question's HTML. `lessonTitle` names the lesson a "learn more" link goes to. */
export function questionHtml(question: Question, lessonTitle: (id: string) => string): QuestionHtml {
  const list = question.kind === 'order' ? question.items : question.options;
  const choices: QuestionHtml['choices'] = {};
  for (const choice of list) choices[choice.id] = { html: renderInline(choice.text), feedback: renderInline(choice.feedback) };
  const { lesson, section } = question.learnMore;
  const html: QuestionHtml = {
    prompt: renderBlocks(question.prompt),
    promptText: plainText(question.prompt),
    explanation: renderBlocks(question.explanation),
    choices,
    learnMore: { href: `${lessonHref(lesson)}${section ? `#${section}` : ''}`, label: lessonTitle(lesson) },
  };
  if (question.scenario) html.scenario = renderBlocks(question.scenario);
  return html;
}

/** The HTML of every question of the given banks, by question id. */
export function banksHtml(banks: readonly QuizBank[], lessonTitle: (id: string) => string): Record<string, QuestionHtml> {
  const out: Record<string, QuestionHtml> = {};
  for (const bank of banks) for (const question of bank.questions) out[question.id] = questionHtml(question, lessonTitle);
  return out;
}

/** A link the score page offers: where it goes and what it is called. */
export interface QuizLink {
  href: string;
  title: string;
}

/** Where a quiz's score page leads next, in course order. */
export interface QuizNextSteps {
  /** The lesson the bank belongs to. */
  lesson: QuizLink;
  /** The lesson after it, if any. */
  nextLesson?: QuizLink;
  /** The next bank in course order, if any. */
  nextQuiz?: QuizLink;
}

/** The little the course order needs of a bank. */
export interface BankRef {
  id: string;
  title: string;
  lesson: string;
}

/**
 * Banks in course order: by the position of their lesson in `lessons` (already in course order),
 * then by title. Banks of a lesson that is not in the list come last.
 */
export function banksInCourseOrder<T extends BankRef>(banks: readonly T[], lessons: readonly LessonRef[]): T[] {
  const position = new Map(lessons.map((lesson, index) => [lesson.id, index]));
  const at = (bank: T) => position.get(bank.lesson) ?? Number.MAX_SAFE_INTEGER;
  return [...banks].sort((a, b) => at(a) - at(b) || a.title.localeCompare(b.title));
}

/**
 * The score page's next steps for `bankId`: back to its lesson, on to the lesson after it and to the
 * next quiz in course order (`lessons` in course order). Throws for an unknown bank.
 */
export function quizNextSteps(bankId: string, banks: readonly BankRef[], lessons: readonly LessonRef[]): QuizNextSteps {
  const ordered = banksInCourseOrder(banks, lessons);
  const index = ordered.findIndex((bank) => bank.id === bankId);
  const bank = ordered[index];
  if (bank === undefined) throw new Error(`Unknown quiz bank "${bankId}"`);
  const lessonAt = lessons.findIndex((lesson) => lesson.id === bank.lesson);
  const lesson = lessons[lessonAt];
  const steps: QuizNextSteps = { lesson: { href: lessonHref(bank.lesson), title: lesson?.title ?? bank.lesson } };
  const nextLesson = lessonAt === -1 ? undefined : lessons[lessonAt + 1];
  if (nextLesson) steps.nextLesson = { href: lessonHref(nextLesson.id), title: nextLesson.title };
  const nextQuiz = ordered[index + 1];
  if (nextQuiz) steps.nextQuiz = { href: withBase(`/quizzes/${nextQuiz.id}/`), title: nextQuiz.title };
  return steps;
}
