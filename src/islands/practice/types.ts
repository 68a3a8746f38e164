// The prompt as the practice page hands it to the island: Markdown already rendered to HTML at
// build time, plain text kept where the grading prompt needs it.
import type { DiagramRule } from '../../lib/practice/diagram/model.ts';
import type { EstimateId } from '../../schemas/practice.ts';
import type { Teaches } from '../../lib/practice/grading.ts';
import type { PhaseId } from '../../lib/practice/timer.ts';

/** One interview phase with its label, minutes and neutral coaching. */
export interface PhaseView {
  id: PhaseId;
  label: string;
  minutes: number;
  focus: string;
}

/** A clarifying question: the answer is shown once asked. */
export interface QuestionView {
  id: string;
  ask: string;
  answer: string;
  answerHtml: string;
  importance: 'key' | 'useful' | 'noise';
}

/** One topic's hint ladder. */
export interface LadderView {
  topic: string;
  name: string;
  hints: { id: string; cost: number; html: string }[];
}

/** A worksheet figure with the model's value and working. */
export interface EstimateView {
  id: EstimateId;
  value: number;
  working: string;
}

/** A rubric item. */
export interface RubricView {
  id: string;
  text: string;
  html: string;
  weight: number;
  mustHave?: boolean | undefined;
  explainedHtml?: string | undefined;
  explained?: string | undefined;
  teaches?: Teaches[] | undefined;
}

/** A red flag. */
export interface RedFlagView {
  id: string;
  text: string;
  html: string;
  whyHtml: string;
  cost: number;
  teaches: Teaches[];
}

/** A structural check on the diagram. */
export interface CheckView {
  id: string;
  text: string;
  rule: DiagramRule;
  teaches: Teaches[];
}

/** Names and addresses the feedback links to. */
export interface LinkBook {
  /** Lesson titles by id. */
  lessons: Record<string, string>;
  /** Lab challenges by id: title and where the learner plays it. */
  challenges: Record<string, { title: string; href: string }>;
}

/** Everything the practice island is given about the prompt. */
export interface PromptView {
  id: string;
  formerIds: string[];
  title: string;
  scenario: string;
  phases: PhaseView[];
  questions: QuestionView[];
  ladders: LadderView[];
  estimates: EstimateView[];
  rubric: RubricView[];
  redFlags: RedFlagView[];
  checks: CheckView[];
  lessons: string[];
  links: LinkBook;
  next?: { href: string; title: string } | undefined;
}
