/**
 * The props every diagram component shares, and the ids inside its SVGs: each panel's ids start
 * with `{idPrefix}-{panel}` (a single-drawing diagram uses `idPrefix` alone), and DiagramPanel names
 * its arrowhead markers `{panel id}-{marker}`, so the drawings that point at them agree on the scheme.
 */

/** Props of every diagram component in this folder. */
export interface DiagramProps {
  /** Prefix for the ids inside the diagram's SVGs; change it if the diagram appears twice on one page. */
  idPrefix?: string;
}

/** The id prefixes of a diagram's panels, `{idPrefix}-{panel}`, in the order the panels are named. */
export function panelIds<const Panels extends readonly string[]>(
  idPrefix: string,
  ...panels: Panels
): { [P in keyof Panels]: string } {
  return panels.map((panel) => `${idPrefix}-${panel}`) as { [P in keyof Panels]: string };
}

/** The id of the arrowhead marker `name` defined in the panel whose id prefix is `panelId`. */
export function markerId(panelId: string, name = 'arrow'): string {
  return `${panelId}-${name}`;
}

/** A `marker-start` / `marker-end` value that draws that arrowhead on a line or path. */
export function markerUrl(panelId: string, name = 'arrow'): string {
  return `url(#${markerId(panelId, name)})`;
}
