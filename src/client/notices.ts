import type { ProgressNotice, ProgressStore } from '../lib/progress/store.ts';
import { downloadText } from './download.ts';

function renderNotice(notice: ProgressNotice, store: ProgressStore): HTMLElement {
  const box = document.createElement('div');
  box.className = `notice notice-${notice.kind}`;
  box.dataset['notice'] = notice.kind;
  const text = document.createElement('p');
  text.textContent = notice.message;
  box.append(text);
  const actions = document.createElement('p');
  actions.className = 'notice-actions';
  if (notice.kind === 'recovered') {
    const download = document.createElement('button');
    download.type = 'button';
    download.className = 'button secondary';
    download.textContent = 'Download the unreadable copy';
    download.addEventListener('click', () => {
      downloadText('eda-course-unreadable-progress.txt', store.readBackup(notice.backupKey) ?? '', 'text/plain');
    });
    actions.append(download);
  }
  if (notice.kind === 'newer') {
    const reload = document.createElement('button');
    reload.type = 'button';
    reload.className = 'button';
    reload.textContent = 'Reload to get the newer version';
    reload.addEventListener('click', () => window.location.reload());
    actions.append(reload);
  }
  const dismiss = document.createElement('button');
  dismiss.type = 'button';
  dismiss.className = 'button secondary';
  dismiss.textContent = 'Dismiss';
  dismiss.addEventListener('click', () => store.dismissNotice(notice.kind));
  actions.append(dismiss);
  box.append(actions);
  return box;
}

/**
 * Shows the store's notices about storage (unreadable progress recovered, storage refused or full)
 * in the page's notice area, each with its actions.
 */
export function showNotices(notices: readonly ProgressNotice[], store: ProgressStore): void {
  document.querySelector<HTMLElement>('[data-progress-notices]')?.replaceChildren(...notices.map((notice) => renderNotice(notice, store)));
}
