import type { FollowUp, QuizBank } from '../../schemas/quiz.ts';
import { plainText, renderBlocks, renderInline } from './markdown.ts';
import { lessonHref } from './outline.ts';

/** A follow-up as the browser shows it: its text rendered at build time, its ids kept for grading. */
export interface FollowUpView {
  id: string;
  /** The lesson (topic) it belongs to, and that lesson's title and page. */
  lesson: string;
  lessonTitle: string;
  lessonHref: string;
  /** The question as HTML, and as plain text for labels and announcements. */
  question: string;
  questionText: string;
  keyPoints: { id: string; html: string; href: string }[];
  redFlags: { id: string; html: string; why: string }[];
  modelAnswer: string;
}

/** One follow-up's view. `lessonTitle` names the bank's lesson. */
export function followUpView(followUp: FollowUp, lesson: string, lessonTitle: string): FollowUpView {
  return {
    id: followUp.id,
    lesson,
    lessonTitle,
    lessonHref: lessonHref(lesson),
    question: renderInline(followUp.question),
    questionText: plainText(followUp.question),
    keyPoints: followUp.keyPoints.map((k) => ({
      id: k.id,
      html: renderInline(k.text),
      href: `${lessonHref(k.learnMore.lesson)}${k.learnMore.section ? `#${k.learnMore.section}` : ''}`,
    })),
    redFlags: followUp.redFlags.map((f) => ({ id: f.id, html: renderInline(f.text), why: renderInline(f.why) })),
    modelAnswer: renderBlocks(followUp.modelAnswer),
  };
}

/** Every follow-up of the banks, in the banks' order, with the title of each bank's lesson. */
export function followUpViews(banks: readonly QuizBank[], lessonTitle: (id: string) => string): FollowUpView[] {
  return banks.flatMap((bank) => (bank.followups ?? []).map((f) => followUpView(f, bank.lesson, lessonTitle(bank.lesson))));
}
