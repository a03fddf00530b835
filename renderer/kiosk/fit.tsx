// Type that steps down when a text is long: a box sets `--fit` on itself (1 is full size)
// and lowers it, step by step, until its content fits inside it, before the screen is
// painted. The style sheet scales the type of the texts that may be long by `--fit`, and
// never below `--min-text`. Checked again when the box's size, anything in it (a screen's own
// state: the attract loop's next language, a "saving" notice) or the fonts change.

import { useEffect, useLayoutEffect, useRef, type HTMLAttributes } from 'react';

/** From full size down to the smallest step; below it the type floor holds anyway. */
const STEPS = [1, 0.92, 0.85, 0.78, 0.72, 0.66, 0.6, 0.55, 0.5];

/**
 * Nothing sticks out of the box, on any side: its scroll size says so for the right and the
 * bottom, but content centred in a box that is too small also sticks out at the top and the
 * left, which no scroll size counts; and the lines of tight type reach beyond their element's
 * box. So every element and every line of text is held against the box's padding. Pictures are left
 * out: the elephant's drawing moves as it animates, and the attract image lies behind it.
 */
function fits(box: HTMLElement): boolean {
  if (box.scrollHeight > box.clientHeight + 1 || box.scrollWidth > box.clientWidth + 1) return false;
  // Inside the box's padding: the margin round a screen is no room for its content.
  const r = box.getBoundingClientRect();
  const pad = getComputedStyle(box);
  const outer = { top: r.top + parseFloat(pad.paddingTop), left: r.left + parseFloat(pad.paddingLeft), bottom: r.bottom - parseFloat(pad.paddingBottom), right: r.right - parseFloat(pad.paddingRight) };
  const out = (r: DOMRect) => r.width > 0 && r.height > 0 && (r.top < outer.top - 1 || r.left < outer.left - 1 || r.bottom > outer.bottom + 1 || r.right > outer.right + 1);
  for (const el of box.querySelectorAll(':not(svg, svg *, img)')) if (out(el.getBoundingClientRect())) return false;
  const line = document.createRange();
  const texts = document.createTreeWalker(box, NodeFilter.SHOW_TEXT);
  for (let node = texts.nextNode(); node; node = texts.nextNode()) {
    line.selectNodeContents(node);
    for (const r of line.getClientRects()) if (out(r)) return false;
  }
  return true;
}

/** The largest step that fits (or the smallest): type only shrinks along the steps, so a binary search finds it in a few layouts. */
function fit(box: HTMLElement): void {
  const at = (i: number) => (box.style.setProperty('--fit', String(STEPS[i])), fits(box));
  if (at(0)) return;
  let low = 1;
  let high = STEPS.length - 1;
  while (low < high) {
    const middle = (low + high) >> 1;
    if (at(middle)) high = middle;
    else low = middle + 1;
  }
  at(low);
}

/** A ref for a box that fits its content by `--fit`. */
export function useFit<T extends HTMLElement>() {
  const ref = useRef<T>(null);
  const fitted = useRef('');
  const refit = (force: boolean) => {
    const box = ref.current;
    if (!box) return;
    const now = `${box.clientWidth}x${box.clientHeight}\n${box.textContent}`;
    if (!force && now === fitted.current) return;
    fitted.current = now;
    fit(box);
  };
  // After every render, before paint: only when the size or the text changed.
  useLayoutEffect(() => refit(false));
  useEffect(() => {
    const box = ref.current;
    if (!box) return;
    const resized = new ResizeObserver(() => refit(false));
    resized.observe(box);
    // A change a child component makes on its own renders no box: seen here, before paint.
    const changed = new MutationObserver(() => refit(false));
    changed.observe(box, { childList: true, characterData: true, subtree: true });
    const fonts = () => refit(true);
    document.fonts.addEventListener('loadingdone', fonts);
    return () => {
      resized.disconnect();
      changed.disconnect();
      document.fonts.removeEventListener('loadingdone', fonts);
    };
  }, []);
  return ref;
}

/** A screen of the journey: a main that fits its content. */
export function FitScreen(props: HTMLAttributes<HTMLElement>) {
  const ref = useFit<HTMLElement>();
  return <main ref={ref} {...props} />;
}
