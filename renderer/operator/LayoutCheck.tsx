// A pack on a stick on the student screens, before it is installed: the layout audit page,
// framed at the pillar's screen (1080x1920) and on its side (1920x1080), renders every
// screen of the pack's journey and measures it against the same rules as the layout tests;
// this says what does not fit, in the crew's words. The frames are laid out at full size
// but kept out of sight. Give it a key that changes with the pack: another pack is
// measured anew.

import { useEffect, useRef, useState } from 'react';
import { LAYOUT_AUDIT_PAGE } from '../../electron/api/operator.ts';
import type { KioskPack } from '../../electron/api/student.ts';
import { SCREEN_SIZES as SIZES, type AuditFinding, type AuditMessage, type AuditReport } from '../kiosk/audit/report.ts';
import type { OperatorWords } from './words.ts';


/** Lines shown at most; the rest are counted. */
const SHOWN = 8;
/** Far longer than the largest pack takes: past this, the check has failed. */
const GIVE_UP_MS = 120_000;

/** One line per thing that does not fit, the sizes taking turns so that each shows among the first. */
function lines(reports: AuditReport[], words: OperatorWords): string[] {
  const said = (report: AuditReport, f: AuditFinding) =>
    `${words.orientation(report.width, report.height)}, ${f.language}, ${words.screenName(f.screen)}: "${f.what}" ${words.layoutRule[f.rule]}`;
  const perSize = reports.map((report) => [...new Set(report.findings.map((f) => said(report, f)))]);
  const longest = Math.max(...perSize.map((l) => l.length));
  return Array.from({ length: longest }, (_, i) => perSize.flatMap((l) => (i < l.length ? [l[i]] : []))).flat();
}

export function LayoutCheck({ pack, words }: { pack: KioskPack; words: OperatorWords }) {
  const [reports, setReports] = useState<Array<AuditReport | null>>(SIZES.map(() => null));
  const [failed, setFailed] = useState<string | null>(null);
  const frames = useRef<Array<HTMLIFrameElement | null>>([]);

  useEffect(() => {
    const onMessage = (event: MessageEvent<AuditMessage>) => {
      const i = frames.current.findIndex((frame) => frame?.contentWindow === event.source);
      if (event.origin !== location.origin || i < 0) return;
      const message = event.data;
      if (message?.type === 'olifant-audit-report') setReports((all) => all.map((r, j) => (j === i ? message.report : r)));
      else if (message?.type === 'olifant-audit-failed') setFailed(message.reason);
    };
    addEventListener('message', onMessage);
    const late = setTimeout(() => setFailed((reason) => reason ?? words.layoutTooLong), GIVE_UP_MS);
    return () => {
      removeEventListener('message', onMessage);
      clearTimeout(late);
    };
  }, [words]);

  const done = reports.every((r) => r !== null);
  const found = done ? lines(reports as AuditReport[], words) : [];
  return (
    <div className="layout-check" data-layout-check={done ? (found.length === 0 ? 'fits' : 'problems') : failed ? 'failed' : 'checking'}>
      <h3>{words.layoutTitle}</h3>
      {!done && failed ? (
        <p className="op-error" role="alert">
          {words.layoutFailed(failed)}
        </p>
      ) : !done ? (
        <p role="status">{words.layoutChecking}</p>
      ) : found.length === 0 ? (
        <p className="op-ok" role="status">
          {words.layoutFits(reports.reduce((n, r) => n + r!.screens, 0))}
        </p>
      ) : (
        <div className="op-error" role="alert">
          <p>{words.layoutProblems(found.length)}</p>
          <ul>
            {found.slice(0, SHOWN).map((line) => (
              <li key={line}>{line}</li>
            ))}
          </ul>
          {found.length > SHOWN && <p>{words.layoutMore(found.length - SHOWN)}</p>}
        </div>
      )}
      {SIZES.map((size, i) => (
        <iframe
          key={`${size.width}x${size.height}`}
          ref={(frame) => {
            frames.current[i] = frame;
          }}
          className="layout-frame"
          src={`../${LAYOUT_AUDIT_PAGE}`}
          width={size.width}
          height={size.height}
          title={`${words.layoutTitle} ${size.width}x${size.height}`}
          tabIndex={-1}
          aria-hidden="true"
          onLoad={(event) => event.currentTarget.contentWindow?.postMessage({ type: 'olifant-audit', pack } satisfies AuditMessage, location.origin)}
        />
      ))}
    </div>
  );
}
