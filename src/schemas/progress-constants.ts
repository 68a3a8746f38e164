/**
 * Constants of the progress schema (./progress.ts) that code outside the validator needs: the
 * practice clock and attempt rules, the follow-up grades. Kept apart from the zod schemas, which
 * build at module load, so that importing one of these does not bring the validator into a page's
 * first load. ./progress.ts re-exports them.
 */

/** The interview phases an attempt moves through, in order (as in the practice schema). */
export const ATTEMPT_PHASES = ['clarify', 'high-level', 'deep-dive', 'wrap-up'] as const;

/** One interview phase. */
export type PhaseId = (typeof ATTEMPT_PHASES)[number];

/** Limits on what one practice attempt may hold. */
export const ATTEMPT_LIMITS = {
  /** Longest scratchpad, in characters. */
  scratchpadLength: 50_000,
  /** Most copies of the scratchpad kept (one per tab that wrote it, the newest ones). */
  scratchpadCopies: 4,
  /** Most clarifying questions, hints or red flags one attempt can record. */
  idsPerList: 60,
  /** Most gradings kept per attempt (the first grading and the re-grades). */
  grades: 20,
  /** Longest figure typed in the estimation worksheet, in characters. */
  estimateLength: 40,
  /** Most figures in the worksheet. */
  estimates: 12,
  /** Most rubric items one grading can hold. */
  rubricItems: 50,
  /** Most parts and connections a stored diagram may have (DIAGRAM_LIMITS in the diagram model; a test pins them equal). */
  diagramNodes: 80,
  diagramEdges: 200,
} as const;

/** How a follow-up answer went, from the learner's ticks (src/lib/quiz/followup.ts). */
export const FOLLOW_UP_GRADES = ['again', 'hard', 'good', 'easy'] as const;

/** Longest SQL a SQL lab keeps for the learner, in characters (the editor's maxlength and the store's limit). */
export const SQL_LAB_TEXT_LIMIT = 20_000;
