// One question's chart, drawn once for the projector: per answer, this venue against the rest
// of the tour, thick bars, the percentage and the count in big type. A group under the privacy
// floor is not drawn, and says so.

import type { QuestionResult } from '../../electron/api/lecture.ts';
import type { PresenterWords } from './words.ts';

const ROW = 110;
const LABEL_W = 560;
const BAR_W = 1100;

export function Chart({ question, language, words }: { question: QuestionResult; language: string; words: PresenterWords }) {
  const groups = [
    { name: words.thisVenue, group: question.venue, className: 'bar-venue' },
    { name: words.restOfTour, group: question.elsewhere, className: 'bar-rest' },
  ];
  const height = question.values.length * ROW + 20;
  return (
    <figure className="chart">
      <svg viewBox={`0 0 ${LABEL_W + BAR_W + 240} ${height}`} role="img" aria-label="chart">
        {question.values.map((v, i) => (
          <g key={v.value} transform={`translate(0 ${i * ROW + 10})`}>
            <text className="value-label" x={LABEL_W - 20} y={ROW / 2} textAnchor="end" dominantBaseline="middle">
              {v.label[language] ?? Object.values(v.label)[0]}
            </text>
            {groups.map(({ group, className }, g) => {
              if (!group.counts) return null;
              const n = group.counts[v.value] ?? 0;
              const share = n / group.total;
              return (
                <g key={className} transform={`translate(${LABEL_W} ${g * (ROW / 2 - 6)})`}>
                  <rect className={className} x={0} y={4} width={Math.max(4, share * BAR_W)} height={ROW / 2 - 14} rx={6} />
                  <text className="bar-value" x={Math.max(4, share * BAR_W) + 16} y={ROW / 4 + 2} dominantBaseline="middle">
                    {Math.round(share * 100)}% ({n})
                  </text>
                </g>
              );
            })}
          </g>
        ))}
      </svg>
      <figcaption className="legend">
        {groups.map(({ name, group, className }) =>
          group.counts ? (
            <span key={className} className={`legend-item ${className}`}>
              {name} · {words.answers(group.total)}
            </span>
          ) : (
            <span key={className} className="legend-item too-few">
              {words.tooFew(name)}
            </span>
          ),
        )}
      </figcaption>
    </figure>
  );
}
