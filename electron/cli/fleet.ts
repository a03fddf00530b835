// `olifant hub fleet [--json]`: the fleet view (electron/hub/fleet.ts) read from the hub's data
// folder, as the hub's page shows it: every registered pillar, those that need someone first.

import type { FleetPillar, FleetView } from '../api/organiser.ts';
import { dispenserText, offerText, reasonText, viaText } from '../words/fleet.ts';
import { say } from '../words/catalogue.ts';
import { fleetView } from '../hub/fleet.ts';
import { systemClock } from '../../time/clock.ts';
import { fleetRules, withHub, type HubValues } from './hub.ts';

/** One pillar in lines, in English (the command's language). */
function pillarLines(p: FleetPillar): string[] {
  const w = (key: Parameters<typeof say>[1], values?: Record<string, string | number>) => say('en', key, values);
  const visit = p.visit === null ? w('fleet.noVisit') : p.visit.endedHour === null ? (p.visit.name ?? p.visit.id) : w('fleet.visitEnded', { visit: p.visit.name ?? p.visit.id });
  const contact = p.lastContact === null ? w('fleet.never') : `${p.lastContact.at} (${viaText('en', p.lastContact.via)})`;
  const pack = p.pack === null ? w('fleet.unknown') : `${p.pack.id} v${p.pack.version}`;
  const cards = `${dispenserText('en', p.dispenser)}, ${p.cardsLeft === null ? w('fleet.unknown') : p.cardsLeft} left`;
  return [
    `${p.id} (${p.name}): ${p.reasons.length === 0 ? w('fleet.allWell') : 'NEEDS SOMEONE'}`,
    ...p.reasons.map((reason) => `  - ${reasonText('en', reason)}`),
    `  visit ${visit} · last contact ${contact} · pack ${pack}${p.appVersion ? ` (app ${p.appVersion})` : ''} · offered ${offerText('en', p.offer)} · cards ${cards} · ${p.answersToday} answer(s) shown today`,
  ];
}

export function fleetText(view: FleetView): string {
  if (view.pillars.length === 0) return `${say('en', 'fleet.noPillars')}\n`;
  return [`${say('en', 'fleet.title')}, ${say('en', 'fleet.asOf', { when: view.asOf })}`, ...view.pillars.flatMap(pillarLines)].join('\n') + '\n';
}

export function fleet(values: HubValues & { json?: boolean }): void {
  withHub(values, (store) => {
    const view = fleetView(store.db, systemClock.now(), fleetRules(values));
    process.stdout.write(values.json ? `${JSON.stringify(view, null, 2)}\n` : fleetText(view));
  });
}
