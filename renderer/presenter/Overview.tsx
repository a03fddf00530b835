// The lecturer's overview: the tour's venue visits, when each pillar last sent answers, and
// for a chosen visit its questions ranked by how far this venue's answers lie from the rest of
// the tour, where the room's discussion could start; its files; and "present".

import type { TourOverview, VisitResults } from '../../electron/api/lecture.ts';
import { localTime } from '../shared/time.ts';
import type { PresenterWords } from './words.ts';

export function Overview({ tour, chosen, words, language, onChoose, onPresent }: {
  tour: TourOverview;
  chosen: VisitResults | null;
  words: PresenterWords;
  language: string;
  onChoose: (id: string) => void;
  onPresent: (index: number) => void;
}) {
  const say = (text: Record<string, string>) => text[language] ?? Object.values(text)[0] ?? '';
  const ranked = chosen ? chosen.questions.map((q, i) => ({ q, i })).sort((a, b) => (b.q.difference ?? -1) - (a.q.difference ?? -1)) : [];
  return (
    <main className="overview">
      <section aria-label={words.tour}>
        <h1>{words.tour}</h1>
        <p>{words.answers(tour.answers)}</p>
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
                <strong>{v.name}</strong> · {v.startedHour ? localTime(v.startedHour, language) : ''} · {v.pillars.join(', ')} · {words.answers(v.answers)}
              </button>
            </li>
          ))}
        </ul>
      </section>
      {chosen && (
        <section aria-label={words.ranked}>
          <h2>
            {chosen.visit.name}: {words.ranked}
          </h2>
          <p className="how">{words.rankedHow}</p>
          <ol className="ranked">
            {ranked.map(({ q, i }) => (
              <li key={q.id}>
                <button type="button" onClick={() => onPresent(i)}>
                  {say(q.prompt)} <span className="difference">{q.difference === null ? words.notComparable : `${Math.round(q.difference * 100)}%`}</span>
                </button>
              </li>
            ))}
          </ol>
          <p>
            <button type="button" className="present" onClick={() => onPresent(0)}>
              {words.present}
            </button>
          </p>
          <p>
            {words.downloads}:{' '}
            {(['pptx', 'xlsx', 'csv'] as const).map((format) => (
              <a key={format} href={`/v1/lecture/visits/${encodeURIComponent(chosen.visit.id)}/lecture.${format}`} download>
                {format}
              </a>
            ))}
          </p>
        </section>
      )}
    </main>
  );
}
