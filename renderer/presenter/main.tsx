// The hub's presenter page: the overview, and presenter mode for one venue visit. The data
// is asked for again every few seconds, so answers arriving during the lecture show without
// a reload.

import { useCallback, useEffect, useState } from 'react';
import { createRoot } from 'react-dom/client';
import type { TourOverview, VisitResults } from '../../electron/api/lecture.ts';
import { Overview } from './Overview.tsx';
import { Presenter } from './Presenter.tsx';
import { PRESENTER_WORDS } from './words.ts';
import '@fontsource-variable/atkinson-hyperlegible-next';
import './presenter.css';

/** How often the page asks again (live counts during the lecture). */
const REFRESH_MS = 3000;

async function get<T>(url: string): Promise<T> {
  const response = await fetch(url);
  if (!response.ok) throw new Error(((await response.json()) as { error: string }).error);
  return (await response.json()) as T;
}

function App() {
  const [tour, setTour] = useState<TourOverview | null>(null);
  const [chosenId, setChosenId] = useState<string | null>(null);
  const [chosen, setChosen] = useState<VisitResults | null>(null);
  const [presenting, setPresenting] = useState<number | null>(null);
  const [problem, setProblem] = useState<string | null>(null);
  const language = 'nl';
  const words = PRESENTER_WORDS[language];

  useEffect(() => {
    const look = () => {
      get<TourOverview>('/v1/lecture/overview').then(setTour, (e: Error) => setProblem(e.message));
      if (chosenId) get<VisitResults>(`/v1/lecture/visits/${encodeURIComponent(chosenId)}`).then(setChosen, (e: Error) => setProblem(e.message));
    };
    look();
    const timer = setInterval(look, REFRESH_MS);
    return () => clearInterval(timer);
  }, [chosenId]);

  const back = useCallback(() => setPresenting(null), []);
  if (problem && !tour) return <main className="overview"><p role="alert">{problem}</p></main>;
  if (!tour) return null;
  if (presenting !== null && chosen) return <Presenter results={chosen} start={presenting} onBack={back} />;
  return <Overview tour={tour} chosen={chosen} words={words} language={language} onChoose={setChosenId} onPresent={setPresenting} />;
}

createRoot(document.getElementById('root')!).render(<App />);
document.body.dataset.ready = 'true';
