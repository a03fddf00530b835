// The operator page: the service screen while the operator is in (door open or PIN
// accepted), else the PIN pad (or, with no PIN set, how to get in). Nobody in and nothing
// typed: back to the students. The door closing ends it all: back to the students.

import { useCallback, useEffect, useState } from 'react';
import type { OperatorApi, SessionState } from '../../electron/api/operator.ts';
import { KioskError } from '../shared/api.ts';
import { PinPad } from './PinPad.tsx';
import { POLL_MS, ServiceScreen } from './ServiceScreen.tsx';
import { WORDS, type OperatorLanguage } from './words.ts';

/** Nobody in and nothing typed on the PIN pad this long: back to the students. */
const PAD_IDLE_MS = 20_000;

export function OperatorApp({ api, toStudents }: { api: OperatorApi; toStudents: () => void }) {
  const [session, setSession] = useState<SessionState | null>(null);
  const [language, setLanguage] = useState<OperatorLanguage>('nl');
  const [touched, setTouched] = useState(() => Date.now());
  const words = WORDS[language];

  // While nobody is in, the session is asked for (the door may open); once in, ServiceScreen watches.
  // The first look says this window is new: a PIN session a window that is gone opened ends.
  const open = session?.open ?? false;
  const known = session !== null;
  useEffect(() => {
    if (open) return;
    const look = () => (known ? api.session() : api.windowOpened()).then(setSession, () => {});
    look();
    const timer = setInterval(look, POLL_MS);
    return () => clearInterval(timer);
  }, [api, open, known]);

  useEffect(() => {
    if (open) return;
    const timer = setTimeout(toStudents, Math.max(0, touched + PAD_IDLE_MS - Date.now()));
    return () => clearTimeout(timer);
  }, [open, touched, toStudents]);

  const closed = useCallback(
    (error: unknown) => {
      // The session ended (the door closed): the students' screen again.
      if (error instanceof KioskError && error.code === 'forbidden') toStudents();
    },
    [toStudents],
  );
  const leave = useCallback(() => void api.leave().finally(toStudents), [api, toStudents]);

  return (
    <div className="operator" lang={language} onPointerDown={() => setTouched(Date.now())}>
      <header className="op-header">
        <h1>{words.title}</h1>
        <button type="button" className="op-button ghost" onClick={() => setLanguage(language === 'nl' ? 'en' : 'nl')}>
          {words.otherLanguage}
        </button>
      </header>
      {session === null ? null : open ? (
        <ServiceScreen api={api} words={words} onClosed={closed} onLeave={leave} />
      ) : session.pinSet ? (
        <PinPad words={words} lockedForSeconds={session.lockedForSeconds} onTry={(pin) => api.unlock({ pin }).then((next) => (setSession(next), next))} onBack={toStudents} />
      ) : (
        <section className="op-panel">
          <p>{words.noPin}</p>
          <button type="button" className="op-button" onClick={toStudents}>
            {words.backToStudents}
          </button>
        </section>
      )}
    </div>
  );
}
