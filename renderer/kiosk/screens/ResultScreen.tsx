// After answering: how others answered (here and elsewhere on the tour, never for fewer than
// MIN_GROUP answers), the question's insight, and the card.

import { motion } from 'framer-motion';
import type { Group, Question, Results } from '../../../electron/api/student.ts';
import { noCardThisTime, type CardView } from '../journey.ts';
import { Elephant } from '../../shared/Elephant.tsx';
import type { Strings } from '../../shared/i18n.ts';

interface Props {
  question: Question;
  t: Strings;
  language: string;
  value: string;
  results: Results | null;
  card: CardView;
  onNext: () => void;
}

function answerLabels(question: Question, language: string): Array<{ value: string; label: string }> {
  const { answer } = question;
  if (answer.type === 'choice') return answer.options.map((o) => ({ value: o.id, label: o.label[language] }));
  return Array.from({ length: answer.steps }, (_, i) => {
    const value = String(i + 1);
    const end = i === 0 ? ` ${answer.min[language]}` : i === answer.steps - 1 ? ` ${answer.max[language]}` : '';
    return { value, label: `${value}${end}` };
  });
}

/** One chart: per answer, a bar for this venue and one for the rest of the tour. A group under MIN_GROUP answers shows no bars. */
function Comparison({ results, labels, value, t }: { results: Results; labels: Array<{ value: string; label: string }>; value: string; t: Strings }) {
  const groups = [
    { key: 'here', name: t.here, group: results.venue },
    { key: 'elsewhere', name: t.elsewhere, group: results.elsewhere },
  ].filter((g) => g.group.counts !== null);
  const share = (group: Group, v: string) => (group.total > 0 ? Math.round(((group.counts?.[v] ?? 0) / group.total) * 100) : 0);
  return (
    <section className="comparison" aria-label={`${t.here} · ${t.elsewhere}`}>
      <p className="legend">
        <span className="key here" aria-hidden="true" /> {t.here} · {t.answers(results.venue.total)}
        <span className="key elsewhere" aria-hidden="true" /> {t.elsewhere} · {t.answers(results.elsewhere.total)}
      </p>
      {groups.length === 0 ? (
        <p className="first-ones">{t.firstOnes}</p>
      ) : (
        <>
          {groups.length === 1 && <p className="first-ones">{t.tooFew(groups[0].key === 'here' ? t.elsewhere : t.here)}</p>}
          <ul className="bars">
            {labels.map(({ value: v, label }) => (
              <li key={v} className={v === value ? 'mine' : undefined}>
                <span className="bar-label">
                  {label}
                  {v === value && <em> · {t.yourAnswer}</em>}
                </span>
                <span className="bar-stack">
                  {groups.map(({ key, name, group }) => (
                    <span key={key} className={`bar bar-${key}`} aria-label={`${name}: ${share(group, v)}%`}>
                      <span className="bar-track">
                        <motion.span className="bar-fill" initial={{ width: 0 }} animate={{ width: `${share(group, v)}%` }} transition={{ duration: 0.6, ease: 'easeOut' }} />
                      </span>
                      <span className="bar-share">{share(group, v)}%</span>
                    </span>
                  ))}
                </span>
              </li>
            ))}
          </ul>
        </>
      )}
    </section>
  );
}

const CARD_TEXT: Record<Exclude<CardView, 'none'>, keyof Strings['card']> = {
  dispensing: 'dispensing',
  'take-card': 'take',
  taken: 'taken',
  empty: 'empty',
  jammed: 'jammed',
  'gate-full': 'gateFull',
  unavailable: 'unavailable',
};

export function ResultScreen({ question, t, language, value, results, card, onNext }: Props) {
  const labels = answerLabels(question, language);
  return (
    <>
      <header className="reading">
        <span className="card-number">{t.question(question.slot)}</span>
        <p className="prompt small">{question.prompt[language]}</p>
        {results && <Comparison results={results} labels={labels} value={value} t={t} />}
        {question.insight && <p className="insight">{question.insight[language]}</p>}
      </header>
      <div className="controls">
        {card !== 'none' && (
          <div className={`card-status card-${card}`} role="status" data-card={card}>
            <Elephant mood={card === 'take-card' || card === 'taken' ? 'happy' : 'curious'} size="min(12vw, 7vh)" />
            <p>
              {t.card[CARD_TEXT[card]]}
              {noCardThisTime(card) && <span className="hint"> {t.card.photo}</span>}
            </p>
            {card === 'take-card' && <span className="gate-arrow" aria-hidden="true">↓</span>}
          </div>
        )}
        <button type="button" className="button primary" onClick={onNext}>
          {t.nextQuestion}
        </button>
      </div>
    </>
  );
}
