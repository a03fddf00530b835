// The pack's questions (one to six) as cards, each with its whole prompt; any order, one
// or all.

import { motion } from 'framer-motion';
import type { KioskInfo } from '../../../electron/api/student.ts';
import { Elephant } from '../../shared/Elephant.tsx';
import { say } from '../../shared/hyphenate.ts';
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
      <header className="reading chooser-head">
        <Elephant mood="curious" className="chooser-elephant" />
        <div>
          <h1 {...say(t.chooseTitle, t.lang)} />
          <p className="hint" {...say(t.chooseHint(pack.questions.length), t.lang)} />
        </div>
      </header>
      <div className={`controls question-grid count-${questions.length}`}>
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
              <span className="card-number" {...say(t.question(q.slot), t.lang)} />
              <span className="card-prompt" {...say(q.prompt[language], language)} />
              {done && <span className="card-done" lang={t.lang}>✓ {t.answered}</span>}
            </motion.button>
          );
        })}
      </div>
    </>
  );
}
