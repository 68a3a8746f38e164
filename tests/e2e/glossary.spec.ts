import { expect, test } from '@playwright/test';

test('a lesson links the first use of a term to its glossary entry, which links back to where it is taught', async ({ page }) => {
  await page.goto('/lessons/delivery-guarantees/');
  const lesson = page.locator('article');
  const term = lesson.locator('a.glossary-term').first();
  const href = (await term.getAttribute('href')) ?? '';
  expect(href).toMatch(/^\/glossary\/#[a-z0-9-]+$/);
  await term.focus();
  await page.keyboard.press('Enter');
  await expect(page).toHaveURL(new RegExp(`${href.replace('/', '\\/')}$`));
  const entry = page.locator(href.slice('/glossary/'.length));
  await expect(entry).toBeInViewport();
  await expect(entry.getByRole('term')).not.toBeEmpty();
  await expect(entry.getByRole('definition').first()).not.toBeEmpty();
  const taught = entry.getByRole('link');
  await expect(taught).toHaveAttribute('href', /^\/lessons\/[a-z0-9-]+\/(#[a-z0-9-]+)?$/);
  await taught.click();
  await expect(page.getByRole('heading', { level: 1 })).toBeVisible();
});

test('the glossary jumps by letter and is reachable from every page footer', async ({ page }) => {
  await page.goto('/');
  await page.getByRole('contentinfo').getByRole('link', { name: 'Glossary' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Glossary' })).toBeVisible();
  const letters = page.getByRole('navigation', { name: 'Glossary by letter' });
  await letters.getByRole('link', { name: 'S', exact: true }).click();
  await expect(page).toHaveURL(/#letter-s$/);
  await expect(page.getByRole('heading', { level: 2, name: 'S', exact: true })).toBeInViewport();
});

test('the cheat sheet lists every lesson in course order and prints without the site chrome', async ({ page }) => {
  await page.goto('/lessons/');
  await page.getByRole('main').getByRole('link', { name: 'interview cheat sheet' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Interview cheat sheet' })).toBeVisible();
  const sections = page.getByRole('main').getByRole('region');
  await expect(sections.first().getByRole('heading', { level: 2 })).toContainText('1. Event-driven architecture in one page');
  await expect(sections.first().getByRole('listitem').first()).not.toBeEmpty();
  await expect(sections.first().getByRole('link', { name: 'Event-driven architecture in one page' })).toHaveAttribute(
    'href',
    '/lessons/eda-in-one-page/#phrases-worth-saying',
  );
  const hint = page.getByText('print this page');
  await expect(hint).toBeVisible();

  await page.emulateMedia({ media: 'print' });
  await expect(page.getByRole('banner')).toBeHidden();
  await expect(page.getByRole('contentinfo')).toBeHidden();
  await expect(hint).toBeHidden();
  await expect(sections.first()).toBeVisible();
  expect(await page.evaluate(() => getComputedStyle(document.body).backgroundColor)).toBe('rgb(255, 255, 255)');
});
