// "Copy a grading prompt": one self-contained text a learner pastes into any AI assistant to have
// their attempt graded. The site builds it; it never sends it anywhere.
import { GRADE_LEVELS, type GradeLevel } from './grading.ts';

/** Everything the grading prompt is built from, as plain text. */
export interface GradingPromptInput {
  /** The prompt's title. */
  readonly title: string;
  /** The scenario as the interviewer said it. */
  readonly scenario: string;
  /** The clarifying questions the candidate asked, with the answers they got. */
  readonly clarified: readonly { ask: string; answer: string }[];
  /** The candidate's scratchpad. */
  readonly scratchpad: string;
  /** The diagram in the whiteboard's text form (empty when nothing was drawn). */
  readonly diagram: string;
  /** The estimation worksheet: each figure's name and what the candidate typed. */
  readonly estimates: readonly { label: string; typed: string }[];
  /** The rubric: what a strong answer covers, its weight, whether it is a must-have and what "explained" means. */
  readonly rubric: readonly { id: string; text: string; weight: number; mustHave?: boolean | undefined; explained?: string | undefined }[];
  /** The red flags of this prompt. */
  readonly redFlags: readonly { id: string; text: string; cost: number }[];
  /** The candidate's own latest grading, if any, for the assistant to compare with. */
  readonly selfGrade?: Readonly<Record<string, GradeLevel>> | undefined;
}

const section = (heading: string, body: string) => `## ${heading}\n\n${body.trim() === '' ? '(nothing)' : body.trim()}`;

/**
 * The grading prompt: instructions for the assistant, the interview prompt and what the candidate
 * revealed by asking, their answer, diagram and figures, then the rubric with its three levels and
 * the red flags. Plain text (Markdown headings), the same for the same input.
 */
export function buildGradingPrompt(input: GradingPromptInput): string {
  const levels = GRADE_LEVELS.map((l) => `${l.level} = ${l.name.toLowerCase()}`).join(', ');
  const levelName = (level: GradeLevel | undefined) => GRADE_LEVELS.find((l) => l.level === level)?.name.toLowerCase();
  const instructions = [
    'You are a staff engineer grading a candidate’s answer to a system-design interview question on event-driven architecture.',
    `Grade every rubric item below on three levels (${levels}): "mentioned" means the answer names it; "explained" means it also says why and what it costs (its trade-off).`,
    'Then say which red flags the answer falls into, what is missing or wrong, and the two or three things to study next.',
    'Quote the candidate’s words when you judge an item. Be strict but fair; do not reward vague buzzwords.',
  ].join('\n');
  const clarified = input.clarified.map((q) => `- Q: ${q.ask}\n  A: ${q.answer}`).join('\n');
  const estimates = input.estimates.map((e) => `- ${e.label}: ${e.typed.trim() === '' ? '(left blank)' : e.typed.trim()}`).join('\n');
  const rubric = input.rubric
    .map((item) => {
      const tags = [`weight ${item.weight}`, ...(item.mustHave ? ['must-have'] : [])].join(', ');
      const own = levelName(input.selfGrade?.[item.id]);
      const explained = item.explained === undefined ? '' : `\n  Explained means: ${item.explained}`;
      return `- [${item.id}] ${item.text} (${tags})${explained}${own === undefined ? '' : `\n  Candidate’s self-grade: ${own}`}`;
    })
    .join('\n');
  const flags = input.redFlags.map((f) => `- [${f.id}] ${f.text} (costs ${f.cost} points)`).join('\n');
  return [
    `# Grade this system-design interview answer: ${input.title}`,
    section('Instructions', instructions),
    section('The question', input.scenario),
    section('What the candidate asked the interviewer', clarified === '' ? 'The candidate asked no clarifying questions.' : clarified),
    section('The candidate’s answer (scratchpad)', input.scratchpad),
    section('The candidate’s diagram (one line per part, then one per connection: -> event, => synchronous call, ~> change data capture)', input.diagram === '' ? '' : `\`\`\`\n${input.diagram.trimEnd()}\n\`\`\``),
    section('The candidate’s estimates', estimates),
    section('Rubric', rubric),
    section('Red flags', flags),
  ].join('\n\n') + '\n';
}
