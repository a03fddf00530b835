// After a quiet spell: "still there?" with a countdown to `until`, when the journey ends
// (the journey's clock does that; this only counts down on screen).

import { motion } from 'framer-motion';
import { useEffect, useState } from 'react';
import { say } from '../../shared/hyphenate.ts';
import type { Strings } from '../../shared/i18n.ts';

const secondsTo = (until: number) => Math.max(0, Math.ceil((until - Date.now()) / 1000));

export function StillThere({ t, until, onStay }: { t: Strings; until: number; onStay: () => void }) {
  const [left, setLeft] = useState(() => secondsTo(until));
  useEffect(() => {
    const timer = setInterval(() => setLeft(secondsTo(until)), 250);
    return () => clearInterval(timer);
  }, [until]);
  return (
    <motion.div className="overlay" lang={t.lang} role="alertdialog" aria-modal="true" aria-labelledby="still-there-title" initial={{ opacity: 0 }} animate={{ opacity: 1 }} onClick={onStay}>
      <div className="overlay-box">
        <h2 id="still-there-title" {...say(t.stillThere, t.lang)} />
        <p {...say(t.stillThereHint(left), t.lang)} />
        <button type="button" className="button primary" onClick={onStay} {...say(t.yesStillHere, t.lang)} />
      </div>
    </motion.div>
  );
}
