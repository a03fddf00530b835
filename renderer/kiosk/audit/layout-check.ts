// The kiosk's layout rules, measured on the rendered page, not read from the style sheet:
// every control inside the screen, big enough for a finger and not under anything else;
// no text smaller than the floor, cut off, running out of its box or over another text or
// control; nothing that scrolls or clips. The layout audit (audit.tsx) runs it on every
// screen of a pack, for the operator's preview and the tests; the tests also run it on the
// real journey.
//
// Self-contained on purpose (no imports, nothing from outside the function): the tests run
// this very function's source in the page under test (its types are erased).

import type { LayoutFinding, LayoutLimits, LayoutRule } from './report.ts';

/** The student screens' rules by default: type of at least 24 px in portrait and 20 px in landscape, targets of at least 64 px. */
export function checkLayout(limits: LayoutLimits = { minTextPx: window.innerWidth > window.innerHeight ? 20 : 24, minTargetPx: 64 }): LayoutFinding[] {
  const findings: LayoutFinding[] = [];
  const width = window.innerWidth;
  const height = window.innerHeight;
  const SLACK = 1;
  const px = (n: number) => Math.round(n * 10) / 10;
  const box = (r: DOMRect) => `${px(r.left)},${px(r.top)} ${px(r.width)}x${px(r.height)}`;
  const nameOf = (el: Element): string => {
    const text = (el.getAttribute('aria-label') || (el instanceof HTMLElement ? el.innerText : el.textContent) || '').replace(/\u00ad/g, '').replace(/\s+/g, ' ').trim();
    return text.slice(0, 60) || `<${el.tagName.toLowerCase()} class="${el.getAttribute('class') ?? ''}">`;
  };
  const add = (rule: LayoutRule, el: Element, detail: string) => findings.push({ rule, what: nameOf(el), detail });
  // Laid out and seen: not hidden, nor inside what hides its content (a closed <details>, which still lays it out).
  const shown = (el: Element) => el.getClientRects().length > 0 && getComputedStyle(el).visibility !== 'hidden' && el.checkVisibility();
  const inside = (r: DOMRect, outer: { left: number; top: number; right: number; bottom: number }) =>
    r.left >= outer.left - SLACK && r.top >= outer.top - SLACK && r.right <= outer.right + SLACK && r.bottom <= outer.bottom + SLACK;
  const screen = { left: 0, top: 0, right: width, bottom: height };

  // A modal dialog hides the page under it: only what it holds counts.
  const root: Element = document.querySelector('[aria-modal="true"]') ?? document.body;

  // Nothing scrolls or clips: every box that hides overflow must hold all it has.
  for (const el of [document.documentElement, ...document.body.querySelectorAll('*')]) {
    const style = getComputedStyle(el);
    if (style.overflowX === 'visible' && style.overflowY === 'visible') continue;
    if (el.scrollWidth > el.clientWidth + SLACK || el.scrollHeight > el.clientHeight + SLACK) {
      add('overflow', el, `holds ${el.scrollWidth}x${el.scrollHeight} in ${el.clientWidth}x${el.clientHeight}`);
    }
  }

  // Controls: inside the screen, at least the target size, and what a tap hits: at the centre and halfway to each corner.
  const controls = [...root.querySelectorAll('button, a[href], input, select, textarea, [role="button"]')].filter(shown);
  for (const control of controls) {
    const r = control.getBoundingClientRect();
    if (!inside(r, screen)) add('outside', control, `at ${box(r)} on a ${width}x${height} screen`);
    if (r.width < limits.minTargetPx - SLACK || r.height < limits.minTargetPx - SLACK) add('small-target', control, `${px(r.width)}x${px(r.height)} px, at least ${limits.minTargetPx} both ways`);
    for (const [fx, fy] of [[0.5, 0.5], [0.25, 0.25], [0.75, 0.25], [0.25, 0.75], [0.75, 0.75]]) {
      const x = Math.min(width - 1, Math.max(0, r.left + fx * r.width));
      const y = Math.min(height - 1, Math.max(0, r.top + fy * r.height));
      const hit = document.elementFromPoint(x, y);
      if (hit && hit !== control && !control.contains(hit)) {
        add('covered', control, `a tap at ${px(x)},${px(y)} lands on ${nameOf(hit)}`);
        break;
      }
    }
  }

  // Texts: every element that holds text of its own, with the rectangles of its lines.
  const texts = new Map<Element, DOMRect[]>();
  const walker = document.createTreeWalker(root, NodeFilter.SHOW_TEXT);
  for (let node = walker.nextNode(); node; node = walker.nextNode()) {
    if (!(node.textContent ?? '').replace(/\u00ad/g, '').trim()) continue;
    const holder = node.parentElement;
    if (!holder || !shown(holder)) continue;
    const range = document.createRange();
    range.selectNodeContents(node);
    const lines = [...range.getClientRects()].filter((r) => r.width > 0 && r.height > 0);
    texts.set(holder, [...(texts.get(holder) ?? []), ...lines]);
  }
  const clippers = (el: Element): Element[] => {
    const found: Element[] = [];
    for (let up = el.parentElement; up; up = up.parentElement) {
      const style = getComputedStyle(up);
      if (style.overflowX !== 'visible' || style.overflowY !== 'visible') found.push(up);
    }
    return found;
  };
  for (const [holder, lines] of texts) {
    const style = getComputedStyle(holder);
    const size = parseFloat(style.fontSize);
    if (size < limits.minTextPx - 0.05) add('small-text', holder, `${px(size)} px, at least ${limits.minTextPx}`);
    const outside = lines.find((r) => !inside(r, screen));
    if (outside) add('cut-off', holder, `a line at ${box(outside)} is off the ${width}x${height} screen`);
    for (const clip of clippers(holder)) {
      const c = clip.getBoundingClientRect();
      const cut = lines.find((r) => !inside(r, c));
      if (cut) {
        add('cut-off', holder, `a line at ${box(cut)} is outside the box that clips it (${nameOf(clip)})`);
        break;
      }
    }
    // Glyphs of tight type stand a little above and below their line box: that is no overflow.
    if (style.display !== 'inline' && (holder.scrollWidth > holder.clientWidth + SLACK || holder.scrollHeight > holder.clientHeight + Math.max(SLACK, 0.3 * size))) {
      add('overflow', holder, `text of ${holder.scrollWidth}x${holder.scrollHeight} in a box of ${holder.clientWidth}x${holder.clientHeight}`);
    }
  }

  // Overlaps: between controls, texts (by their line boxes, inside a control or not) and the
  // drawings (the elephant), none of which may lie over another.
  const drawings = [...root.querySelectorAll('svg')].filter((el) => shown(el) && !el.parentElement?.closest('svg'));
  const items: Array<{ el: Element; rects: DOMRect[]; text: boolean }> = [
    ...controls.map((el) => ({ el, rects: [el.getBoundingClientRect()], text: false })),
    ...drawings.map((el) => ({ el, rects: [el.getBoundingClientRect()], text: false })),
    ...[...texts].map(([el, rects]) => ({ el, rects, text: true })),
  ];
  const collide = (a: DOMRect, b: DOMRect, texts: boolean) => {
    const w = Math.min(a.right, b.right) - Math.max(a.left, b.left);
    const h = Math.min(a.bottom, b.bottom) - Math.max(a.top, b.top);
    // Line boxes of tight type may touch by a few pixels: between two texts, an overlap counts when it is real.
    return texts ? w > 2 && h > Math.max(2, 0.25 * Math.min(a.height, b.height)) : w > 0.5 && h > 0.5;
  };
  // A control that covers half the screen or more is a "tap anywhere" surface (the attract loop): nothing on it is in its way.
  const surface = (el: Element) => {
    const r = el.getBoundingClientRect();
    return controls.includes(el) && r.width * r.height >= 0.5 * width * height;
  };
  for (let i = 0; i < items.length; i++) {
    for (let j = i + 1; j < items.length; j++) {
      const a = items[i];
      const b = items[j];
      if (a.el.contains(b.el) || b.el.contains(a.el) || surface(a.el) || surface(b.el)) continue;
      const pair = a.rects.flatMap((ra) => b.rects.filter((rb) => collide(ra, rb, a.text && b.text)).map((rb) => [ra, rb]));
      if (pair.length > 0) add('overlap', a.el, `over "${nameOf(b.el)}": ${box(pair[0][0])} and ${box(pair[0][1])}`);
    }
  }
  return findings;
}
