// Ten digits, clear and OK: no keyboard on a pillar. The app keeps the lockout (15 s,
// doubling); the pad only counts it down.

import { useEffect, useState } from 'react';
import type { SessionState } from '../../electron/api/operator.ts';
import type { OperatorWords } from './words.ts';

const MAX_DIGITS = 12;

export function PinPad({ words, lockedForSeconds, onTry, onBack }: {
  words: OperatorWords;
  lockedForSeconds: number;
  onTry: (pin: string) => Promise<SessionState & { wrong: boolean }>;
  onBack: () => void;
}) {
  const [pin, setPin] = useState('');
  const [wrong, setWrong] = useState(false);
  const [lockedUntil, setLockedUntil] = useState(() => Date.now() + lockedForSeconds * 1000);
  const [now, setNow] = useState(() => Date.now());
  const locked = Math.ceil((lockedUntil - now) / 1000);

  useEffect(() => {
    if (locked <= 0) return;
    const timer = setTimeout(() => setNow(Date.now()), 250);
    return () => clearTimeout(timer);
  }, [locked, now]);

  const submit = () => {
    onTry(pin).then(
      (result) => {
        setPin('');
        setWrong(result.wrong);
        setLockedUntil(Date.now() + result.lockedForSeconds * 1000);
        setNow(Date.now());
      },
      () => setPin(''),
    );
  };

  const digit = (d: string) => () => {
    setWrong(false);
    setPin((p) => (p.length < MAX_DIGITS ? p + d : p));
  };

  return (
    <section className="op-panel pin-pad" aria-label={words.pinTitle}>
      <h2>{words.pinTitle}</h2>
      <p className="op-hint">{words.pinHint}</p>
      <output className="pin-dots" aria-label="pin">{'•'.repeat(pin.length) || '\u00a0'}</output>
      {locked > 0 ? <p className="op-error" role="alert">{words.pinLocked(locked)}</p> : wrong && <p className="op-error" role="alert">{words.pinWrong}</p>}
      <div className="pin-keys">
        {['1', '2', '3', '4', '5', '6', '7', '8', '9'].map((d) => (
          <button key={d} type="button" className="op-key" onClick={digit(d)} disabled={locked > 0}>
            {d}
          </button>
        ))}
        <button type="button" className="op-key" onClick={() => setPin('')} disabled={locked > 0}>
          {words.pinClear}
        </button>
        <button type="button" className="op-key" onClick={digit('0')} disabled={locked > 0}>
          0
        </button>
        <button type="button" className="op-key enter" onClick={submit} disabled={locked > 0 || pin.length === 0}>
          {words.pinEnter}
        </button>
      </div>
      <button type="button" className="op-button ghost" onClick={onBack}>
        {words.backToStudents}
      </button>
    </section>
  );
}
