// One question's chart on the projector, drawn in the page, so it fills the screen below the
// question at any size and its words are text the layout audit can measure. Per answer, in the
// pack's order (a scale from step 1 down to its last), a bar for this venue above one for the
// rest of the tour, in the colours of the PNG charts, the share and the count beside each.
// A group under the privacy floor is not drawn and says so, once. Its accessible name says
// every figure.

import type { CSSProperties } from 'react';
import type { QuestionResult } from '../../electron/api/lecture.ts';
import { withShownGroups, type ShownGroup } from '../../electron/results/floor.ts';
import { Elephant } from '../shared/Elephant.tsx';
import { hyphenated } from '../shared/hyphenate.ts';
import type { ScreenWords } from './words.ts';

const percent = (n: number, group: ShownGroup) => Math.round((n / group.total) * 100);

export function Chart({ question, language, words }: { question: QuestionResult; language: string; words: ScreenWords }) {
  const say = (text: Record<string, string>) => text[language] ?? Object.values(text)[0] ?? '';
  const groups = [
    { kind: 'venue', name: words.thisVenue, group: question.venue },
    { kind: 'elsewhere', name: words.restOfTour, group: question.elsewhere },
  ];
  const shown = withShownGroups(groups);
  const description = [
    ...groups.map(({ name, group }) => (group.counts ? `${name} · ${words.answers(group.total)}` : words.tooFew(name))),
    ...question.values.map((v) => `${say(v.label)}: ${shown.map(({ name, group }) => `${name} ${percent(group.counts[v.value] ?? 0, group)}% (${group.counts[v.value] ?? 0})`).join(', ')}`),
  ].join('. ');
  if (shown.length === 0) {
    return (
      <div className="chart empty" role="img" aria-label={description}>
        <Elephant mood="dozing" className="guess-elephant" />
        <p className="chart-note">{words.nothingToShow}</p>
      </div>
    );
  }
  // A group under the floor is said once: over the chart for this venue, in the legend for the rest of the tour.
  return (
    <div className="chart" role="img" aria-label={description}>
      {!question.venue.counts && <p className="chart-note">{words.venueUnderFloor}</p>}
      <ul className="legend">
        {groups
          .filter(({ kind, group }) => group.counts || kind === 'elsewhere')
          .map(({ kind, name, group }) => (
            <li key={kind} className={group.counts ? kind : 'not-shown'}>
              {group.counts ? `${name} · ${words.answers(group.total)}` : words.tooFew(name)}
            </li>
          ))}
      </ul>
      <div className="rows">
        {question.values.map((v) => (
          <div className="row" key={v.value}>
            <span className="label" lang={language}>
              {hyphenated(say(v.label), language)}
            </span>
            <span className="bars">
              {shown.map(({ kind, group }) => {
                const n = group.counts[v.value] ?? 0;
                return (
                  <span key={kind} className={`bar ${kind}`} style={{ '--share': String(n / group.total) } as CSSProperties}>
                    <span className="fill" />
                    <span className="value">
                      <b>{percent(n, group)}%</b> ({n})
                    </span>
                  </span>
                );
              })}
            </span>
          </div>
        ))}
      </div>
    </div>
  );
}
