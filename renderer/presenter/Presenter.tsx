// Presenter mode: one question per screen, for the back of a hall: the question, and below it
// the chart filling the rest of the screen, its type sized by the screen (32 px and up at
// 1920×1080, the same share of any screen) and stepping down only as far as the texts need to
// fit. The chart stays hidden until revealed, so the room can guess first. Keys: Enter or Space
// reveal and hide; → and ← (a clicker's PageDown and PageUp) move; I the insight, beside the
// chart; B blanks; L the language; F full screen; ? the keys (never on the screen otherwise);
// Esc closes the keys, or goes back to the overview.

import { useEffect, useState } from 'react';
import type { VisitResults } from '../../electron/api/lecture.ts';
import { useFit } from '../kiosk/fit.tsx';
import { Elephant } from '../shared/Elephant.tsx';
import { hyphenated, loadHyphenation } from '../shared/hyphenate.ts';
import { Chart } from './Chart.tsx';
import { visitName } from './Ranking.tsx';
import { screenWords } from './words.ts';

export function Presenter({ results, start, onBack }: { results: VisitResults; start: number; onBack: () => void }) {
  const [index, setIndex] = useState(start);
  const [revealed, setRevealed] = useState(false);
  const [insight, setInsight] = useState(false);
  const [blank, setBlank] = useState(false);
  const [keys, setKeys] = useState(false);
  const [language, setLanguage] = useState(results.languages[0] ?? 'nl');
  // Soft hyphens once the languages' patterns are in: a long compound breaks at a syllable.
  const [hyphens, setHyphens] = useState(0);
  const fit = useFit<HTMLElement>();
  const words = screenWords(language);
  const count = results.questions.length;
  const question = results.questions[Math.min(index, count - 1)];
  const languages = results.languages.join(' ');

  useEffect(() => {
    let live = true;
    void loadHyphenation(languages.split(' ')).then(() => live && setHyphens((n) => n + 1));
    return () => {
      live = false;
    };
  }, [languages]);

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
      else if (key === '?') setKeys((k) => !k);
      else if (key === 'Escape' && keys) setKeys(false);
      else if (key === 'Escape') onBack();
      else return;
      event.preventDefault();
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, [count, keys, onBack, results.languages]);

  if (!question) return null;
  const say = (text: Record<string, string>) => hyphenated(text[language] ?? Object.values(text)[0] ?? '', language);
  const insightShown = insight && question.insight !== null;
  // One main throughout (blank or not), so the type keeps fitting the same box.
  return (
    <main ref={fit} className={blank ? 'presenter blank' : 'presenter'} lang={language} aria-label={blank ? 'blank' : undefined} data-question={index + 1} data-revealed={revealed || undefined} data-ready={hyphens > 0 || undefined}>
      {!blank && (
        <>
          <header className="presenter-top">
            <span>{visitName(results.visit, language)}</span>
            <span>
              {index + 1} / {count}
            </span>
          </header>
          <h1 className="prompt">{say(question.prompt)}</h1>
          <div className={insightShown ? 'stage with-insight' : 'stage'}>
            {revealed ? (
              <Chart question={question} language={language} words={words} />
            ) : (
              <div className="guess">
                <Elephant mood="curious" className="guess-elephant" />
                <p>{words.guess}</p>
              </div>
            )}
            {insightShown && (
              <aside className="insight" aria-label={words.insight}>
                {say(question.insight!)}
              </aside>
            )}
          </div>
          <footer className="presenter-bottom">{words.floor}</footer>
          {keys && (
            <div className="keys" role="dialog" aria-modal="true" aria-labelledby="keys-title">
              <div className="keys-panel">
                <h2 id="keys-title">{words.keysTitle}</h2>
                <dl>
                  {words.keys.map(([key, does]) => (
                    <div key={key}>
                      <dt>{key}</dt>
                      <dd>{does}</dd>
                    </div>
                  ))}
                </dl>
              </div>
            </div>
          )}
        </>
      )}
    </main>
  );
}
