// What the presenter's layout audit measures on the screen shown, beside the kiosk's layout
// rules (../kiosk/audit/layout-check.ts): the smallest type, the chart's share of the screen
// and the size of its words, and how often the privacy floor's sentence is said.
//
// Self-contained on purpose (nothing from outside the function but types): the tests and
// `npm run screenshots` run this very function's source in the presenter page.

import type { PresenterMeasure } from './measured.ts';

export function measurePresenter(floorSentences: string[]): PresenterMeasure {
  const shown = (el: Element) => el.getClientRects().length > 0 && getComputedStyle(el).visibility !== 'hidden' && el.checkVisibility();
  const smallestIn = (root: Element) => {
    let found: { px: number; what: string } | null = null;
    const walker = document.createTreeWalker(root, NodeFilter.SHOW_TEXT);
    for (let node = walker.nextNode(); node; node = walker.nextNode()) {
      const text = (node.textContent ?? '').replace(/\u00ad/g, '').trim();
      const holder = node.parentElement;
      if (!text || !holder || !shown(holder)) continue;
      const px = parseFloat(getComputedStyle(holder).fontSize);
      if (!found || px < found.px) found = { px, what: text.slice(0, 60) };
    }
    return found;
  };
  const round = (n: number) => Math.round(n * 1000) / 1000;
  const dialog = document.querySelector('[aria-modal="true"]');
  // Under a dialog the chart is not what the room sees.
  const chart = dialog ? null : document.querySelector('.chart');
  let measured: PresenterMeasure['chart'] = null;
  if (chart) {
    const r = chart.getBoundingClientRect();
    const below = innerHeight - (document.querySelector('.prompt')?.getBoundingClientRect().bottom ?? 0);
    const area = r.width * r.height;
    measured = { width: round(r.width / innerWidth), screen: round(area / (innerWidth * innerHeight)), belowQuestion: round(area / (innerWidth * below)), smallestPx: smallestIn(chart)?.px ?? null };
  }
  const text = document.body.innerText.replace(/\u00ad/g, '');
  const said = floorSentences.reduce((n, sentence) => n + text.split(sentence).length - 1, 0);
  return { smallest: smallestIn(dialog ?? document.body), chart: measured, floorSentences: said };
}
