/**
 * Registers the service worker built by scripts/build-sw.ts, so the course works offline after the
 * first visit. When a new version has been installed and waits, the page says so and offers
 * "Reload to update"; the new worker takes over only then, so nothing in an open page is swapped
 * under the learner. Loaded on every page; does nothing where service workers are unavailable.
 */
// BASE_URL (the build's base path, e.g. /eda-course/) ends with a slash.
const scriptUrl = `${import.meta.env.BASE_URL}sw.js`;

/** Shows the update notice once, with a button that hands control to the waiting worker. */
function offerUpdate(waiting: ServiceWorker): void {
  if (document.querySelector('[data-update-notice]')) return;
  const region = document.createElement('div');
  region.className = 'page-notices';
  region.setAttribute('role', 'status');
  region.dataset['updateNotice'] = '';
  const box = document.createElement('div');
  box.className = 'notice';
  const text = document.createElement('p');
  text.textContent = 'A new version of the course is ready. Your progress is kept.';
  const actions = document.createElement('p');
  actions.className = 'notice-actions';
  const reload = document.createElement('button');
  reload.type = 'button';
  reload.className = 'button';
  reload.textContent = 'Reload to update';
  reload.addEventListener('click', () => {
    updateRequested = true;
    reload.disabled = true;
    waiting.postMessage({ type: 'SKIP_WAITING' });
  });
  actions.append(reload);
  box.append(text, actions);
  region.append(box);
  (document.querySelector('main') ?? document.body).before(region);
}

/** True once the learner asked for the update: only then does a change of worker reload the page. */
let updateRequested = false;

async function register(): Promise<void> {
  const registration = await navigator.serviceWorker.register(scriptUrl);
  // A worker already waiting from an earlier visit, while an older one controls this page.
  if (registration.waiting && navigator.serviceWorker.controller) offerUpdate(registration.waiting);
  registration.addEventListener('updatefound', () => {
    const installing = registration.installing;
    installing?.addEventListener('statechange', () => {
      // With no controller this is the first install, not an update: nothing to offer.
      if (installing.state === 'installed' && navigator.serviceWorker.controller) offerUpdate(installing);
    });
  });
  navigator.serviceWorker.addEventListener('controllerchange', () => {
    if (updateRequested) location.reload();
  });
}

if ('serviceWorker' in navigator && import.meta.env.PROD) {
  // After the page has loaded, so precaching never competes with the page's own requests.
  // A failed registration (a private window, a blocked worker) leaves the site working online as before.
  if (document.readyState === 'complete') void register().catch(() => undefined);
  else addEventListener('load', () => void register().catch(() => undefined), { once: true });
}
