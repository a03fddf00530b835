// After a quiet spell: "still there?" with a countdown; no answer means the student left.

import { motion } from 'framer-motion';
import { useEffect, useState } from 'react';
import type { Strings } from '../../shared/i18n.ts';

export function StillThere({ t, seconds, onStay, onGone }: { t: Strings; seconds: number; onStay: () => void; onGone: () => void }) {
  const [left, setLeft] = useState(seconds);
  useEffect(() => {
    if (left <= 0) {
      onGone();
      return;
    }
    const timer = setTimeout(() => setLeft((s) => s - 1), 1000);
    return () => clearTimeout(timer);
  }, [left, onGone]);
  return (
    <motion.div className="overlay" role="alertdialog" aria-modal="true" aria-labelledby="still-there-title" initial={{ opacity: 0 }} animate={{ opacity: 1 }} onClick={onStay}>
      <div className="overlay-box">
        <h2 id="still-there-title">{t.stillThere}</h2>
        <p>{t.stillThereHint(left)}</p>
        <button type="button" className="button primary" onClick={onStay}>
          {t.yesStillHere}
        </button>
      </div>
    </motion.div>
  );
}
