/** What the list of next steps after a lesson needs to know about a practice prompt. */
export interface PracticeForList {
  /** Ids of the lessons the prompt exercises. */
  lessons: readonly string[];
  /** 1 = warm-up, 2 = standard, 3 = senior. */
  difficulty: 1 | 2 | 3;
}

/** The highest prompt difficulty listed under the overview lesson: a beginner gets warm-ups only. */
export const OVERVIEW_MAX_DIFFICULTY = 1;

/**
 * The practice prompts a lesson page lists after the lesson: those that exercise it, except that
 * the overview (the lesson with order 1) lists only warm-up prompts, so a first-time reader is not
 * sent to full-length interviews before the lessons that prepare them.
 */
export function practiceForLesson<P extends PracticeForList>(lesson: { id: string; order: number }, prompts: readonly P[]): P[] {
  return prompts.filter(
    (prompt) => prompt.lessons.includes(lesson.id) && (lesson.order > 1 || prompt.difficulty <= OVERVIEW_MAX_DIFFICULTY),
  );
}
