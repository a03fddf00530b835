// The way to the operator page: the door (the app says the operator is in), or, where there
// is no door switch, a 2-second hold in the top-left corner, which opens the PIN pad. A
// student poking at corners gets at most the PIN pad, which goes back by itself.

import { useRef } from 'react';
import { OPERATOR_PAGE } from '../../electron/api/operator.ts';

/** How long a finger must rest in the corner. */
export const CORNER_HOLD_MS = 2000;

export function openOperatorPage(): void {
  location.assign(OPERATOR_PAGE);
}

export function ServiceCorner() {
  const timer = useRef<ReturnType<typeof setTimeout> | null>(null);
  const release = () => {
    if (timer.current) clearTimeout(timer.current);
    timer.current = null;
  };
  return (
    <div
      className="service-corner"
      aria-hidden="true"
      onPointerDown={(e) => {
        // Not a tap on the screen below: the journey must not count it as one.
        e.stopPropagation();
        release();
        timer.current = setTimeout(openOperatorPage, CORNER_HOLD_MS);
      }}
      onPointerUp={release}
      onPointerLeave={release}
      onPointerCancel={release}
    />
  );
}
