import { isLessonComplete, noteText, readEntry } from '../lib/progress/model.ts';
import { parseImport, exportProgress, type ImportResult } from '../lib/progress/transfer.ts';
import { completionSummary, continueLesson, exportFileName, importSummaryText, keptCopyLabel, practiceHistory, resetMessage } from '../lib/progress/views.ts';
import { DEFAULT_BACKUP_KEY, DEFAULT_PROGRESS_KEY } from '../lib/progress/store.ts';
import { bankAccuracy, courseMap, practiceMap, practiceScores, reviewForecast, type ChartBank, type MapLesson } from '../lib/progress/charts.ts';
import { drawBankBars, drawCourseMap, drawForecast, drawScores, forecastCaption } from './dashboard-charts.ts';
import { dueCount } from '../lib/review/due.ts';
import { formatDate, plural } from '../lib/course/format.ts';
import { downloadText } from './download.ts';
import { courseOutline, progressStore } from './progress.ts';

/** Wires the progress dashboard (src/pages/progress.astro): charts, history, export, import, reset. */
const root = document.querySelector<HTMLElement>('[data-island="dashboard"]');
if (root) {
  const store = progressStore();
  const lessons = courseOutline();
  const $ = <T extends Element = HTMLElement>(selector: string) => root.querySelector<T>(selector);
  /** What the charts draw from, embedded by the page (src/pages/progress.astro). */
  type ChartsData = { lessons: MapLesson[]; banks: ChartBank[]; prompts: { id: string; title: string }[] };
  const charts = ((): ChartsData => {
    try {
      const parsed = JSON.parse(document.getElementById('dashboard-charts')?.textContent ?? '{}') as Partial<ChartsData>;
      return { lessons: parsed.lessons ?? [], banks: parsed.banks ?? [], prompts: parsed.prompts ?? [] };
    } catch {
      return { lessons: [], banks: [], prompts: [] };
    }
  })();

  const promptTitles = new Map(charts.prompts.map((p) => [p.id, p.title]));
  /** A prompt's title; a retired prompt's id stands in for it. */
  const promptName = (id: string) => promptTitles.get(id) ?? id;

  const renderCharts = (state: typeof store.state) => {
    const now = new Date();
    const map = drawCourseMap(courseMap(charts.lessons, state), practiceMap(charts.prompts, state), 'map-caption');
    $('[data-course-map]')?.replaceChildren(map.chart);
    $('[data-map-rows]')?.replaceChildren(...map.rows);
    $('[data-practice-rows]')?.replaceChildren(...map.practiceItems);

    const bars = bankAccuracy(charts.banks, state, now);
    const empty = $('[data-quiz-empty]');
    if (empty) empty.hidden = bars.some((bar) => bar.answered > 0);
    $('[data-quiz-chart]')?.replaceChildren(...drawBankBars(bars));

    const days = reviewForecast(state.review, now);
    const forecast = drawForecast(days, 'forecast-caption');
    $('[data-forecast]')?.replaceChildren(forecast.chart);
    $('[data-forecast-rows]')?.replaceChildren(...forecast.rows);
    const caption = $('[data-forecast-caption]');
    if (caption) caption.textContent = forecastCaption(days);

    const points = practiceScores(state);
    const figure = $('[data-scores-figure]');
    if (figure) figure.hidden = points.length === 0;
    if (points.length > 0) {
      const scores = drawScores(points, promptName, 'scores-caption');
      $('[data-scores]')?.replaceChildren(scores.chart);
      const scoresCaption = $('[data-scores-caption]');
      if (scoresCaption) scoresCaption.textContent = scores.caption;
    }
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
        li.textContent = `${promptName(item.promptId)} — ${formatDate(new Date(item.startedAt))}, ${minutes} min, ${plural(item.hintsUsed, 'hint')}, ${item.submittedAt ? score : 'in progress'}`;
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
      if (status) status.textContent = isLessonComplete(state, id) && entry?.completedAt ? `Completed ${formatDate(new Date(entry.completedAt))}` : 'Not completed';
      if (notes) notes.textContent = noteText(state, id).trim() ? 'Yes' : '—';
    }
    renderCharts(state);
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
    const summary = $('[data-import-summary]');
    if (summary) summary.textContent = importSummaryText(file.name, result.summary);
    say('');
    if (review) review.hidden = false;
    $<HTMLButtonElement>('[data-import-apply]')?.focus();
  });
  $('[data-import-apply]')?.addEventListener('click', () => {
    if (!pending) return;
    if (store.readOnly) {
      say('This page can’t save: a newer version of the course saved your progress in this browser. Reload the page, then import again. Nothing was changed.');
      return;
    }
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
    const report = store.resetAll();
    dialog?.close();
    say(resetMessage(report, { progress: DEFAULT_PROGRESS_KEY, backup: DEFAULT_BACKUP_KEY }));
    renderCopies();
  });
  dialog?.addEventListener('close', () => resetButton?.focus());

  // Copies of unreadable progress kept in this browser: restore one this version can read, download or delete any.
  const copiesBox = $('[data-copies]');
  const copiesList = $('[data-copies-list]');
  function renderCopies(): void {
    const copies = store.backups();
    if (copiesBox) copiesBox.hidden = copies.length === 0;
    copiesList?.replaceChildren(
      ...copies.map((copy) => {
        const item = document.createElement('li');
        const text = document.createElement('p');
        text.textContent = keptCopyLabel(copy);
        const actions = document.createElement('p');
        actions.className = 'actions';
        const button = (label: string, onClick: () => void, className = 'button secondary') => {
          const b = document.createElement('button');
          b.type = 'button';
          b.className = className;
          b.textContent = label;
          b.addEventListener('click', onClick);
          return b;
        };
        if (copy.readable) {
          actions.append(
            button('Restore into my progress', () => {
              say(store.restoreBackup(copy.key).message);
              renderCopies();
            }, 'button'),
          );
        }
        actions.append(
          button('Download', () => {
            downloadText('eda-course-kept-copy.json', store.readBackup(copy.key) ?? '', 'application/json');
            say('The copy was downloaded. You can import it here later, or in a newer version of the course.');
          }),
          button('Delete', () => {
            say(store.deleteBackup(copy.key) ? 'The copy was deleted from this browser.' : 'The copy could not be deleted (the browser refused).');
            renderCopies();
          }),
        );
        item.append(text, actions);
        return item;
      }),
    );
  }
  renderCopies();

  for (const control of [exportButton, fileInput, resetButton]) if (control) control.disabled = false;
}
