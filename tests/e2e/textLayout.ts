import type { Page } from '@playwright/test';

/**
 * Where to look on a screen: each `rows` element holds side-by-side `cells` (a table's rows and
 * cells, a list item's parts) whose text must neither overlap a neighbour's nor leave its cell;
 * `words` is the part of the page where no word may be split across two lines.
 */
export interface TextLayoutScope {
  rows: string;
  cells: string;
  words: string;
}

export const tableScope: TextLayoutScope = {
  rows: 'main table tr',
  cells: ':scope > th, :scope > td',
  words: 'main table',
};

/**
 * Measures the text as drawn, not the boxes around it: a Range over each word of each text node,
 * and that Range's client rectangles (one per line the word is on). Returns one sentence per
 * problem, naming the text, so that a failure reads as what a user would see.
 */
export async function textLayoutProblems(page: Page, scopes: readonly TextLayoutScope[]): Promise<string[]> {
  // Let the resize reach layout (and anything drawn from a ResizeObserver) before measuring.
  await page.evaluate(
    () => new Promise<void>((resolve) => requestAnimationFrame(() => requestAnimationFrame(() => resolve()))),
  );
  return page.evaluate((scopeList) => {
    const problems: string[] = [];
    /** Half a pixel: sub-pixel rounding of glyph boxes is not overlap. */
    const SLACK = 0.5;

    interface Word {
      text: string;
      rects: DOMRect[];
    }

    const shown = (text: string) => JSON.stringify(text.length > 40 ? `${text.slice(0, 37)}…` : text);

    /** Each word of the element's visible text, with where it is drawn. A hyphen ends a word: lines may break after one. */
    function wordsIn(element: Element): Word[] {
      const words: Word[] = [];
      const walker = document.createTreeWalker(element, NodeFilter.SHOW_TEXT);
      for (let node = walker.nextNode(); node; node = walker.nextNode()) {
        const parent = node.parentElement;
        // Text for screen readers only is clipped to a pixel on purpose.
        if (!parent || parent.closest('.visually-hidden')) continue;
        const text = node.textContent ?? '';
        for (const match of text.matchAll(/[^\s‐–—-]+[‐–—-]*|[‐–—-]+/g)) {
          const range = document.createRange();
          range.setStart(node, match.index);
          range.setEnd(node, match.index + match[0].length);
          const rects = [...range.getClientRects()].filter((rect) => rect.width > 0 && rect.height > 0);
          if (rects.length > 0) words.push({ text: match[0], rects });
        }
      }
      return words;
    }

    const sameLine = (a: DOMRect, b: DOMRect) =>
      Math.min(a.bottom, b.bottom) - Math.max(a.top, b.top) > Math.min(a.height, b.height) / 2;
    const overlap = (a: DOMRect, b: DOMRect) =>
      Math.min(a.right, b.right) - Math.max(a.left, b.left) > SLACK &&
      Math.min(a.bottom, b.bottom) - Math.max(a.top, b.top) > SLACK;

    const splitReported = new Set<string>();
    for (const scope of scopeList) {
      for (const area of document.querySelectorAll(scope.words)) {
        for (const word of wordsIn(area)) {
          const first = word.rects[0];
          if (first && word.rects.some((rect) => !sameLine(first, rect)) && !splitReported.has(word.text)) {
            splitReported.add(word.text);
            problems.push(`the word ${shown(word.text)} is split across lines`);
          }
        }
      }

      for (const row of document.querySelectorAll(scope.rows)) {
        const cells = [...row.querySelectorAll(scope.cells)].map((cell) => ({
          cell,
          box: cell.getBoundingClientRect(),
          words: wordsIn(cell),
        }));
        for (const { cell, box, words } of cells) {
          if (box.width === 0 && box.height === 0) continue;
          const spilled = words.find(({ rects }) =>
            rects.some(
              (rect) =>
                rect.left < box.left - SLACK ||
                rect.right > box.right + SLACK ||
                rect.top < box.top - SLACK ||
                rect.bottom > box.bottom + SLACK,
            ),
          );
          if (spilled)
            problems.push(`${shown(spilled.text)} spills out of its cell ${shown(cell.textContent?.trim() ?? '')}`);
        }
        for (let i = 0; i < cells.length; i += 1) {
          for (let j = i + 1; j < cells.length; j += 1) {
            const a = cells[i];
            const b = cells[j];
            if (!a || !b) continue;
            const hit = a.words.find((wa) =>
              b.words.some((wb) => wa.rects.some((ra) => wb.rects.some((rb) => overlap(ra, rb)))),
            );
            if (hit) {
              problems.push(
                `${shown(a.cell.textContent?.trim() ?? '')} overlaps ${shown(b.cell.textContent?.trim() ?? '')} (at ${shown(hit.text)})`,
              );
            }
          }
        }
      }
    }

    // Nothing may be wider than the window unless it is in a scroll box that a keyboard can reach.
    const root = document.documentElement;
    if (root.scrollWidth > root.clientWidth)
      problems.push(`the page is ${root.scrollWidth}px wide in a ${root.clientWidth}px window`);
    for (const box of document.querySelectorAll('main .table-scroll')) {
      if (box instanceof HTMLElement && box.scrollWidth > box.clientWidth + 1 && box.tabIndex < 0) {
        problems.push(
          `a table scrolls sideways in a box the keyboard cannot reach (${shown(box.textContent?.trim() ?? '')})`,
        );
      }
    }
    return problems;
  }, scopes);
}
