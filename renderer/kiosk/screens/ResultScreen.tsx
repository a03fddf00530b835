// After answering: one message (how many here chose what you chose, against the rest of
// the tour), the bars behind it, the question's insight, and the card moment, where the
// elephant nods at the answer and cheers when the card comes out. No group under MIN_GROUP
// answers is ever shown. The rest of the tour is named for what it is: the hub's figures
// (with their hour when they are old), or this pillar's own earlier visits.

import type { Group, Question, Results } from '../../../electron/api/student.ts';
import { withShownGroups } from '../../../electron/results/floor.ts';
import { noCardThisTime, type CardView } from '../journey.ts';
import { Elephant, type ElephantMood } from '../../shared/Elephant.tsx';
import { say } from '../../shared/hyphenate.ts';
import { elsewhereWords, percent, type Strings } from '../../shared/i18n.ts';

interface Props {
  question: Question;
  t: Strings;
  language: string;
  value: string;
  results: Results | null;
  card: CardView;
  /** An earlier card of this same journey waits in the gate (else a full gate holds someone else's). */
  ownCardInGate: boolean;
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

/** A shown group's share of `value`, from 0 to 1; null for a group under the floor. */
const shareOf = (group: Group, value: string): number | null => (group.counts === null || group.total === 0 ? null : (group.counts[value] ?? 0) / group.total);

/** The one message: the share of here (or, while here is too small, of the rest of the tour) that chose the same. */
function Verdict({ results, value, t, language }: { results: Results; value: string; t: Strings; language: string }) {
  const here = shareOf(results.venue, value);
  const elsewhere = shareOf(results.elsewhere, value);
  const rest = elsewhereWords(results.elsewhereFrom, t, language);
  if (here === null && elsewhere === null) return <p className="verdict-other" {...say(t.firstOnes, t.lang)} />;
  const [main, phrase] = here !== null ? [here, t.sameAsYou.here] : [elsewhere!, rest.sameAsYou];
  const other = here !== null && elsewhere !== null ? t.groupShare(rest.name, percent(elsewhere, language)) : t.tooFew(here === null ? t.here : rest.name);
  return (
    <div className="verdict">
      <p className="verdict-main" lang={t.lang}>
        <strong className="verdict-share">{percent(main, language)}</strong> <span {...say(phrase, t.lang)} />
      </p>
      <p className="verdict-other" {...say(other, t.lang)} />
      {rest.asOf && <p className="verdict-as-of" {...say(rest.asOf, t.lang)} />}
    </div>
  );
}

/** Per answer, a thick bar for here and a thinner one for the rest of the tour; the student's own answer marked. */
function Bars({ results, question, value, t, language }: { results: Results; question: Question; value: string; t: Strings; language: string }) {
  const groups = withShownGroups([
    { key: 'here', name: t.here, group: results.venue },
    { key: 'elsewhere', name: elsewhereWords(results.elsewhereFrom, t, language).name, group: results.elsewhere },
  ]);
  if (groups.length === 0) return null;
  return (
    <>
      <ul className="bars">
        {answerLabels(question, language).map(({ value: v, label }) => (
          <li key={v} className={v === value ? 'mine' : undefined}>
            <span className="bar-label">
              <span {...say(label, language)} />
              {v === value && <em {...say(t.yourAnswer, t.lang)} />}
            </span>
            {groups.map(({ key, name, group }) => {
              const share = shareOf(group, v) ?? 0;
              return (
                <span key={key} className={`bar bar-${key}`} aria-label={`${name}: ${percent(share, language)}`}>
                  <span className="bar-track">
                    <span className="bar-fill" style={{ width: `${share * 100}%` }} />
                  </span>
                  <span className="bar-share">{percent(share, language)}</span>
                </span>
              );
            })}
          </li>
        ))}
      </ul>
      <p className="legend" lang={t.lang}>
        {groups.map(({ key, name, group }) => (
          <span key={key} className="legend-item">
            <span className={`key ${key}`} aria-hidden="true" />
            <span {...say(`${name} · ${t.answers(group.total)}`, language)} />
          </span>
        ))}
      </p>
    </>
  );
}

const CARD_TEXT: Record<Exclude<CardView, 'none' | 'gate-full'>, keyof Strings['card']> = {
  dispensing: 'dispensing',
  'take-card': 'take',
  taken: 'taken',
  empty: 'empty',
  jammed: 'jammed',
  unavailable: 'unavailable',
};

const CARD_MOOD: Record<Exclude<CardView, 'none'>, ElephantMood> = {
  dispensing: 'nodding',
  'take-card': 'cheering',
  taken: 'happy',
  empty: 'curious',
  jammed: 'curious',
  'gate-full': 'curious',
  unavailable: 'curious',
};

/** The high point of the visit: the card coming out of the elephant, or kindly why not. */
function CardMoment({ card, ownCardInGate, t }: { card: Exclude<CardView, 'none'>; ownCardInGate: boolean; t: Strings }) {
  const text = t.card[card === 'gate-full' ? (ownCardInGate ? 'gateFull' : 'gateFullOther') : CARD_TEXT[card]];
  return (
    <div className={`card-moment card-${card}`} role="status" data-card={card}>
      <Elephant mood={CARD_MOOD[card]} className="card-elephant" />
      <div className="card-words">
        {card === 'take-card' && <p className="card-title" {...say(t.card.here, t.lang)} />}
        <p {...say(text, t.lang)} />
        {noCardThisTime(card) && <p className="hint" {...say(t.card.photo, t.lang)} />}
      </div>
      {card === 'take-card' && (
        <span className="gate-arrow" aria-hidden="true">
          ↓
        </span>
      )}
    </div>
  );
}

export function ResultScreen({ question, t, language, value, results, card, ownCardInGate, onNext }: Props) {
  return (
    <>
      <header className="reading">
        <span className="card-number" {...say(t.question(question.slot), t.lang)} />
        <p className="prompt small" {...say(question.prompt[language], language)} />
      </header>
      {results && (
        <section className="comparison" aria-label={`${t.here} · ${elsewhereWords(results.elsewhereFrom, t, language).name}`}>
          <Verdict results={results} value={value} t={t} language={language} />
          <Bars results={results} question={question} value={value} t={t} language={language} />
        </section>
      )}
      {question.insight && <p className="insight" {...say(question.insight[language], language)} />}
      <div className="controls">
        {card !== 'none' && <CardMoment card={card} ownCardInGate={ownCardInGate} t={t} />}
        <button type="button" className="button primary" onClick={onNext} {...say(t.nextQuestion, t.lang)} />
      </div>
    </>
  );
}
