// The attract loop: the elephant and the pack's headline, cycling through the offered
// languages, inviting a touch. Someone stepping in front of the pillar wakes it up.

import { motion } from 'framer-motion';
import { useEffect, useState } from 'react';
import type { KioskInfo } from '../../../electron/api/student.ts';
import { Elephant } from '../../shared/Elephant.tsx';
import { strings } from '../../shared/i18n.ts';

const CYCLE_MS = 5000;

export function Attract({ pack, languages, awake, onStart }: { pack: KioskInfo['pack']; languages: string[]; awake: boolean; onStart: () => void }) {
  const [index, setIndex] = useState(0);
  useEffect(() => {
    const timer = setInterval(() => setIndex((i) => (i + 1) % languages.length), CYCLE_MS);
    return () => clearInterval(timer);
  }, [languages.length]);
  const language = languages[index % languages.length];
  const t = strings(language);
  return (
    <button type="button" className="attract" onClick={onStart}>
      <div className="attract-stage">
        {pack.attractImage ? (
          <motion.img className="attract-image" src={pack.attractImage} alt="" animate={{ scale: [1, 1.03, 1] }} transition={{ duration: 6, repeat: Infinity }} />
        ) : null}
        <Elephant mood={awake ? 'happy' : 'curious'} size="min(70vw, 44vh)" />
      </div>
      {/* The words change language in place, never leaving the call to action blank. */}
      <motion.span key={language} lang={language} className="attract-words" initial={{ opacity: 0.55, y: 6 }} animate={{ opacity: 1, y: 0 }} transition={{ duration: 0.3 }}>
        {awake && <span className="attract-hello">{t.hello}</span>}
        <span className="attract-headline">{pack.headline[language]}</span>
        <span className="attract-cta">{t.touchToStart}</span>
      </motion.span>
    </button>
  );
}
