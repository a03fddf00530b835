// The lecturer's overview: the tour's venue visits, when each pillar last sent answers, and
// for a chosen visit its questions ranked by how far this venue's answers lie from the rest of
// the tour, where the room's discussion could start; its files; and "present" (Ranking.tsx).

import type { TourOverview, VisitResults } from '../../electron/api/lecture.ts';
import { localTime } from '../shared/time.ts';
import { Ranking, visitName } from './Ranking.tsx';
import type { PresenterWords } from './words.ts';

export function Overview({ tour, chosen, words, language, onChoose, onPresent }: {
  tour: TourOverview;
  chosen: VisitResults | null;
  words: PresenterWords;
  language: string;
  onChoose: (id: string) => void;
  onPresent: (index: number) => void;
}) {
  return (
    <main className="overview">
      <section aria-label={words.tour}>
        <h1>{words.tour}</h1>
        <p>{words.shownAnswers(tour.answers)}</p>
        <h2>{words.pillars}</h2>
        <ul>
          {tour.pillars.map((p) => (
            <li key={p.id}>
              {p.name} ({p.id}): {words.lastArrived(p.lastArrived && localTime(p.lastArrived, language))}
            </li>
          ))}
        </ul>
      </section>
      <section aria-label={words.visits}>
        <h2>{words.visits}</h2>
        {tour.visits.length === 0 && <p>{words.noVisits}</p>}
        <ul className="visits">
          {tour.visits.map((v) => (
            <li key={v.id}>
              <button type="button" className={chosen?.visit.id === v.id ? 'visit chosen' : 'visit'} onClick={() => onChoose(v.id)}>
                <strong>{visitName(v, language)}</strong> · {v.startedHour ? localTime(v.startedHour, language) : ''} · {v.pillars.join(', ')} · {words.shownAnswers(v.answers)}
              </button>
            </li>
          ))}
        </ul>
      </section>
      {chosen && <Ranking chosen={chosen} words={words} language={language} onPresent={onPresent} />}
    </main>
  );
}
