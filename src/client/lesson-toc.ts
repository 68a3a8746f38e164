import { currentSection } from '../lib/course/toc.ts';

/**
 * Marks, in a lesson's "On this page" lists, the section being read (`aria-current="location"`):
 * the last section whose heading has passed the reading line, 30 % down the window.
 */
const links = [...document.querySelectorAll<HTMLAnchorElement>('[data-toc] a[href^="#"]')];
const ids = [...new Set(links.map((link) => decodeURIComponent(link.hash.slice(1))))];
const headings = ids.map((id) => document.getElementById(id)).filter((h): h is HTMLElement => h !== null);

function mark() {
  const index = currentSection(
    headings.map((h) => h.getBoundingClientRect().top),
    window.innerHeight * 0.3,
  );
  const id = headings[index]?.id;
  for (const link of links) {
    if (id !== undefined && link.hash === `#${encodeURIComponent(id)}`) link.setAttribute('aria-current', 'location');
    else link.removeAttribute('aria-current');
  }
}

if (headings.length > 0) {
  // The observed band runs from far above the page down to the reading line, so a heading that
  // crosses the line in either direction, however fast the scroll, changes its intersection.
  const above = `${document.documentElement.scrollHeight}px`;
  const observer = new IntersectionObserver(mark, { rootMargin: `${above} 0px -70% 0px` });
  for (const heading of headings) observer.observe(heading);
}
