import type { Question, QuizBank } from '../../schemas/quiz.ts';
import { renderBlocks, renderInline } from './markdown.ts';
import { lessonHref } from './outline.ts';

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

/** Markdown to plain text (for labels): drops the inline markers. */
function plain(markdown: string): string {
  return markdown.replace(/`([^`]*)`/g, '$1').replace(/\*\*?([^*]+)\*\*?/g, '$1').replace(/\s+/g, ' ').trim();
}

/** One question's HTML. `lessonTitle` names the lesson a "learn more" link goes to. */
export function questionHtml(question: Question, lessonTitle: (id: string) => string): QuestionHtml {
  const list = question.kind === 'order' ? question.items : question.options;
  const choices: QuestionHtml['choices'] = {};
  for (const choice of list) choices[choice.id] = { html: renderInline(choice.text), feedback: renderInline(choice.feedback) };
  const { lesson, section } = question.learnMore;
  const html: QuestionHtml = {
    prompt: renderBlocks(question.prompt),
    promptText: plain(question.prompt),
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
