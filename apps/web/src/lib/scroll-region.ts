import type { Action } from 'svelte/action';

const HEADING = 'h1, h2, h3, h4, h5, h6';

/** The text of the heading that comes before `node` in document order, if any. */
function headingAbove(node: Element): string | undefined {
  for (let at: Element | null = node; at; at = at.parentElement) {
    for (let sibling = at.previousElementSibling; sibling; sibling = sibling.previousElementSibling) {
      const heading = sibling.matches(HEADING) ? sibling : sibling.querySelector(HEADING);
      if (heading?.textContent?.trim()) return heading.textContent.trim();
    }
  }
  return undefined;
}

/**
 * While a box scrolls (its table is wider than the screen), makes it a named region in the tab order so a
 * keyboard user can scroll it (WCAG 2.1.1); named by `label`, else its table's caption, else the heading above.
 */
export const scrollRegion: Action<HTMLElement, string | undefined> = (node, label) => {
  let name = label;
  const update = () => {
    const scrolls = node.scrollWidth > node.clientWidth + 1 || node.scrollHeight > node.clientHeight + 1;
    if (!scrolls) {
      node.removeAttribute('tabindex');
      node.removeAttribute('role');
      node.removeAttribute('aria-label');
      return;
    }
    node.tabIndex = 0;
    node.setAttribute('role', 'region');
    const text = name ?? node.querySelector('caption')?.textContent?.trim() ?? headingAbove(node);
    if (text) node.setAttribute('aria-label', text);
  };
  // The observer reports each box once laid out: measuring here instead would force a layout per table
  // while the page hydrates.
  const observer = new ResizeObserver(update);
  observer.observe(node);
  if (node.firstElementChild) observer.observe(node.firstElementChild);
  return {
    update(next) {
      name = next;
      update();
    },
    destroy: () => observer.disconnect(),
  };
};
