// The content pack: the one running, and the previous one (roll back, confirmed once). A pack
// on a USB stick is the stick's panel (StickPanel.tsx).

import { useState } from 'react';
import type { OperatorApi, Overview, PackSummary } from '../../electron/api/operator.ts';
import type { Text } from '../../electron/api/student.ts';
import type { OperatorWords } from './words.ts';

export type Run = <T>(work: () => Promise<T>, said: (value: T) => string) => Promise<void>;

/** A pack text in the screen's language, else in the pack's first. */
export const inOwn = (text: Text, language: string) => text[language] ?? Object.values(text)[0] ?? '';

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

export function PackPanel({ api, words, overview, run, busy }: { api: OperatorApi; words: OperatorWords; overview: Overview; run: Run; busy: boolean }) {
  const [confirming, setConfirming] = useState(false);
  const { running, previous } = overview.packs;
  const language = document.documentElement.lang;

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
          {confirming ? (
            <div className="confirm" role="alertdialog">
              <p>{words.rollBackConfirm(previous.id, previous.version)}</p>
              <button type="button" className="op-button danger" disabled={busy} onClick={() => run(() => api.rollbackPack(), (pack) => (setConfirming(false), words.rolledBack(pack.id, pack.version)))}>
                {words.yesRollBack}
              </button>
              <button type="button" className="op-button ghost" onClick={() => setConfirming(false)}>
                {words.cancel}
              </button>
            </div>
          ) : (
            <button type="button" className="op-button" disabled={busy} onClick={() => setConfirming(true)}>
              {words.rollBack}
            </button>
          )}
        </div>
      )}
    </section>
  );
}
