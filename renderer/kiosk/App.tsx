// The student journey: attract loop, six question cards, answering, how others answered,
// the physical card, and back to the attract loop when the student walks away.

import { AnimatePresence, MotionConfig, motion } from 'framer-motion';
import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import type { CardStatus, KioskInfo, Mood, Results, StudentApi } from '../../electron/api/student.ts';
import { strings } from '../shared/i18n.ts';
import { Attract } from './screens/Attract.tsx';
import { Chooser } from './screens/Chooser.tsx';
import { QuestionScreen } from './screens/QuestionScreen.tsx';
import { ResultScreen } from './screens/ResultScreen.tsx';
import { StillThere } from './screens/StillThere.tsx';
import { Thanks } from './screens/Thanks.tsx';

/** `none`: a question answered earlier in this journey, seen again: no second card. */
export type CardView = 'dispensing' | CardStatus | 'taken' | 'none';

/** No card this time: the question stays on screen longer, and the screen says so. */
export const noCardThisTime = (card: CardView): boolean => card === 'empty' || card === 'jammed' || card === 'unavailable';

type View =
  | { kind: 'attract' }
  | { kind: 'choose' }
  | { kind: 'question'; questionId: string }
  | { kind: 'result'; questionId: string; value: string; results: Results | null; card: CardView; answerId: string | null }
  | { kind: 'thanks' };

/** Taps this soon after a screen change belong to the previous screen (a double tap). */
const SETTLE_MS = 350;
/** The result screen waits this much longer when there is no card, so the question can be noted. */
const NO_CARD_GRACE = 2;
const THANKS_MS = 6000;

export function App({ api, info }: { api: StudentApi; info: KioskInfo }) {
  const { pack } = info;
  const [language, setLanguage] = useState(pack.languages[0]);
  const [answered, setAnswered] = useState<Record<string, string>>({});
  const [view, setView] = useState<View>({ kind: 'attract' });
  const [awake, setAwake] = useState(false);
  const [stillThere, setStillThere] = useState(false);
  const [settling, setSettling] = useState(false);
  const [lastTouch, setLastTouch] = useState(() => Date.now());
  const viewRef = useRef(view);
  viewRef.current = view;
  const t = strings(language);

  const go = useCallback((next: View) => {
    setView(next);
    setSettling(true);
    setLastTouch(Date.now());
  }, []);

  const reset = useCallback(() => {
    setAnswered({});
    setLanguage(pack.languages[0]);
    setStillThere(false);
    go({ kind: 'attract' });
  }, [go, pack.languages]);

  useEffect(() => {
    if (!settling) return;
    const timer = setTimeout(() => setSettling(false), SETTLE_MS);
    return () => clearTimeout(timer);
  }, [settling, view]);

  // The LED ring follows the journey.
  const mood: Mood = view.kind === 'attract' ? 'attract' : view.kind === 'result' && view.card === 'take-card' ? 'card-ready' : 'in-use';
  useEffect(() => {
    api.setMood({ mood }).catch(() => {});
  }, [api, mood]);

  const dispense = useCallback(
    (answerId: string) => {
      api.dispenseCard({ answerId }).then(
        ({ status }) => setView((v) => (v.kind === 'result' && v.answerId === answerId ? { ...v, card: status } : v)),
        () => setView((v) => (v.kind === 'result' && v.answerId === answerId ? { ...v, card: 'unavailable' } : v)),
      );
    },
    [api],
  );

  // Pillar events: presence wakes the attract loop; a taken card ends the "take your card" step.
  useEffect(
    () =>
      api.onEvent((event) => {
        if (event.type === 'presence') setAwake(event.present);
        if (event.type === 'card-taken') {
          const v = viewRef.current;
          if (v.kind !== 'result') return;
          if (v.card === 'take-card') setView({ ...v, card: 'taken' });
          else if (v.card === 'gate-full' && v.answerId) {
            setView({ ...v, card: 'dispensing' });
            dispense(v.answerId);
          }
        }
      }),
    [api, dispense],
  );

  // Idle: "still there?", then back to the attract loop.
  const noCard = view.kind === 'result' && noCardThisTime(view.card);
  const idleMs = info.idleSeconds * 1000 * (noCard ? NO_CARD_GRACE : 1);
  useEffect(() => {
    if (view.kind === 'attract' || view.kind === 'thanks' || stillThere) return;
    const timer = setTimeout(() => setStillThere(true), Math.max(0, lastTouch + idleMs - Date.now()));
    return () => clearTimeout(timer);
  }, [view.kind, stillThere, lastTouch, idleMs]);

  const showResults = useCallback(
    async (questionId: string) => {
      const results = await api.results({ questionId }).catch(() => null);
      setView((v) => (v.kind === 'result' && v.questionId === questionId ? { ...v, results } : v));
    },
    [api],
  );

  const answer = useCallback(
    async (questionId: string, value: string, answerId: string) => {
      setAnswered((a) => ({ ...a, [questionId]: value }));
      go({ kind: 'result', questionId, value, results: null, card: 'dispensing', answerId });
      dispense(answerId);
      await showResults(questionId);
    },
    [dispense, go, showResults],
  );

  const screen = useMemo(() => {
    switch (view.kind) {
      case 'attract':
        return <Attract pack={pack} awake={awake} onStart={() => go({ kind: 'choose' })} />;
      case 'choose':
        return (
          <Chooser
            pack={pack}
            t={t}
            language={language}
            answered={answered}
            onPick={(questionId) => {
              const value = answered[questionId];
              if (value === undefined) return go({ kind: 'question', questionId });
              go({ kind: 'result', questionId, value, results: null, card: 'none', answerId: null });
              void showResults(questionId);
            }}
          />
        );
      case 'question': {
        const question = pack.questions.find((q) => q.id === view.questionId)!;
        return <QuestionScreen api={api} question={question} t={t} language={language} onAnswered={(value, answerId) => answer(question.id, value, answerId)} onBack={() => go({ kind: 'choose' })} />;
      }
      case 'result': {
        const question = pack.questions.find((q) => q.id === view.questionId)!;
        return <ResultScreen question={question} t={t} language={language} value={view.value} results={view.results} card={view.card} onNext={() => go({ kind: 'choose' })} />;
      }
      case 'thanks':
        return <Thanks t={t} onDone={reset} after={THANKS_MS} />;
    }
  }, [view, pack, awake, t, language, answered, api, go, answer, reset, showResults]);

  const touch = () => setLastTouch(Date.now());
  const inJourney = view.kind === 'choose' || view.kind === 'question' || view.kind === 'result';

  return (
    <MotionConfig reducedMotion="user">
      <div className={`kiosk${settling ? ' settling' : ''}`} lang={language} onPointerDown={touch}>
        {/* Screens are stacked and cross-fade; the settle guard keeps taps off the leaving one. */}
        <AnimatePresence>
          <motion.main
            key={view.kind + ('questionId' in view ? view.questionId : '')}
            className={`screen screen-${view.kind}`}
            initial={{ opacity: 0 }}
            animate={{ opacity: 1 }}
            exit={{ opacity: 0 }}
            transition={{ duration: 0.18, ease: 'easeOut' }}
          >
            {screen}
          </motion.main>
        </AnimatePresence>
        {inJourney && (
          <nav className="bottom-bar" aria-label={t.chooseTitle}>
            <div className="languages">
              {pack.languages
                .filter((code) => code !== language)
                .map((code) => (
                  <button key={code} type="button" className="button ghost" lang={code} onClick={() => setLanguage(code)}>
                    {strings(code).languageName}
                  </button>
                ))}
            </div>
            <button type="button" className="button ghost finish" onClick={() => go({ kind: 'thanks' })}>
              {t.finish}
            </button>
          </nav>
        )}
        {stillThere && (
          <StillThere
            t={t}
            seconds={info.stillThereSeconds}
            onStay={() => {
              setStillThere(false);
              touch();
            }}
            onGone={reset}
          />
        )}
      </div>
    </MotionConfig>
  );
}
