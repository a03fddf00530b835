// The service screen: what needs doing first, then what the crew came for: the USB stick when
// one is in (its pack, its hub, the results onto it); then the venue visit, the pillar, the
// content pack, sending to the hub, and the log. It asks the app for the overview every
// second; when the app refuses (the door closed), the page goes back to the students.

import { useEffect, useState } from 'react';
import type { OperatorApi, Overview } from '../../electron/api/operator.ts';
import { localTime } from '../shared/time.ts';
import { Keyboard } from './Keyboard.tsx';
import { OfferPanel } from './OfferPanel.tsx';
import { PackPanel } from './PackPanel.tsx';
import { StickPanel } from './StickPanel.tsx';
import type { OperatorWords } from './words.ts';

/** How often the operator page asks the app how things are. */
export const POLL_MS = 1000;
/** Set-up work without a tap this long ends a PIN session (a door session ends with the door). */
const PIN_IDLE_MS = 5 * 60_000;

export type Notice = { text: string; error: boolean } | null;

/** Runs an action and says how it went; failures keep the app's own words. */
export function useAction(setNotice: (notice: Notice) => void) {
  const [busy, setBusy] = useState(false);
  const run = async <T,>(work: () => Promise<T>, said: (value: T) => string) => {
    setBusy(true);
    try {
      setNotice({ text: said(await work()), error: false });
    } catch (error) {
      setNotice({ text: (error as Error).message, error: true });
    } finally {
      setBusy(false);
    }
  };
  return { busy, run };
}


export function ServiceScreen({ api, words, onClosed, onLeave }: { api: OperatorApi; words: OperatorWords; onClosed: (error: unknown) => void; onLeave: () => void }) {
  const [overview, setOverview] = useState<Overview | null>(null);
  const [notice, setNotice] = useState<Notice>(null);
  const [touched, setTouched] = useState(() => Date.now());
  const [typing, setTyping] = useState<string | null>(null);
  const { busy, run } = useAction(setNotice);

  useEffect(() => {
    const look = () => api.overview().then(setOverview, onClosed);
    look();
    const timer = setInterval(look, POLL_MS);
    return () => clearInterval(timer);
  }, [api, onClosed]);

  const viaPin = overview?.session.via === 'pin';
  useEffect(() => {
    if (!viaPin) return;
    const timer = setTimeout(onLeave, Math.max(0, touched + PIN_IDLE_MS - Date.now()));
    return () => clearTimeout(timer);
  }, [viaPin, touched, onLeave]);

  if (overview === null) return null;
  const { pillar, venue, answers, log } = overview;
  const language = document.documentElement.lang;
  const stick = <StickPanel api={api} words={words} overview={overview} run={run} busy={busy} />;
  const stickIn = overview.stick.kind !== 'none';

  return (
    <main className="service" onPointerDown={() => setTouched(Date.now())}>
      {viaPin ? (
        <button type="button" className="op-button leave" onClick={onLeave}>
          {words.done}
        </button>
      ) : (
        <p className="op-hint leave">{words.closeDoorToLeave}</p>
      )}
      {notice && (
        <p className={notice.error ? 'op-error notice' : 'op-ok notice'} role="status">
          {notice.text}
        </p>
      )}

      <section className="op-panel" aria-label={words.problems}>
        <h2>{words.problems}</h2>
        {pillar.problems.length === 0 ? (
          <p className="op-ok">{words.allWell}</p>
        ) : (
          <ul className="problems">
            {pillar.problems.map((problem, i) => {
              const { what, todo } = words.problem(problem);
              return (
                <li key={i}>
                  <strong>{what}</strong> {todo}
                </li>
              );
            })}
          </ul>
        )}
      </section>

      <p className="op-panel test-answers" role="status">
        {words.testAnswers(overview.session.testAnswers)}
      </p>

      {stickIn && stick}

      {overview.offers.length > 0 && <OfferPanel api={api} words={words} offers={overview.offers} run={run} busy={busy} />}

      <section className="op-panel" aria-label={words.venue}>
        <h2>{words.venue}</h2>
        {venue.current ? (
          <p className="venue-current">
            <strong>{venue.current.name}</strong> ({venue.current.id}), {words.since(localTime(venue.current.startedHour, language))}
          </p>
        ) : (
          <p>{words.noVenue}</p>
        )}
        <p className="answer-counts">{words.answers(answers.visit, answers.today, answers.all)}</p>
        {typing === null ? (
          <button type="button" className="op-button" onClick={() => setTyping('')}>
            {words.newVisit}
          </button>
        ) : (
          <div className="new-visit">
            <label>
              {words.venueName}
              <output className="typed" aria-label={words.venueName}>{typing || '\u00a0'}</output>
            </label>
            {venue.recent.length > 0 && (
              <div className="recent" aria-label={words.recentVenues}>
                {words.recentVenues}:
                {venue.recent.map((name) => (
                  <button key={name} type="button" className="op-button small ghost" onClick={() => setTyping(name)}>
                    {name}
                  </button>
                ))}
              </div>
            )}
            <Keyboard value={typing} onChange={setTyping} words={words} />
            <div className="op-buttons">
              <button
                type="button"
                className="op-button"
                disabled={busy || typing.trim() === ''}
                onClick={() => run(() => api.startVenue({ name: typing }), (visit) => (setTyping(null), words.visitStarted(visit.name)))}
              >
                {words.startVisit}
              </button>
              <button type="button" className="op-button ghost" onClick={() => setTyping(null)}>
                {words.cancel}
              </button>
            </div>
          </div>
        )}
      </section>

      <section className="op-panel" aria-label={words.pillar}>
        <h2>{words.pillar}</h2>
        <p>{words.pillarId(pillar.id)}</p>
        <p>
          {words.link[pillar.link]} · {words.port}: {pillar.simulated ? words.simulated : (pillar.port ?? '–')} · {words.firmware}: {pillar.firmware ?? '–'}
        </p>
        <ul className="stacks">
          {pillar.stacks.map((stack) => (
            <li key={stack.slot} className={`stack state-${stack.state.toLowerCase()}`}>
              <span>
                {words.stack(stack.slot)}: {stack.questionId ?? words.noQuestion}, <strong>{words.slotState[stack.state]}</strong>
              </span>
              <button
                type="button"
                className="op-button small"
                disabled={busy}
                onClick={() => run(() => api.testDispense({ slot: stack.slot }), (r) => (r.ok ? words.dispensed(stack.slot) : words.notDispensed(stack.slot, r.text ?? '')))}
              >
                {words.testDispense}
              </button>
            </li>
          ))}
        </ul>
        <p>{words.gate[pillar.gate]}</p>
        <div className="op-buttons">
          <button type="button" className="op-button" disabled={busy} onClick={() => run(() => api.testLed(), () => words.ledTest)}>
            {words.ledTest}
          </button>
          <button type="button" className="op-button" disabled={busy} onClick={() => run(() => api.rescanPillar(), () => words.link.connecting)}>
            {words.rescan}
          </button>
        </div>
      </section>

      <PackPanel api={api} words={words} overview={overview} run={run} busy={busy} />

      <section className="op-panel" aria-label={words.sync}>
        <h2>{words.sync}</h2>
        {overview.sync.hubSet && overview.sync.hubUrl ? (
          <>
            <p>{words.hubAt(overview.sync.hubUrl)}</p>
            <p>{words.waiting(overview.sync.waiting.answers, overview.sync.waiting.venues)}</p>
            <p>{words.lastSent(overview.sync.lastSuccess && localTime(overview.sync.lastSuccess, language))}</p>
            {overview.sync.lastProblem && <p className="op-error">{overview.sync.lastProblem}</p>}
          </>
        ) : (
          <p>{words.noHub}</p>
        )}
      </section>

      {!stickIn && stick}

      <section className="op-panel" aria-label={words.log}>
        <h2>{words.log}</h2>
        {log.length === 0 ? <p>{words.emptyLog}</p> : <ol className="log">{log.map((line, i) => <li key={i}>{line}</li>)}</ol>}
      </section>
    </main>
  );
}
