// The layout audit page: renders every screen of a pack's journey (screens.ts) with the real
// kiosk components at this page's own size, and measures each against the layout rules
// (layout-check.ts). The operator page frames it at the pillar's screen sizes and posts it
// a pack; the tests and `npm run screenshots` call it directly.

import '@fontsource-variable/atkinson-hyperlegible-next';
import '../styles.css';
import { flushSync } from 'react-dom';
import { createRoot } from 'react-dom/client';
import type { KioskInfo, KioskPack, PillarStatus, StudentApi } from '../../../electron/api/student.ts';
import { loadHyphenation } from '../../shared/hyphenate.ts';
import { App } from '../App.tsx';
import { checkLayout } from './layout-check.ts';
import type { AuditFinding, AuditMessage, AuditReport, ScreenName } from './report.ts';
import { auditScreens, type AuditScreen } from './screens.ts';

const root = createRoot(document.getElementById('root')!);

/** The screens ask nothing of the app here: no answers, no cards, no events. */
const never = () => new Promise<never>(() => {});
const silent: StudentApi = { kiosk: never, submitAnswer: never, results: never, dispenseCard: never, setMood: async () => null, onEvent: () => () => {} };

function kioskInfo(pack: KioskPack): KioskInfo {
  const pillar: PillarStatus = { link: 'connected', port: null, firmware: null, slots: [], gate: 'CLEAR', serviceOpen: false, problem: null };
  return { pack, idleSeconds: 45, stillThereSeconds: 15, pillar, simulatedPillar: false, operatorOpen: false };
}

function show(info: KioskInfo, screen: AuditScreen, key: number): void {
  flushSync(() => root.render(<App key={key} api={silent} info={info} initial={screen.state} />));
}

/** The kiosk's font, in every face the pack's texts need, and their hyphenation, before anything is measured. */
async function ready(pack: KioskPack): Promise<void> {
  await loadHyphenation(pack.languages);
  await document.fonts.load('700 1rem "Atkinson Hyperlegible Next Variable"', JSON.stringify(pack));
  await document.fonts.ready;
}

export async function audit(pack: KioskPack): Promise<AuditReport> {
  const info = kioskInfo(pack);
  await ready(pack);
  const screens = auditScreens(info, Date.now());
  const findings: AuditFinding[] = [];
  screens.forEach((screen, i) => {
    show(info, screen, i);
    for (const finding of checkLayout()) findings.push({ ...finding, screen: screen.screen, language: screen.language });
  });
  root.render(null);
  return { width: innerWidth, height: innerHeight, screens: screens.length, findings };
}

/** One screen, left on the page (for screenshots); the names of all screens. */
export async function showScreen(pack: KioskPack, index: number): Promise<Array<{ screen: ScreenName; language: string }>> {
  const info = kioskInfo(pack);
  await ready(pack);
  const screens = auditScreens(info, Date.now());
  show(info, screens[index], index);
  return screens.map(({ screen, language }) => ({ screen, language }));
}

Object.assign(window, { olifantAudit: audit, olifantShowScreen: showScreen });

// Framed by a kiosk page (which posts once this page has loaded): audit what it posts, answer with the report.
addEventListener('message', (event: MessageEvent<AuditMessage>) => {
  if (event.origin !== location.origin || event.source !== parent || event.data?.type !== 'olifant-audit') return;
  void audit(event.data.pack).then((report) => parent.postMessage({ type: 'olifant-audit-report', report } satisfies AuditMessage, location.origin));
});
