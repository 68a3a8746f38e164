/**
 * Live search, loaded on demand: by the header's box on first focus (through `/search-live.js`,
 * see src/client/search.ts) and by the `/search/` page. Loading it is what starts it: it turns the
 * header's box into a combobox with live results and, on `/search/`, lists the results for `?q=`.
 */
import { withBase, withoutBase } from '../lib/site/base.ts';
import { escapeHtml, resultCount, shapeResults, type RawHit, type SearchHit, type ShapeOptions } from '../lib/search/results.ts';

/** The part of Pagefind's browser API (`/pagefind/pagefind.js`, written by `npm run build`) used here. */
interface Pagefind {
  options(options: { baseUrl?: string; ranking?: Record<string, number> }): Promise<void>;
  init(): Promise<void>;
  search(query: string): Promise<Found>;
  /** Resolves to `null` when a newer search started within the timeout. */
  debouncedSearch(query: string, options?: object, timeoutMs?: number): Promise<Found | null>;
}
interface Found {
  results: { data(): Promise<RawHit> }[];
}

let engine: Promise<Pagefind> | undefined;

/**
 * Pagefind, loaded and initialised once. Long pages (the lessons) are barely penalised for their
 * length, so a lesson about a term outranks a short page that only mentions it.
 */
function pagefind(): Promise<Pagefind> {
  engine ??= (async () => {
    const path = withBase('/pagefind/pagefind.js');
    const loaded = (await import(/* @vite-ignore */ path)) as Pagefind;
    await loaded.options({ baseUrl: withBase('/'), ranking: { pageLength: 0.2 } });
    await loaded.init();
    return loaded;
  })();
  return engine;
}

/** How many of Pagefind's top results are read and shaped. */
const READ = 30;

/**
 * Searches and shapes the results (pages first, a few quiz questions after). `null` when a newer
 * keystroke superseded this search. Throws when the index is missing.
 */
async function find(query: string, shape: ShapeOptions, debounced: boolean): Promise<SearchHit[] | null> {
  const engineNow = await pagefind();
  const found = debounced ? await engineNow.debouncedSearch(query, {}, 150) : await engineNow.search(query);
  if (!found) return null;
  const raw = await Promise.all(found.results.slice(0, READ).map((result) => result.data()));
  return shapeResults(raw, shape);
}

/** Link text and excerpt of one result, as child nodes (the excerpt is Pagefind's escaped HTML). */
function hitContent(hit: SearchHit, titleTag: 'span' | 'a'): HTMLElement[] {
  const title = document.createElement(titleTag);
  title.className = 'hit-title';
  title.textContent = hit.title;
  if (title instanceof HTMLAnchorElement) title.href = hit.url;
  const kind = document.createElement('span');
  kind.className = 'hit-kind';
  kind.textContent = hit.kind === 'quiz' ? 'Quiz question' : withoutBase(hit.url).startsWith('/lessons/') ? 'Lesson' : 'Page';
  const excerpt = document.createElement('span');
  excerpt.className = 'hit-excerpt';
  excerpt.innerHTML = hit.excerpt;
  return [kind, title, excerpt];
}

const STYLE = `
.search-pop{position:absolute;z-index:30;top:calc(100% + 4px);margin:0;padding:.25rem;list-style:none;background:var(--bg-raised);color:var(--text);border:1px solid var(--border);border-radius:var(--radius);box-shadow:0 8px 24px rgb(0 0 0/.2);max-height:min(70vh,34rem);overflow:auto;width:min(30rem,calc(100vw - 1rem));box-sizing:border-box;text-align:left}
.search-pop[hidden]{display:none}
.search-pop [role=option]{padding:.5rem .6rem;border-radius:calc(var(--radius) - 2px);cursor:pointer;display:grid;gap:.1rem;font-size:.95rem;font-weight:400}
.search-pop [role=option][aria-selected=true]{background:var(--bg-soft);outline:2px solid var(--accent);outline-offset:-2px}
.search-pop .hit-title{font-weight:600;color:var(--accent)}
.search-pop .hit-kind{font-size:.75rem;font-weight:700;text-transform:uppercase;letter-spacing:.04em;color:var(--text-muted)}
.search-pop .hit-excerpt{font-size:.88rem;color:var(--text-muted);display:-webkit-box;-webkit-line-clamp:2;-webkit-box-orient:vertical;overflow:hidden}
.search-pop mark{background:var(--warn-bg);color:var(--text)}
.search-pop .all{font-weight:600;color:var(--accent)}
`;

/** Live results for the header box: at most this many, of which quiz questions at most `maxQuiz`. */
const LIVE: ShapeOptions = { limit: 7, maxQuiz: 3 };

/**
 * Turns the header's search box into an ARIA combobox with a listbox of live results: results as
 * you type, ↓/↑ to move through them (`aria-activedescendant`), Enter to open one (or, with none
 * chosen, the full results page), Esc to close the list and then to clear the box. A polite status
 * line announces the count. Without this script the box still submits to `/search/`.
 */
function attachCombobox(input: HTMLInputElement): void {
  const form = input.form;
  if (!form || input.getAttribute('role') === 'combobox') return;
  // A constructed style sheet, not a <style> element: the page's Content-Security-Policy allows
  // only the inline styles whose hashes it lists (src/lib/site/csp.ts).
  const sheet = new CSSStyleSheet();
  sheet.replaceSync(STYLE);
  document.adoptedStyleSheets = [...document.adoptedStyleSheets, sheet];

  const listId = `${input.id}-results`;
  const list = document.createElement('ul');
  list.id = listId;
  list.className = 'search-pop';
  list.setAttribute('role', 'listbox');
  list.setAttribute('aria-label', 'Search results');
  list.hidden = true;
  const status = document.createElement('p');
  status.className = 'visually-hidden';
  status.setAttribute('role', 'status');
  form.style.position = 'relative';
  form.append(list, status);
  input.setAttribute('role', 'combobox');
  input.setAttribute('aria-autocomplete', 'list');
  input.setAttribute('aria-controls', listId);
  input.setAttribute('aria-expanded', 'false');

  /** The options' targets: the results, then "all results". */
  let targets: string[] = [];
  let active = -1;

  const options = () => [...list.querySelectorAll<HTMLElement>('[role="option"]')];
  const setActive = (index: number) => {
    active = index;
    options().forEach((option, i) => option.setAttribute('aria-selected', String(i === index)));
    const current = options()[index];
    if (current) {
      input.setAttribute('aria-activedescendant', current.id);
      current.scrollIntoView({ block: 'nearest' });
    } else input.removeAttribute('aria-activedescendant');
  };
  const open = (yes: boolean) => {
    list.hidden = !yes;
    input.setAttribute('aria-expanded', String(yes));
    if (!yes) setActive(-1);
    else {
      // Keep the list on screen: start it under the box, moved left as far as the viewport needs.
      const formLeft = form.getBoundingClientRect().left;
      const width = list.getBoundingClientRect().width;
      const left = Math.max(8, Math.min(input.getBoundingClientRect().left, window.innerWidth - width - 8));
      list.style.left = `${left - formLeft}px`;
    }
  };
  const go = (index: number) => {
    const url = targets[index];
    if (url === undefined) return;
    open(false);
    location.assign(url);
  };

  const render = (query: string, hits: SearchHit[]) => {
    targets = [...hits.map((hit) => hit.url), withBase(`/search/?q=${encodeURIComponent(query)}`)];
    const items = hits.map((hit, i) => {
      const item = document.createElement('li');
      item.append(...hitContent(hit, 'span'));
      item.id = `${listId}-${i}`;
      return item;
    });
    const all = document.createElement('li');
    all.id = `${listId}-all`;
    all.className = 'all';
    all.innerHTML = `All results for “${escapeHtml(query)}”`;
    items.push(all);
    items.forEach((item, i) => {
      item.setAttribute('role', 'option');
      item.setAttribute('aria-selected', 'false');
      // Keep the focus in the box while the pointer picks a result.
      item.addEventListener('mousedown', (event) => event.preventDefault());
      item.addEventListener('click', () => go(i));
    });
    list.replaceChildren(...items);
    status.textContent = `${resultCount(hits.length)}${hits.length > 0 ? '. Use the down arrow to go through them.' : ''}`;
    open(true);
    setActive(-1);
  };

  const update = async () => {
    const query = input.value.trim();
    if (query === '') {
      open(false);
      status.textContent = '';
      return;
    }
    try {
      const hits = await find(query, LIVE, true);
      // A newer keystroke, or a box emptied meanwhile, wins.
      if (hits && input.value.trim() === query && document.activeElement === input) render(query, hits);
    } catch {
      status.textContent = 'Live results are not available; press Enter to search.';
    }
  };

  input.addEventListener('input', () => void update());
  input.addEventListener('focus', () => {
    if (input.value.trim() !== '') void update();
  });
  input.addEventListener('blur', () => open(false));
  input.addEventListener('keydown', (event) => {
    const count = targets.length;
    if (event.key === 'ArrowDown' || event.key === 'ArrowUp') {
      if (count === 0) return;
      event.preventDefault();
      if (list.hidden) open(true);
      const step = event.key === 'ArrowDown' ? 1 : -1;
      setActive(active === -1 && step === -1 ? count - 1 : (active + step + count) % count);
    } else if (event.key === 'Enter' && !list.hidden && active >= 0) {
      event.preventDefault();
      go(active);
    } else if (event.key === 'Escape') {
      if (!list.hidden) open(false);
      else input.value = '';
    }
  });
  void update();
}

/**
 * The `/search/` page (`[data-island="search"]`): lists the results for `?q=`, keeps the query in
 * its box and the header's, and searches again on submit without leaving the page.
 */
function searchPage(root: HTMLElement): void {
  const header = document.getElementById('site-search');
  const form = root.querySelector<HTMLFormElement>('[data-search-form]');
  const input = root.querySelector<HTMLInputElement>('[data-search-input]');
  const status = root.querySelector<HTMLElement>('[data-search-status]');
  const list = root.querySelector<HTMLElement>('[data-search-results]');
  if (!status || !list) return;

  const run = async (query: string) => {
    list.replaceChildren();
    if (query.trim() === '') {
      status.textContent = '';
      return;
    }
    status.textContent = 'Searching…';
    try {
      const hits = (await find(query, { limit: 30, maxQuiz: 10 }, false)) ?? [];
      list.replaceChildren(
        ...hits.map((hit) => {
          const [kind, link, excerpt] = hitContent(hit, 'a');
          const heading = document.createElement('h2');
          const text = document.createElement('p');
          const item = document.createElement('li');
          if (link) heading.append(link);
          if (excerpt) text.append(excerpt);
          if (kind) item.append(kind);
          item.append(heading, text);
          return item;
        }),
      );
      status.textContent = hits.length === 0 ? `No results for “${query}”.` : `${resultCount(hits.length)} for “${query}”.`;
    } catch {
      status.textContent = 'Search is not available here: the search index is built by `npm run build`.';
    }
  };

  const initial = new URLSearchParams(location.search).get('q') ?? '';
  if (input) input.value = initial;
  void run(initial);
  form?.addEventListener('submit', (event) => {
    event.preventDefault();
    const query = input?.value ?? '';
    history.replaceState(null, '', query ? `?q=${encodeURIComponent(query)}` : location.pathname);
    if (header instanceof HTMLInputElement) header.value = query;
    void run(query);
  });
}

const headerBox = document.getElementById('site-search');
if (headerBox instanceof HTMLInputElement) attachCombobox(headerBox);
const page = document.querySelector<HTMLElement>('[data-island="search"]');
if (page) searchPage(page);
