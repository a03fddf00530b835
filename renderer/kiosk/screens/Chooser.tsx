// The pack's questions (one to six) as cards; any order, one or all.

import { motion } from 'framer-motion';
import type { KioskInfo } from '../../../electron/api/student.ts';
import { Elephant } from '../../shared/Elephant.tsx';
import type { Strings } from '../../shared/i18n.ts';

interface Props {
  pack: KioskInfo['pack'];
  t: Strings;
  language: string;
  answered: Record<string, string>;
  onPick: (questionId: string) => void;
}

export function Chooser({ pack, t, language, answered, onPick }: Props) {
  const questions = [...pack.questions].sort((a, b) => a.slot - b.slot);
  return (
    <>
      <header className="reading">
        <Elephant mood="curious" size="min(22vw, 14vh)" />
        <div>
          <h1>{t.chooseTitle}</h1>
          <p className="hint">{t.chooseHint(pack.questions.length)}</p>
        </div>
      </header>
      <div className="controls question-grid">
        {questions.map((q, i) => {
          const done = q.id in answered;
          return (
            <motion.button
              key={q.id}
              type="button"
              className={`question-card${done ? ' done' : ''}`}
              onClick={() => onPick(q.id)}
              initial={{ opacity: 0 }}
              animate={{ opacity: 1 }}
              transition={{ delay: i * 0.04, duration: 0.2 }}
            >
              <span className="card-number">{t.question(q.slot)}</span>
              <span className="card-prompt">{q.prompt[language]}</span>
              {done && <span className="card-done">✓ {t.answered}</span>}
            </motion.button>
          );
        })}
      </div>
    </>
  );
}
