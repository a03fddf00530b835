// The goodbye: a happy elephant, a reminder when the card still waits in the gate, then back
// to the attract loop (the journey's clock, or at once on a tap).

import { Elephant } from '../../shared/Elephant.tsx';
import { say } from '../../shared/hyphenate.ts';
import type { Strings } from '../../shared/i18n.ts';

export function Thanks({ t, cardInGate, onDone }: { t: Strings; cardInGate: boolean; onDone: () => void }) {
  return (
    <button type="button" className="attract thanks" onClick={onDone} lang={t.lang}>
      <Elephant mood={cardInGate ? 'cheering' : 'happy'} className="thanks-elephant" />
      <span className="attract-words">
        <span className="attract-headline" {...say(t.thanks, t.lang)} />
        {cardInGate && (
          <span className="card-forgotten" role="status">
            <span {...say(t.card.forgotten, t.lang)} /> <span aria-hidden="true">↓</span>
          </span>
        )}
        <span className="attract-cta" {...say(t.seeYou, t.lang)} />
      </span>
    </button>
  );
}
