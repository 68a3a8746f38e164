import type { BankBar, ForecastDay, MapColumn, PracticeCell, ScorePoint } from '../lib/progress/charts.ts';

/**
 * The progress dashboard's charts, drawn as SVG from the data of src/lib/progress/charts.ts. Every
 * chart is an image (`role="img"`) named by a visible caption, with a table or list beside it that
 * says the same in words. Shapes carry classes that src/pages/progress.astro styles with the theme's
 * colours (through `:global()`, since these elements carry no scoped-style attribute).
 */

const NS = 'http://www.w3.org/2000/svg';

/** An SVG element with attributes. */
function svg(name: string, attrs: Record<string, string | number> = {}, text?: string): SVGElement {
  const el = document.createElementNS(NS, name);
  for (const [k, v] of Object.entries(attrs)) el.setAttribute(k, String(v));
  if (text !== undefined) el.textContent = text;
  return el;
}

/** The chart's root: scales to its box, named by the caption with id `captionId`. */
function chartRoot(width: number, height: number, captionId: string): SVGElement {
  return svg('svg', { viewBox: `0 0 ${width} ${height}`, role: 'img', 'aria-labelledby': captionId, preserveAspectRatio: 'xMinYMin meet' });
}

/** A table row of cells, the first a row header. */
function row(cells: readonly string[]): HTMLTableRowElement {
  const tr = document.createElement('tr');
  cells.forEach((text, i) => {
    const cell = document.createElement(i === 0 ? 'th' : 'td');
    if (i === 0) cell.setAttribute('scope', 'row');
    cell.textContent = text;
    tr.append(cell);
  });
  return tr;
}

const CELL = 26;
const LABEL = 64;

/** One state circle of the course map, with a tooltip. */
function mapCell(x: number, y: number, state: string, title: string): SVGElement {
  const group = svg('g');
  group.append(svg('circle', { class: `map-cell map-${state}`, cx: x, cy: y, r: state === 'none' ? 5 : 9 }), svg('title', {}, title));
  return group;
}

/**
 * The course map: a column per lesson (numbered), rows for reading, quiz and lab, and a row of
 * practice prompts below; plus the same as table rows and a list.
 */
export function drawCourseMap(columns: readonly MapColumn[], practice: readonly PracticeCell[], captionId: string): { chart: SVGElement; rows: HTMLTableRowElement[]; practiceItems: HTMLLIElement[] } {
  const width = LABEL + Math.max(columns.length, practice.length) * CELL + 4;
  const height = 20 + 3 * CELL + 12 + CELL;
  const chart = chartRoot(width, height, captionId);
  const rowsY = { lesson: 20 + CELL / 2, quiz: 20 + CELL * 1.5, lab: 20 + CELL * 2.5 };
  const practiceY = 20 + CELL * 3 + 12 + CELL / 2;
  for (const [label, y] of [['Read', rowsY.lesson], ['Quiz', rowsY.quiz], ['Lab', rowsY.lab], ['Practice', practiceY]] as const) {
    chart.append(svg('text', { class: 'chart-label', x: 0, y: y + 4 }, label));
  }
  columns.forEach((column, i) => {
    const x = LABEL + i * CELL + CELL / 2;
    chart.append(svg('text', { class: 'chart-text', x, y: 12, 'text-anchor': 'middle' }, String(i + 1)));
    chart.append(
      mapCell(x, rowsY.lesson, column.lesson.state, `${i + 1}. ${column.title}: ${column.lesson.text}`),
      mapCell(x, rowsY.quiz, column.quiz.state, `${i + 1}. ${column.title}, quiz: ${column.quiz.text}`),
      mapCell(x, rowsY.lab, column.lab.state, `${i + 1}. ${column.title}, lab: ${column.lab.text}`),
    );
  });
  practice.forEach((prompt, i) => chart.append(mapCell(LABEL + i * CELL + CELL / 2, practiceY, prompt.state, `${prompt.title}: ${prompt.text}`)));
  const rows = columns.map((c, i) => row([`${i + 1}. ${c.title}`, c.lesson.text, c.quiz.text, c.lab.text]));
  const practiceItems = practice.map((p) => {
    const li = document.createElement('li');
    li.textContent = `Practice: ${p.title} — ${p.text}`;
    return li;
  });
  return { chart, rows, practiceItems };
}

/** One bar per bank: its accuracy in words, due reviews beside it, and a bar (decorative: the words say it). */
export function drawBankBars(bars: readonly BankBar[]): HTMLLIElement[] {
  return bars.map((bar) => {
    const li = document.createElement('li');
    const text = document.createElement('span');
    text.textContent = bar.answered === 0 ? `${bar.title}: not taken yet` : `${bar.title}: ${bar.correct} of ${bar.answered} questions right (${bar.percent}%)`;
    li.append(text);
    if (bar.due > 0) {
      const due = document.createElement('span');
      due.className = 'due';
      due.textContent = ` · ${bar.due} due for review`;
      text.append(due);
    }
    const chart = svg('svg', { viewBox: '0 0 100 8', preserveAspectRatio: 'none', 'aria-hidden': 'true' });
    chart.append(svg('rect', { class: 'chart-track', x: 0, y: 0, width: 100, height: 8, rx: 3 }));
    if (bar.percent > 0) chart.append(svg('rect', { class: 'chart-fill', x: 0, y: 0, width: bar.percent, height: 8, rx: 3 }));
    li.append(chart);
    return li;
  });
}

/** The review forecast as a column per day, counts above the columns, and the same as table rows. */
export function drawForecast(days: readonly ForecastDay[], captionId: string): { chart: SVGElement; rows: HTMLTableRowElement[] } {
  const slot = 30;
  const plot = 100;
  const width = days.length * slot;
  const chart = chartRoot(width, plot + 40, captionId);
  const most = Math.max(1, ...days.map((d) => d.count));
  chart.append(svg('line', { class: 'chart-axis', x1: 0, y1: plot + 16, x2: width, y2: plot + 16 }));
  for (const { day, count } of days) {
    const x = day * slot;
    const h = (count / most) * plot;
    if (count > 0) {
      chart.append(svg('rect', { class: 'chart-fill', x: x + 5, y: plot + 16 - h, width: slot - 10, height: h, rx: 2 }));
      chart.append(svg('text', { class: 'chart-text', x: x + slot / 2, y: plot + 12 - h, 'text-anchor': 'middle' }, String(count)));
    }
    chart.append(svg('text', { class: 'chart-text', x: x + slot / 2, y: plot + 32, 'text-anchor': 'middle' }, day === 0 ? 'now' : `+${day}`));
  }
  const rows = days.map(({ day, count }) => row([day === 0 ? 'Within 24 hours (and overdue)' : `In ${day} to ${day + 1} days`, String(count)]));
  return { chart, rows };
}

/** The caption of the forecast: the total and what is due within a day. */
export function forecastCaption(days: readonly ForecastDay[]): string {
  const total = days.reduce((sum, d) => sum + d.count, 0);
  if (total === 0) return 'No questions are scheduled for review in the next 14 days.';
  const soon = days[0]?.count ?? 0;
  return `${total} question${total === 1 ? '' : 's'} due for review in the next 14 days, ${soon} of them within 24 hours (days from now along the bottom).`;
}

/** Practice scores, oldest first, as a line with a point per attempt; a ring marks an attempt that used hints. */
export function drawScores(points: readonly ScorePoint[], name: (id: string) => string, captionId: string): { chart: SVGElement; caption: string } {
  const left = 30;
  const width = 420;
  const step = Math.min(60, (width - left) / Math.max(1, points.length));
  const plot = 100;
  const chart = chartRoot(width, plot + 20, captionId);
  const y = (score: number) => 10 + plot - (score / 100) * plot;
  for (const mark of [0, 50, 100]) {
    chart.append(svg('line', { class: 'chart-grid', x1: left, y1: y(mark), x2: width, y2: y(mark) }));
    chart.append(svg('text', { class: 'chart-text', x: left - 6, y: y(mark) + 4, 'text-anchor': 'end' }, String(mark)));
  }
  const xy = points.map((p, i) => [left + step / 2 + i * step, y(p.score)] as const);
  if (xy.length > 1) chart.append(svg('polyline', { class: 'chart-line', points: xy.map(([px, py]) => `${px},${py}`).join(' ') }));
  points.forEach((p, i) => {
    const [px, py] = xy[i] ?? [0, 0];
    if (p.hintsUsed > 0) chart.append(svg('circle', { class: 'chart-hint', cx: px, cy: py, r: 8 }));
    const point = svg('circle', { class: 'chart-point', cx: px, cy: py, r: 5 });
    point.append(svg('title', {}, `${name(p.promptId)}: ${p.score}`));
    chart.append(point);
  });
  const hints = (n: number) => (n === 0 ? '' : `, ${n} hint${n === 1 ? '' : 's'}`);
  const caption = `Scores of your ${points.length} scored attempt${points.length === 1 ? '' : 's'}, oldest first (a ring marks hints used): ${points.map((p) => `${p.score} (${name(p.promptId)}${hints(p.hintsUsed)})`).join('; ')}.`;
  return { chart, caption };
}
