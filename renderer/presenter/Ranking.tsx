// A chosen venue visit on the overview: its questions ranked by how far this venue's answers
// lie from the rest of the tour, said in words a lecturer can say aloud ("wijkt het sterkst
// af", in percentage points, never a bare "71%" that reads as "71% agreed"), with the figure's
// meaning one tap away; "present"; and its files, the PNG charts among them.

import { BEFORE_ANY_VISIT, LECTURE_FORMATS, type VisitResults, type VisitSummary } from '../../electron/api/lecture.ts';
import { RANKING_WORDS } from './ranking-words.ts';
import type { PresenterWords } from './words.ts';

/** A visit's name as the lecturer reads it: the answers from before any visit named so. */
export const visitName = (visit: VisitSummary, language: string) => (visit.id === BEFORE_ANY_VISIT ? (RANKING_WORDS[language] ?? RANKING_WORDS.nl).beforeAnyVisit : visit.name);

export function Ranking({ chosen, words, language, onPresent }: { chosen: VisitResults; words: PresenterWords; language: string; onPresent: (index: number) => void }) {
  const said = RANKING_WORDS[language] ?? RANKING_WORDS.nl;
  const say = (text: Record<string, string>) => text[language] ?? Object.values(text)[0] ?? '';
  const points = (difference: number) => Math.round(difference * 100);
  const ranked = chosen.questions.map((q, i) => ({ q, i })).sort((a, b) => (b.q.difference ?? -1) - (a.q.difference ?? -1));
  const strongest = ranked[0]?.q.difference ?? null;
  const visit = encodeURIComponent(chosen.visit.id);
  const lang = `language=${encodeURIComponent(language)}`;
  return (
    <section aria-label={words.ranked}>
      <h2>
        {visitName(chosen.visit, language)}: {words.ranked}
      </h2>
      {strongest !== null && (
        <p className="strongest">
          <strong>{said.strongest(points(strongest))}</strong>
        </p>
      )}
      <p className="how">{words.rankedHow}</p>
      <details className="meaning">
        <summary>{said.whatItMeans}</summary>
        <p>{said.meaning}</p>
      </details>
      <ol className="ranked">
        {ranked.map(({ q, i }) => (
          <li key={q.id}>
            <button type="button" onClick={() => onPresent(i)}>
              {say(q.prompt)}{' '}
              <span className="difference" title={said.meaning}>
                {q.difference === null ? words.notComparable : said.difference(points(q.difference))}
              </span>
            </button>{' '}
            <a href={`/v1/lecture/visits/${visit}/questions/${encodeURIComponent(q.id)}/chart.png?${lang}`} download aria-label={said.chart(say(q.prompt))}>
              PNG
            </a>
          </li>
        ))}
      </ol>
      <p>
        <button type="button" className="present" onClick={() => onPresent(0)}>
          {words.present}
        </button>
      </p>
      <p>{words.keysHint}</p>
      <p>
        {words.downloads}:{' '}
        {LECTURE_FORMATS.map((format) => (
          <a key={format} href={`/v1/lecture/visits/${visit}/lecture.${format}?${lang}`} download>
            {format === 'zip' ? said.charts : format}
          </a>
        ))}
      </p>
    </section>
  );
}
