// The fleet view on the hub's page: every registered pillar, those that need someone first with
// the reason in plain words (Dutch, then English), asked for again every few seconds (GET
// /v2/fleet, a small read of each pillar's newest health record), each ask given up after a
// deadline so a slow answer never piles up.

import { useEffect, useState } from 'react';
import type { FleetPillar, FleetView } from '../../electron/api/organiser.ts';
import { say } from '../../electron/words/catalogue.ts';
import { dispenserText, offerText, reasonText, viaText } from '../../electron/words/fleet.ts';
import { localTime } from '../shared/time.ts';

/** How often the page asks again. */
const REFRESH_MS = 5000;
/** An ask not answered in this long is given up (the next one follows). */
const DEADLINE_MS = 4000;

const nl = (key: Parameters<typeof say>[1], values?: Record<string, string | number>) => say('nl', key, values);

/** A cell's text in Dutch, with the English beside it where it says something. */
function Both({ nlText, enText }: { nlText: string; enText: string }) {
  return (
    <>
      {nlText}
      {enText !== nlText && <span lang="en"> / {enText}</span>}
    </>
  );
}

function Row({ pillar }: { pillar: FleetPillar }) {
  const visit = pillar.visit === null ? nl('fleet.noVisit') : pillar.visit.endedHour === null ? (pillar.visit.name ?? pillar.visit.id) : nl('fleet.visitEnded', { visit: pillar.visit.name ?? pillar.visit.id });
  const contact = pillar.lastContact === null ? nl('fleet.never') : `${localTime(pillar.lastContact.at, 'nl')} (${viaText('nl', pillar.lastContact.via)})`;
  return (
    <tr className={pillar.reasons.length > 0 ? 'needs' : undefined} data-pillar={pillar.id}>
      <th scope="row">{pillar.name === pillar.id ? pillar.id : `${pillar.name} (${pillar.id})`}</th>
      <td>{visit}</td>
      <td>{contact}</td>
      <td>{pillar.pack ? `${pillar.pack.id} v${pillar.pack.version}` : nl('fleet.unknown')}</td>
      <td>{offerText('nl', pillar.offer)}</td>
      <td>{dispenserText('nl', pillar.dispenser)}</td>
      <td>{pillar.cardsLeft ?? nl('fleet.unknown')}</td>
      <td>{pillar.answersToday}</td>
      <td className="reasons">
        {pillar.reasons.length === 0
          ? nl('fleet.allWell')
          : pillar.reasons.map((reason, i) => (
              <p key={i} className="refused">
                <Both nlText={reasonText('nl', reason)} enText={reasonText('en', reason)} />
              </p>
            ))}
      </td>
    </tr>
  );
}

const COLUMNS = ['pillar', 'visit', 'lastContact', 'pack', 'offer', 'dispenser', 'cardsLeft', 'answersToday', 'needs'] as const;

export function Fleet({ onView }: { onView?: (view: FleetView) => void }) {
  const [view, setView] = useState<FleetView | null>(null);
  const [problem, setProblem] = useState<string | null>(null);

  useEffect(() => {
    let asking: AbortController | null = null;
    const ask = async () => {
      asking?.abort();
      asking = new AbortController();
      try {
        const response = await fetch('/v2/fleet', { signal: AbortSignal.any([asking.signal, AbortSignal.timeout(DEADLINE_MS)]) });
        if (!response.ok) throw new Error(`HTTP ${response.status}`);
        const next = (await response.json()) as FleetView;
        setView(next);
        setProblem(null);
        onView?.(next);
      } catch (error) {
        if ((error as Error).name !== 'AbortError') setProblem((error as Error).message);
      }
    };
    void ask();
    const timer = setInterval(() => void ask(), REFRESH_MS);
    return () => {
      clearInterval(timer);
      asking?.abort();
    };
  }, [onView]);

  return (
    <section aria-labelledby="fleet-title" className="fleet">
      <h2 id="fleet-title">
        {nl('fleet.title')} <span lang="en">/ {say('en', 'fleet.title')}</span>
      </h2>
      <p>{nl('fleet.intro')}</p>
      {problem && <p role="alert" className="refused">{`De hub antwoordt niet (${problem}); de lijst hieronder kan oud zijn. / The hub does not answer; the list below may be old.`}</p>}
      {view && view.pillars.length === 0 && <p>{nl('fleet.noPillars')}</p>}
      {view && view.pillars.length > 0 && (
        <table>
          <caption>{nl('fleet.asOf', { when: localTime(view.asOf, 'nl') })}</caption>
          <thead>
            <tr>
              {COLUMNS.map((column) => (
                <th key={column} scope="col">
                  <Both nlText={nl(`fleet.column.${column}`)} enText={say('en', `fleet.column.${column}`)} />
                </th>
              ))}
            </tr>
          </thead>
          <tbody>
            {view.pillars.map((pillar) => (
              <Row key={pillar.id} pillar={pillar} />
            ))}
          </tbody>
        </table>
      )}
    </section>
  );
}
