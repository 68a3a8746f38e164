import { isLessonComplete, noteText, readEntry } from '../lib/progress/model.ts';
import { parseImport, exportProgress, type ImportResult } from '../lib/progress/transfer.ts';
import { completionSummary, continueLesson, exportFileName, practiceHistory, quizAccuracy } from '../lib/progress/views.ts';
import { dueCount } from '../lib/review/due.ts';
import { downloadText } from './download.ts';
import { courseOutline, progressStore } from './progress.ts';

/** Wires the progress dashboard (src/pages/progress.astro): charts, history, export, import, reset. */
const root = document.querySelector<HTMLElement>('[data-island="dashboard"]');
if (root) {
  const store = progressStore();
  const lessons = courseOutline();
  /** Titles of banks and prompts by id (ids of retired content fall back to the id). */
  const names = ((): { banks: Record<string, string>; prompts: Record<string, string> } => {
    try {
      const parsed = JSON.parse(root.dataset['names'] ?? '{}') as { banks?: Record<string, string>; prompts?: Record<string, string> };
      return { banks: parsed.banks ?? {}, prompts: parsed.prompts ?? {} };
    } catch {
      return { banks: {}, prompts: {} };
    }
  })();
  const bankName = (id: string) => (Object.hasOwn(names.banks, id) ? names.banks[id] : undefined) ?? id;
  const promptName = (id: string) => (Object.hasOwn(names.prompts, id) ? names.prompts[id] : undefined) ?? id;
  const $ = <T extends Element = HTMLElement>(selector: string) => root.querySelector<T>(selector);
  const svg = (name: string, attrs: Record<string, string | number>) => {
    const el = document.createElementNS('http://www.w3.org/2000/svg', name);
    for (const [k, v] of Object.entries(attrs)) el.setAttribute(k, String(v));
    return el;
  };

  const renderQuizChart = (rows: ReturnType<typeof quizAccuracy>) => {
    const host = $('[data-quiz-chart]');
    const empty = $('[data-quiz-empty]');
    if (!host || !empty) return;
    empty.hidden = rows.length > 0;
    if (rows.length === 0) return host.replaceChildren();
    const rowHeight = 28;
    const chart = svg('svg', { viewBox: `0 0 400 ${rows.length * rowHeight}`, width: '100%', role: 'img', 'aria-labelledby': 'quiz-chart-text' });
    rows.forEach((row, i) => {
      chart.append(svg('rect', { class: 'track', x: 0, y: i * rowHeight + 4, width: 400, height: 20, rx: 4 }));
      chart.append(svg('rect', { class: 'fill', x: 0, y: i * rowHeight + 4, width: (400 * row.percent) / 100, height: 20, rx: 4 }));
    });
    const list = document.createElement('ul');
    list.id = 'quiz-chart-text';
    for (const row of rows) {
      const item = document.createElement('li');
      item.textContent = `${bankName(row.bankId)}: ${row.correct} of ${row.answered} questions right (${row.percent}%)`;
      list.append(item);
    }
    host.replaceChildren(chart, list);
  };

  const renderPractice = (items: ReturnType<typeof practiceHistory>) => {
    const list = $('[data-practice-list]');
    const empty = $('[data-practice-empty]');
    if (!list || !empty) return;
    empty.hidden = items.length > 0;
    list.replaceChildren(
      ...items.map((item) => {
        const li = document.createElement('li');
        const minutes = Math.round(item.elapsedMs / 60_000);
        const score = item.score === undefined ? 'not scored' : `score ${item.score}`;
        li.textContent = `${promptName(item.promptId)} — ${new Date(item.startedAt).toLocaleDateString()}, ${minutes} min, ${item.hintsUsed} hints, ${item.submittedAt ? score : 'in progress'}`;
        return li;
      }),
    );
  };

  store.subscribe(({ state }) => {
    const summary = completionSummary(lessons, state);
    $('[data-overall-fill]')?.setAttribute('width', String((400 * summary.percent) / 100));
    const overall = $('[data-overall-text]');
    if (overall) overall.textContent = `${summary.done} of ${summary.total} lessons complete (${summary.percent}%).`;
    const next = continueLesson(lessons, state);
    const cont = $<HTMLAnchorElement>('[data-dashboard-continue]');
    if (cont) {
      cont.hidden = summary.done === summary.total && summary.total > 0;
      if (next) {
        cont.href = next.href;
        cont.textContent = `Continue: ${next.title}`;
      }
    }
    for (const row of root.querySelectorAll<HTMLElement>('[data-lesson-row]')) {
      const id = row.dataset['lessonRow'] ?? '';
      const entry = readEntry(state.lessons, id);
      const status = row.querySelector('[data-status]');
      const notes = row.querySelector('[data-has-notes]');
      if (status) status.textContent = isLessonComplete(state, id) && entry?.completedAt ? `Completed ${new Date(entry.completedAt).toLocaleDateString()}` : 'Not completed';
      if (notes) notes.textContent = noteText(state, id).trim() ? 'Yes' : '—';
    }
    renderQuizChart(quizAccuracy(state));
    const due = dueCount(state.review, new Date());
    const dueLink = $('[data-dashboard-due]');
    if (dueLink) dueLink.textContent = due === 0 ? 'No questions due for review' : `${due} question${due === 1 ? '' : 's'} due for review`;
    renderPractice(practiceHistory(state));
  });

  // Export, import and reset.
  const message = $('[data-import-message]');
  const say = (text: string) => {
    if (message) message.textContent = text;
  };
  const exportNow = () => {
    const now = new Date();
    downloadText(exportFileName(now), exportProgress(store.state, now));
    say('Your progress was exported to a file in your downloads.');
  };
  const exportButton = $<HTMLButtonElement>('[data-export]');
  exportButton?.addEventListener('click', exportNow);

  const fileInput = $<HTMLInputElement>('[data-import-file]');
  const review = $('[data-import-review]');
  let pending: Extract<ImportResult, { ok: true }> | undefined;
  const closeReview = () => {
    pending = undefined;
    if (review) review.hidden = true;
    if (fileInput) fileInput.value = '';
  };
  fileInput?.addEventListener('change', async () => {
    const file = fileInput.files?.[0];
    closeReview();
    if (!file) return;
    // The size is checked before reading, so a huge file is never loaded into memory.
    const result = file.size > 5 * 1024 * 1024 ? parseImport('', file.size) : parseImport(await file.text(), file.size, { lessons: lessons.map((l) => l.id) });
    if (!result.ok) {
      say(result.message);
      fileInput.value = '';
      return;
    }
    pending = result;
    const s = result.summary;
    const unknown = s.unknownIds ? ` ${s.unknownIds} of its entries belong to lessons this version of the course doesn’t have; they are kept.` : '';
    const summary = $('[data-import-summary]');
    if (summary) {
      summary.textContent =
        `“${file.name}” holds ${s.lessonsCompleted} completed lessons, ${s.notes} notes, ${s.quizQuestions} answered quiz questions, ` +
        `${s.practicePrompts} practice prompts, ${s.reviewCards} review cards and ${s.challenges} passed challenges.${unknown}`;
    }
    say('');
    if (review) review.hidden = false;
    $<HTMLButtonElement>('[data-import-apply]')?.focus();
  });
  $('[data-import-apply]')?.addEventListener('click', () => {
    if (!pending) return;
    const mode = root.querySelector<HTMLInputElement>('input[name="import-mode"]:checked')?.value === 'replace' ? 'replace' : 'merge';
    store.dispatch({ type: 'import/apply', data: pending.data, mode });
    closeReview();
    say(mode === 'replace' ? 'Import applied: your progress was replaced by the file.' : 'Import applied: the file was merged into your progress.');
    fileInput?.focus();
  });
  $('[data-import-cancel]')?.addEventListener('click', () => {
    closeReview();
    say('Import cancelled. Nothing was changed.');
    fileInput?.focus();
  });

  const dialog = $<HTMLDialogElement>('[data-reset-dialog]');
  const resetButton = $<HTMLButtonElement>('[data-reset]');
  resetButton?.addEventListener('click', () => dialog?.showModal());
  $('[data-reset-export]')?.addEventListener('click', exportNow);
  $('[data-reset-cancel]')?.addEventListener('click', () => dialog?.close());
  $('[data-reset-confirm]')?.addEventListener('click', () => {
    store.dispatch({ type: 'reset' });
    dialog?.close();
    say('All progress in this browser was reset.');
  });
  dialog?.addEventListener('close', () => resetButton?.focus());

  for (const control of [exportButton, fileInput, resetButton]) if (control) control.disabled = false;
}
