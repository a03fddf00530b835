// Presenter mode: one question per screen, for the back of a hall. The chart stays hidden
// until revealed, so the room can guess first. Keys: Enter or Space reveal and hide; → and ←
// (a clicker's PageDown and PageUp) move; I the insight; B blanks; L the language; F full
// screen; Esc back to the overview.

import { useEffect, useState } from 'react';
import type { VisitResults } from '../../electron/api/lecture.ts';
import { Elephant } from '../shared/Elephant.tsx';
import { Chart } from './Chart.tsx';
import { PRESENTER_WORDS, type PresenterLanguage } from './words.ts';

export function Presenter({ results, start, onBack }: { results: VisitResults; start: number; onBack: () => void }) {
  const [index, setIndex] = useState(start);
  const [revealed, setRevealed] = useState(false);
  const [insight, setInsight] = useState(false);
  const [blank, setBlank] = useState(false);
  const [language, setLanguage] = useState(results.languages[0] ?? 'nl');
  const words = PRESENTER_WORDS[(language === 'en' ? 'en' : 'nl') as PresenterLanguage];
  const count = results.questions.length;
  const question = results.questions[Math.min(index, count - 1)];

  useEffect(() => {
    const move = (by: number) => {
      setIndex((i) => Math.max(0, Math.min(count - 1, i + by)));
      setRevealed(false);
      setInsight(false);
    };
    const onKey = (event: KeyboardEvent) => {
      const key = event.key;
      if (key === 'Enter' || key === ' ') setRevealed((r) => !r);
      else if (key === 'ArrowRight' || key === 'PageDown') move(1);
      else if (key === 'ArrowLeft' || key === 'PageUp') move(-1);
      else if (key === 'i' || key === 'I') setInsight((s) => !s);
      else if (key === 'b' || key === 'B' || key === '.') setBlank((b) => !b);
      else if (key === 'l' || key === 'L') setLanguage((l) => results.languages[(results.languages.indexOf(l) + 1) % results.languages.length] ?? l);
      else if (key === 'f' || key === 'F') void (document.fullscreenElement ? document.exitFullscreen() : document.documentElement.requestFullscreen()).catch(() => {});
      else if (key === 'Escape') onBack();
      else return;
      event.preventDefault();
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, [count, onBack, results.languages]);

  if (blank) return <main className="blank" aria-label="blank" />;
  if (!question) return null;
  const say = (text: Record<string, string> | null) => (text ? (text[language] ?? Object.values(text)[0] ?? '') : '');
  return (
    <main className="presenter" lang={language} data-revealed={revealed || undefined}>
      <header className="presenter-top">
        <span>{results.visit.name}</span>
        <span>
          {index + 1} / {count}
        </span>
      </header>
      <h1 className="prompt">{say(question.prompt)}</h1>
      {revealed ? (
        <Chart visitId={results.visit.id} question={question} language={language} words={words} />
      ) : (
        <div className="guess">
          <Elephant mood="curious" className="guess-elephant" />
          <p>{words.guess}</p>
        </div>
      )}
      {insight && question.insight && <aside className="insight">{say(question.insight)}</aside>}
      <footer className="presenter-bottom">
        <span>{words.floor}</span>
        <span className="keys">{words.keys}</span>
      </footer>
    </main>
  );
}
