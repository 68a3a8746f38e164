import type { Question, QuizBank } from '../../../../src/schemas/quiz.ts';

const base = {
  prompt: 'Prompt?',
  explanation: 'Because.',
  learnMore: { lesson: 'eda-in-one-page' },
  difficulty: 1 as const,
};

/** A single-answer question whose correct option is `correct` among `ids`. */
export function single(id: string, ids: readonly string[], correct: string): Question {
  return { ...base, id, kind: 'single', options: ids.map((o) => ({ id: o, text: o, correct: o === correct, feedback: 'f' })) };
}

/** A multiple-answer question over `ids` whose correct options are `correct`. */
export function multiple(id: string, ids: readonly string[], correct: readonly string[]): Question {
  return { ...base, id, kind: 'multiple', options: ids.map((o) => ({ id: o, text: o, correct: correct.includes(o), feedback: 'f' })) };
}

/** A true-false question, options listed in `listed` order, `answer` being right. */
export function trueFalse(id: string, answer: boolean, listed: readonly ['true' | 'false', 'true' | 'false'] = ['true', 'false']): Question {
  return {
    ...base,
    id,
    kind: 'true-false',
    options: listed.map((o) => ({ id: o, text: o === 'true' ? 'True' : 'False', correct: (o === 'true') === answer, feedback: 'f' })),
  };
}

/** An order question whose items, in the correct order, are `ids`. */
export function order(id: string, ids: readonly string[]): Question {
  return { ...base, id, kind: 'order', items: ids.map((o) => ({ id: o, text: o, feedback: 'f' })) };
}

/** A bank around some questions. */
export function bank(id: string, topic: string, questions: Question[]): QuizBank {
  return { id, title: `Bank ${id}`, topic, lesson: 'eda-in-one-page', description: 'A bank made up for the tests here.', questions };
}
