// The student journey on screen: the rules live in journey.ts; this drives them with the
// clock, the pillar's events and the API calls, and shows the current screen.

import { MotionConfig } from 'framer-motion';
import { useEffect, useMemo, useReducer, type ReactNode } from 'react';
import type { KioskInfo, StudentApi } from '../../electron/api/student.ts';
import { offeredLanguages, strings } from '../shared/i18n.ts';
import { FitScreen, useFit } from './fit.tsx';
import { preparePack } from './prepare.ts';
import { cardToDispense, inJourney, initialJourney, journey, moodOf, nextDeadline, resultsToFetch, type JourneyEvent, type JourneyState } from './journey.ts';
import { Attract } from './screens/Attract.tsx';
import { Chooser } from './screens/Chooser.tsx';
import { QuestionScreen } from './screens/QuestionScreen.tsx';
import { ResultScreen } from './screens/ResultScreen.tsx';
import { StillThere } from './screens/StillThere.tsx';
import { Thanks } from './screens/Thanks.tsx';
import { openOperatorPage, ServiceCorner } from './ServiceCorner.tsx';

/** The languages and "Klaar" under every journey screen; its type steps down like a screen's. */
function BottomBar({ label, children }: { label: string; children: ReactNode }) {
  const ref = useFit<HTMLElement>();
  return (
    <nav className="bottom-bar" aria-label={label} ref={ref}>
      {children}
    </nav>
  );
}

type Tap = Extract<JourneyEvent, { type: 'start' | 'back' | 'next' | 'done' | 'finish' | 'stay' | 'touch' }>['type'];

/** `initial`: a journey already under way (the layout audit shows each screen this way); else the attract loop. */
export function App({ api, info, initial }: { api: StudentApi; info: KioskInfo; initial?: JourneyState }) {
  const [state, dispatch] = useReducer(journey, info, (first) => initial ?? initialJourney(first, Date.now()));
  const { view, language, answered } = state;
  const { pack } = state.info;
  const languages = offeredLanguages(pack.languages);
  const t = strings(language);
  const tap = (type: Tap) => () => dispatch({ type, now: Date.now() });

  // The clock: one timer, for whatever the journey waits on next.
  const deadline = nextDeadline(state);
  useEffect(() => {
    if (deadline === null) return;
    const timer = setTimeout(() => dispatch({ type: 'tick', now: Date.now() }), Math.max(0, deadline - Date.now()));
    return () => clearTimeout(timer);
  }, [deadline]);

  // The LED ring follows the journey.
  const mood = moodOf(state);
  useEffect(() => {
    api.setMood({ mood }).catch(() => {});
  }, [api, mood]);

  const dispensing = cardToDispense(state);
  useEffect(() => {
    if (dispensing === null) return;
    api.dispenseCard({ answerId: dispensing }).then(
      ({ status }) => dispatch({ type: 'card', answerId: dispensing, status }),
      () => dispatch({ type: 'card', answerId: dispensing, status: 'unavailable' }),
    );
  }, [api, dispensing]);

  const fetching = resultsToFetch(state);
  useEffect(() => {
    if (fetching === null) return;
    api.results({ questionId: fetching }).then(
      (results) => dispatch({ type: 'results', questionId: fetching, results }),
      () => {},
    );
  }, [api, fetching]);

  // Pillar events; a new pack is fetched at once and taken at the next attract loop. Only the
  // newest fetch counts, so two quick changes cannot end on the older pack.
  useEffect(() => {
    let asked = 0;
    return api.onEvent((event) => {
      if (event.type === 'presence') dispatch({ type: 'presence', present: event.present, now: Date.now() });
      else if (event.type === 'card-taken') dispatch({ type: 'card-taken' });
      else if (event.type === 'pillar') dispatch({ type: 'pillar', connected: event.pillar.connected });
      // The operator came in: their page takes the window (an unfinished answer is dropped; stored ones stay).
      else if (event.type === 'operator' && event.open) openOperatorPage();
      // Events flow from now on: a door opened or a link lost before then is read from the kiosk's state.
      else if (event.type === 'connected') {
        api.kiosk().then(
          (info) => (info.operatorOpen ? openOperatorPage() : dispatch({ type: 'pillar', connected: info.pillar.connected })),
          () => {},
        );
      }
      else if (event.type === 'pack-changed') {
        const mine = ++asked;
        api.kiosk().then(
          (next) =>
            preparePack(next.pack)
              .catch(() => {})
              .then(() => mine === asked && dispatch({ type: 'pack', info: next })),
          () => {},
        );
      }
    });
  }, [api]);

  // The screen is made again only when what it shows changes: a touch (which only moves the
  // idle clock) then costs no render of the screen, so the tap's own change is on screen sooner.
  // Its handlers only dispatch, so those of an earlier render do the same.
  const { present, cardInGate } = state;
  const screen = useMemo(() => {
    switch (view.kind) {
      case 'attract':
        return <Attract pack={pack} languages={languages} first={language} awake={present} onStart={tap('start')} />;
      case 'choose':
        return <Chooser pack={pack} t={t} language={language} answered={answered} onPick={(questionId) => dispatch({ type: 'pick', questionId, now: Date.now() })} />;
      case 'question': {
        const question = pack.questions.find((q) => q.id === view.questionId)!;
        return (
          <QuestionScreen
            api={api}
            question={question}
            t={t}
            language={language}
            onAnswered={(value, answerId) => dispatch({ type: 'answered', questionId: question.id, value, answerId, now: Date.now() })}
            onBack={tap('back')}
          />
        );
      }
      case 'result': {
        const question = pack.questions.find((q) => q.id === view.questionId)!;
        return <ResultScreen question={question} t={t} language={language} value={view.value} results={view.results} card={view.card} ownCardInGate={cardInGate} onNext={tap('next')} />;
      }
      case 'thanks':
        return <Thanks t={t} cardInGate={cardInGate} onDone={tap('done')} />;
    }
  }, [api, view, language, answered, pack, present, cardInGate]);

  return (
    <MotionConfig reducedMotion="user">
      {/* data-pack-waiting: a new pack is here and waits for the attract loop; data-leaving: the student walked away, and the
          journey ends when the grace is over unless someone touches the screen (for the operator's eye and for tests). */}
      <div
        className={`kiosk${state.settleUntil !== null ? ' settling' : ''}`}
        lang={language}
        onPointerDown={tap('touch')}
        data-pack-waiting={state.pendingInfo !== null || undefined}
        data-leaving={state.leftAt !== null || undefined}
      >
        {/* A new screen at once, its words fading in (no cross-fade of two full screens: that costs frames); the settle guard keeps a double tap's second tap off it. */}
        <FitScreen key={view.kind + ('questionId' in view ? view.questionId : '')} className={`screen screen-${view.kind}`}>
          {screen}
        </FitScreen>
        {inJourney(view) && (
          <BottomBar label={t.chooseTitle}>
            <div className="languages">
              {languages
                .filter((code) => code !== language)
                .map((code) => (
                  <button key={code} type="button" className="button ghost" lang={code} onClick={() => dispatch({ type: 'language', code, now: Date.now() })}>
                    {strings(code).languageName}
                  </button>
                ))}
            </div>
            <button type="button" className="button ghost finish" onClick={tap('finish')} lang={t.lang}>
              {t.finish}
            </button>
          </BottomBar>
        )}
        {state.info.simulatedPillar && <p className="simulated-pillar">{t.simulatedPillar}</p>}
        <ServiceCorner />
        {state.stillThereUntil !== null && <StillThere t={t} until={state.stillThereUntil} onStay={tap('stay')} />}
      </div>
    </MotionConfig>
  );
}
