// The content pack: the one running, the previous one (roll back, confirmed once), and what
// is on a USB stick: refused with the broken rule, or previewed in full before installing.
// Installing an older or the same version asks a second time.

import { useState } from 'react';
import type { OperatorApi, Overview, PackPreview, PackSummary } from '../../electron/api/operator.ts';
import type { Text } from '../../electron/api/student.ts';
import { LayoutCheck } from './LayoutCheck.tsx';
import type { OperatorWords } from './words.ts';

type Run = <T>(work: () => Promise<T>, said: (value: T) => string) => Promise<void>;

const inOwn = (text: Text, language: string) => text[language] ?? Object.values(text)[0] ?? '';

function Summary({ pack, words, language }: { pack: PackSummary; words: OperatorWords; language: string }) {
  return (
    <>
      <strong>{inOwn(pack.title, language)}</strong> ({pack.id}, {words.version(pack.version)})
      <ul className="pack-stacks">
        {[...pack.questions].sort((a, b) => a.slot - b.slot).map((q) => (
          <li key={q.id}>
            {words.stack(q.slot)}: {q.id}
          </li>
        ))}
      </ul>
    </>
  );
}

function Preview({ preview, words }: { preview: PackPreview; words: OperatorWords }) {
  const { added, removed, changed } = preview.changes;
  return (
    <div className="preview">
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

export function PackPanel({ api, words, overview, run, busy }: { api: OperatorApi; words: OperatorWords; overview: Overview; run: Run; busy: boolean }) {
  const [confirming, setConfirming] = useState<'rollback' | 'older' | null>(null);
  const { running, previous } = overview.packs;
  const stick = overview.stick;
  const language = document.documentElement.lang;
  const installed = (pack: PackSummary) => (setConfirming(null), words.installed(pack.id, pack.version));

  return (
    <section className="op-panel" aria-label={words.content}>
      <h2>{words.content}</h2>
      <div className="pack running">
        <h3>{words.running}</h3>
        <Summary pack={running} words={words} language={language} />
      </div>
      {previous && (
        <div className="pack previous">
          <h3>{words.previous}</h3>
          <Summary pack={previous} words={words} language={language} />
          {confirming === 'rollback' ? (
            <div className="confirm" role="alertdialog">
              <p>{words.rollBackConfirm(previous.id, previous.version)}</p>
              <button type="button" className="op-button danger" disabled={busy} onClick={() => run(() => api.rollbackPack(), (pack) => (setConfirming(null), words.rolledBack(pack.id, pack.version)))}>
                {words.yesRollBack}
              </button>
              <button type="button" className="op-button ghost" onClick={() => setConfirming(null)}>
                {words.cancel}
              </button>
            </div>
          ) : (
            <button type="button" className="op-button" disabled={busy} onClick={() => setConfirming('rollback')}>
              {words.rollBack}
            </button>
          )}
        </div>
      )}

      <div className="pack stick" aria-label={words.stick}>
        <h3>{words.stick}</h3>
        {stick.kind === 'none' && <p>{words.stickNone}</p>}
        {stick.kind === 'checking' && <p>{words.stickChecking}</p>}
        {stick.kind === 'no-pack' && <p>{words.stickNoPack}</p>}
        {stick.kind === 'refused' && (
          <div className="op-error" role="alert">
            <p>{words.stickRefused}</p>
            <p className="refusal">{stick.message}</p>
          </div>
        )}
        {stick.kind === 'found' && (
          <>
            <p>
              <strong>{words.stickFound(inOwn(stick.preview.title, language))}</strong> ({stick.preview.id})
            </p>
            <Preview preview={stick.preview} words={words} />
            {/* The overview is fetched again and again: the screens are measured anew only for another pack. */}
            <LayoutCheck key={JSON.stringify(stick.preview.screens)} pack={stick.preview.screens} words={words} />
            <p className="op-hint">{words.studentsGetItAt}</p>
            {stick.preview.running ? (
              <p className="op-ok">{words.alreadyRunning}</p>
            ) : busy ? (
              <p role="status">{words.installing}</p>
            ) : stick.preview.rollback && confirming !== 'older' ? (
              <button type="button" className="op-button" onClick={() => setConfirming('older')}>
                {words.install}
              </button>
            ) : stick.preview.rollback ? (
              <div className="confirm" role="alertdialog">
                <p>{words.rollbackWarning(stick.preview.versionTo, stick.preview.replaces.version)}</p>
                <button type="button" className="op-button danger" onClick={() => run(() => api.installStickPack({ confirmRollback: true }), installed)}>
                  {words.yesInstallOlder}
                </button>
                <button type="button" className="op-button ghost" onClick={() => setConfirming(null)}>
                  {words.cancel}
                </button>
              </div>
            ) : (
              <button type="button" className="op-button" onClick={() => run(() => api.installStickPack({ confirmRollback: false }), installed)}>
                {words.install}
              </button>
            )}
          </>
        )}
      </div>
    </section>
  );
}
