// An on-screen keyboard for the venue's name: the pillar has no keyboard. Letters, digits,
// a few marks venue names use, shift, space and erase; the text stays one line.

import { useState } from 'react';
import type { OperatorWords } from './words.ts';

const ROWS = ['1234567890', 'qwertyuiop', 'asdfghjkl', 'zxcvbnm-.&'];
const MAX_LENGTH = 80;

export function Keyboard({ value, onChange, words }: { value: string; onChange: (value: string) => void; words: OperatorWords }) {
  const [shift, setShift] = useState(false);
  const type = (text: string) => () => {
    onChange((value + text).slice(0, MAX_LENGTH));
    setShift(false);
  };
  // A letter after a space (or at the start) is a capital: names are typed as names. Shift turns the next letter round.
  const capital = (value === '' || value.endsWith(' ')) !== shift;
  return (
    <div className="keyboard" role="group" aria-label="keyboard">
      {ROWS.map((row) => (
        <div key={row} className="keyboard-row">
          {[...row].map((key) => {
            const shown = capital ? key.toUpperCase() : key;
            return (
              <button key={key} type="button" className="op-key" onClick={type(shown)}>
                {shown}
              </button>
            );
          })}
        </div>
      ))}
      <div className="keyboard-row">
        <button type="button" className={`op-key${shift ? ' on' : ''}`} aria-label={words.keyboardShift} aria-pressed={shift} onClick={() => setShift(!shift)}>
          ⇧
        </button>
        <button type="button" className="op-key wide" onClick={type(' ')}>
          {words.keyboardSpace}
        </button>
        <button type="button" className="op-key" onClick={() => onChange(value.slice(0, -1))}>
          {words.keyboardErase}
        </button>
      </div>
    </div>
  );
}
