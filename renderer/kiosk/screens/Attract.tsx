// The attract loop: the elephant and the pack's headline, cycling through the offered
// languages, inviting a touch. Someone stepping in front of the pillar wakes it up.

import { motion } from 'framer-motion';
import { useEffect, useState } from 'react';
import type { KioskInfo } from '../../../electron/api/student.ts';
import { Elephant } from '../../shared/Elephant.tsx';
import { say } from '../../shared/hyphenate.ts';
import { strings } from '../../shared/i18n.ts';

const CYCLE_MS = 5000;

/** `first`: the language the loop starts in (the journey's: the pack's first after a reset). */
export function Attract({ pack, languages, first, awake, onStart }: { pack: KioskInfo['pack']; languages: string[]; first: string; awake: boolean; onStart: () => void }) {
  const [index, setIndex] = useState(() => Math.max(0, languages.indexOf(first)));
  useEffect(() => {
    const timer = setInterval(() => setIndex((i) => (i + 1) % languages.length), CYCLE_MS);
    return () => clearInterval(timer);
  }, [languages.length]);
  const language = languages[index % languages.length];
  const t = strings(language);
  return (
    <button type="button" className="attract" onClick={onStart} lang={language}>
      <span className="attract-stage">
        {pack.attractImage ? (
          <motion.img className="attract-image" src={pack.attractImage} alt="" animate={{ scale: [1, 1.03, 1] }} transition={{ duration: 6, repeat: Infinity }} />
        ) : null}
        <Elephant mood={awake ? 'happy' : 'curious'} className="attract-elephant" />
      </span>
      {/* The words change language in place, never leaving the call to action blank. */}
      <motion.span key={language} className="attract-words" initial={{ opacity: 0.55 }} animate={{ opacity: 1 }} transition={{ duration: 0.3 }}>
        {awake && <span className="attract-hello" {...say(t.hello, t.lang)} />}
        <span className="attract-headline" {...say(pack.headline[language], language)} />
        <span className="attract-cta" {...say(t.touchToStart, t.lang)} />
      </motion.span>
    </button>
  );
}
