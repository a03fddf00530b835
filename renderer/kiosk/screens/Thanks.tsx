// The goodbye: a happy elephant, a reminder when the card still waits in the gate, then back
// to the attract loop (the journey's clock, or at once on a tap).

import { Elephant } from '../../shared/Elephant.tsx';
import type { Strings } from '../../shared/i18n.ts';

export function Thanks({ t, cardInGate, onDone }: { t: Strings; cardInGate: boolean; onDone: () => void }) {
  return (
    <button type="button" className="attract" onClick={onDone}>
      <Elephant mood="happy" size="min(60vw, 40vh)" />
      <span className="attract-words">
        <span className="attract-headline">{t.thanks}</span>
        {cardInGate && (
          <span className="card-forgotten" role="status">
            {t.card.forgotten} <span aria-hidden="true">↓</span>
          </span>
        )}
        <span className="attract-cta">{t.seeYou}</span>
      </span>
    </button>
  );
}
