/** Pagefind's search API, loaded from the index `npm run build` writes into `dist/pagefind/`. */
interface Pagefind {
  search(query: string): Promise<{ results: { data(): Promise<{ url: string; excerpt: string; meta: { title?: string } }> }[] }>;
}

/**
 * The search page: reads `?q=` (the header's search box submits here), asks Pagefind, and lists
 * results as links with highlighted excerpts. Works from the keyboard like any form.
 */
const root = document.querySelector<HTMLElement>('[data-island="search"]');
if (root) {
  const form = root.querySelector<HTMLFormElement>('[data-search-form]');
  const input = root.querySelector<HTMLInputElement>('[data-search-input]');
  const status = root.querySelector<HTMLElement>('[data-search-status]');
  const list = root.querySelector<HTMLElement>('[data-search-results]');
  let engine: Promise<Pagefind> | undefined;
  const load = () => {
    const path = '/pagefind/pagefind.js';
    engine ??= import(/* @vite-ignore */ path) as Promise<Pagefind>;
    return engine;
  };

  const run = async (query: string) => {
    if (!status || !list) return;
    list.replaceChildren();
    if (query.trim() === '') {
      status.textContent = '';
      return;
    }
    status.textContent = 'Searching…';
    try {
      const found = await (await load()).search(query);
      const top = await Promise.all(found.results.slice(0, 20).map((r) => r.data()));
      // The excerpt is Pagefind's: page text it escaped itself, with <mark> around the matches.
      list.replaceChildren(
        ...top.map((hit) => {
          const item = document.createElement('li');
          const heading = document.createElement('h2');
          const link = document.createElement('a');
          link.href = hit.url;
          link.textContent = hit.meta.title ?? hit.url;
          heading.append(link);
          const excerpt = document.createElement('p');
          excerpt.innerHTML = hit.excerpt;
          item.append(heading, excerpt);
          return item;
        }),
      );
      status.textContent = found.results.length === 0 ? `No results for “${query}”.` : `${found.results.length} result${found.results.length === 1 ? '' : 's'} for “${query}”.`;
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
    void run(query);
  });
}
