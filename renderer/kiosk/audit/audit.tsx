// The layout audit page: renders every screen of a pack's journey (screens.ts) with the real
// kiosk components at this page's own size, and measures each against the layout rules
// (layout-check.ts). The operator page frames it at the pillar's screen sizes and posts it
// a pack; the tests and `npm run screenshots` call it directly.

import '@fontsource-variable/atkinson-hyperlegible-next';
import '../styles.css';
import { flushSync } from 'react-dom';
import { createRoot } from 'react-dom/client';
import type { KioskInfo, KioskPack, StudentPillar, StudentApi } from '../../../electron/api/student.ts';
import { App } from '../App.tsx';
import { preparePack } from '../prepare.ts';
import { checkLayout } from './layout-check.ts';
import type { AuditFinding, AuditMessage, AuditReport, ScreenName } from './report.ts';
import { auditScreens, type AuditScreen } from './screens.ts';

const root = createRoot(document.getElementById('root')!);

/** The screens ask nothing of the app here: no answers, no cards, no events. */
const never = () => new Promise<never>(() => {});
const silent: StudentApi = { kiosk: never, submitAnswer: never, results: never, dispenseCard: never, setMood: async () => null, onEvent: () => () => {} };

function kioskInfo(pack: KioskPack): KioskInfo {
  const pillar: StudentPillar = { connected: true, cardInGate: false };
  return { pack, idleSeconds: 45, stillThereSeconds: 15, pillar, simulatedPillar: false, operatorOpen: false };
}

function show(info: KioskInfo, screen: AuditScreen, key: number): void {
  flushSync(() => root.render(<App key={key} api={silent} info={info} initial={screen.state} />));
}

/** Framed by the operator's page, the audit shares its thread and must not freeze it: a turn for the page every slice of work. */
const SLICE_MS = 40;
/** A turn for the rest of the page. */
const nextTask = () =>
  new Promise<void>((resolve) => {
    const channel = new MessageChannel();
    channel.port1.onmessage = () => resolve();
    channel.port2.postMessage(null);
  });

/** The pack's screens, ready to show: hyphenation and fonts loaded. */
async function screensOf(pack: KioskPack): Promise<{ info: KioskInfo; screens: AuditScreen[] }> {
  const info = kioskInfo(pack);
  await preparePack(pack);
  return { info, screens: auditScreens(info, Date.now()) };
}

export async function audit(pack: KioskPack): Promise<AuditReport> {
  const { info, screens } = await screensOf(pack);
  const findings: AuditFinding[] = [];
  // A turn every slice of work, not after every screen: each turn may paint a whole screen.
  let sliceStart = performance.now();
  for (const [i, screen] of screens.entries()) {
    show(info, screen, i);
    for (const finding of checkLayout()) findings.push({ ...finding, screen: screen.screen, language: screen.language });
    if (performance.now() - sliceStart > SLICE_MS) {
      await nextTask();
      sliceStart = performance.now();
    }
  }
  root.render(null);
  return { width: innerWidth, height: innerHeight, screens: screens.length, findings };
}

/** One screen, left on the page (for screenshots); the names of all screens. */
export async function showScreen(pack: KioskPack, index: number): Promise<Array<{ screen: ScreenName; language: string }>> {
  const { info, screens } = await screensOf(pack);
  show(info, screens[index], index);
  return screens.map(({ screen, language }) => ({ screen, language }));
}

Object.assign(window, { olifantAudit: audit, olifantShowScreen: showScreen });

// Framed by a kiosk page (which posts once this page has loaded): audit what it posts, answer with the report.
addEventListener('message', (event: MessageEvent<AuditMessage>) => {
  if (event.origin !== location.origin || event.source !== parent || event.data?.type !== 'olifant-audit') return;
  const answer = (message: AuditMessage) => parent.postMessage(message, location.origin);
  audit(event.data.pack).then(
    (report) => answer({ type: 'olifant-audit-report', report }),
    (error: unknown) => answer({ type: 'olifant-audit-failed', reason: error instanceof Error ? error.message : String(error) }),
  );
});
