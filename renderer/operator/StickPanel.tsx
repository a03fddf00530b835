// The USB stick, what the crew puts one in for: named by its label and where it is mounted,
// the content pack on it (refused with the broken rule, or previewed: what changes, whether
// every screen fits, the install button, then every question), the hub for this pillar on it,
// and the results to take away on it. With no stick: what `usbRoots` expects, when a folder it
// names has nothing mounted. Installing an older or the same version asks a second time.

import { useState } from 'react';
import type { OperatorApi, Overview, PackPreview, PackSummary } from '../../electron/api/operator.ts';
import { inOwn, type Run } from './PackPanel.tsx';
import { LayoutCheck } from './LayoutCheck.tsx';
import type { OperatorWords } from './words.ts';

export function Changes({ preview, words }: { preview: PackPreview; words: OperatorWords }) {
  const { added, removed, changed } = preview.changes;
  return (
    <>
      <p>
        {preview.versionFrom === null ? words.otherPack(preview.replaces.id, preview.replaces.version) : ''} {words.versionChange(preview.versionFrom, preview.versionTo)}
      </p>
      {added.length + removed.length + changed.length === 0 ? (
        <p>{words.nothingChanged}</p>
      ) : (
        <ul className="changes">
          {added.length > 0 && <li className="added">{words.added}: {added.join(', ')}</li>}
          {removed.length > 0 && <li className="removed">{words.removed}: {removed.join(', ')}</li>}
          {changed.length > 0 && <li className="changed">{words.changed}: {changed.join(', ')}</li>}
        </ul>
      )}
    </>
  );
}

/** Every question in every language with the stack its cards go in, and the attract headline. */
export function Questions({ preview, words }: { preview: PackPreview; words: OperatorWords }) {
  return (
    <div className="preview">
      <h3>{words.headline}</h3>
      <ul>
        {preview.languages.map((code) => (
          <li key={code} lang={code}>
            {code}: {preview.headline[code]}
          </li>
        ))}
      </ul>
      <ol className="preview-questions">
        {[...preview.questions].sort((a, b) => a.slot - b.slot).map((q) => (
          <li key={q.id} data-question={q.id}>
            <strong>{words.putCards(q.id, q.slot)}</strong>
            {preview.languages.map((code) => (
              <p key={code} lang={code}>
                {code}: {q.text[code]} <span className="answers-preview">[{q.answers.map((a) => a[code]).join(' · ')}]</span>
              </p>
            ))}
          </li>
        ))}
      </ol>
    </div>
  );
}

/** How a previewed pack is installed, and what is said while and once it is. */
export interface Installing {
  install: (confirmRollback: boolean) => Promise<PackSummary>;
  busyText: string;
  doneText: (pack: PackSummary) => string;
}

/** The install button of a previewed pack; a roll-back asks a second time. */
export function Install({ words, preview, run, busy, how }: { words: OperatorWords; preview: PackPreview; run: Run; busy: boolean; how: Installing }) {
  const [confirming, setConfirming] = useState(false);
  const installed = (pack: PackSummary) => (setConfirming(false), how.doneText(pack));
  if (preview.running) return <p className="op-ok">{words.alreadyRunning}</p>;
  if (busy) return <p role="status">{how.busyText}</p>;
  if (preview.rollback && !confirming) {
    return (
      <button type="button" className="op-button" onClick={() => setConfirming(true)}>
        {words.install}
      </button>
    );
  }
  if (preview.rollback) {
    return (
      <div className="confirm" role="alertdialog">
        <p>{words.rollbackWarning(preview.versionTo, preview.replaces.version)}</p>
        <button type="button" className="op-button danger" onClick={() => run(() => how.install(true), installed)}>
          {words.yesInstallOlder}
        </button>
        <button type="button" className="op-button ghost" onClick={() => setConfirming(false)}>
          {words.cancel}
        </button>
      </div>
    );
  }
  return (
    <button type="button" className="op-button" onClick={() => run(() => how.install(false), installed)}>
      {words.install}
    </button>
  );
}

export function StickPanel({ api, words, overview, run, busy }: { api: OperatorApi; words: OperatorWords; overview: Overview; run: Run; busy: boolean }) {
  const { stick, hubOnStick } = overview;
  const language = document.documentElement.lang;
  const fromStick: Installing = {
    install: (confirmRollback) => api.installStickPack({ confirmRollback }),
    busyText: words.installing,
    doneText: (pack) => words.installed(pack.id, pack.version),
  };
  return (
    <section className="op-panel stick" aria-label={words.stick}>
      <h2>{words.stick}</h2>
      {stick.kind === 'none' ? (
        <>
          <p>{words.stickNone}</p>
          {stick.unmountedRoots.length > 0 && <p className="op-hint usb-roots">{words.unmountedRoots(stick.unmountedRoots)}</p>}
        </>
      ) : (
        <p className="stick-name">
          <strong>{words.stickName(stick.label, stick.drive)}</strong>
        </p>
      )}
      {stick.kind === 'checking' && <p>{words.stickChecking}</p>}
      {stick.kind === 'no-pack' && <p>{words.stickNoPack}</p>}
      {stick.kind === 'refused' && (
        <div className="op-error" role="alert">
          <p>{words.stickRefused}</p>
          <p className="refusal">{stick.message}</p>
        </div>
      )}
      {stick.kind === 'found' && (
        <div className="pack">
          <h3>
            {words.stickFound(inOwn(stick.preview.title, language))} ({stick.preview.id})
          </h3>
          <Changes preview={stick.preview} words={words} />
          {/* The overview is fetched again and again: the screens are measured anew only for another pack. */}
          <LayoutCheck key={JSON.stringify(stick.preview.screens)} pack={stick.preview.screens} words={words} />
          <p className="op-hint">{words.studentsGetItAt}</p>
          <Install words={words} preview={stick.preview} run={run} busy={busy} how={fromStick} />
          <Questions preview={stick.preview} words={words} />
        </div>
      )}
      {hubOnStick && (
        <div className="confirm">
          <p>{words.hubOnStick(hubOnStick.hubUrl)}</p>
          <button type="button" className="op-button" disabled={busy} onClick={() => run(() => api.useHubOnStick(), (hub) => words.hubSet(hub.hubUrl))}>
            {words.useHub}
          </button>
        </div>
      )}
      <button type="button" className="op-button" disabled={busy} onClick={() => run(() => api.exportResults(), (r) => words.exported(r.answers, r.lectureFiles.length > 0))}>
        {words.exportResults}
      </button>
    </section>
  );
}
