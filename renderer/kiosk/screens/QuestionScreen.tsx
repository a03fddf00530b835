// One question and its answers. One tap answers; further taps are ignored until the
// answer is safely stored (no double answers from a double tap or a hammering hand).

import { useRef, useState } from 'react';
import type { StudentApi, Question } from '../../../electron/api/student.ts';
import type { Strings } from '../../shared/i18n.ts';

interface Props {
  api: StudentApi;
  question: Question;
  t: Strings;
  language: string;
  onAnswered: (value: string, answerId: string) => void;
  onBack: () => void;
}

export function QuestionScreen({ api, question, t, language, onAnswered, onBack }: Props) {
  const shownAt = useRef(performance.now());
  const answerId = useRef(crypto.randomUUID());
  const busy = useRef(false);
  const [chosen, setChosen] = useState<string | null>(null);
  const [failed, setFailed] = useState(false);

  const choose = async (value: string) => {
    if (busy.current) return;
    busy.current = true;
    setChosen(value);
    setFailed(false);
    try {
      await api.submitAnswer({ answerId: answerId.current, questionId: question.id, value, language, shownMs: Math.round(performance.now() - shownAt.current) });
      onAnswered(value, answerId.current);
    } catch {
      busy.current = false;
      setChosen(null);
      setFailed(true);
    }
  };

  const { answer } = question;
  return (
    <>
      <header className="reading">
        <span className="card-number">{t.question(question.slot)}</span>
        <h1 className="prompt">{question.prompt[language]}</h1>
      </header>
      <div className="controls">
        {failed && <p className="notice" role="alert">{t.notSaved}</p>}
        {chosen !== null && <p className="notice" role="status">{t.saving}</p>}
        {answer.type === 'scale' ? (
          <div className="scale" role="group" aria-label={question.prompt[language]}>
            {Array.from({ length: answer.steps }, (_, i) => {
              const step = String(i + 1);
              const end = i === 0 ? answer.min[language] : i === answer.steps - 1 ? answer.max[language] : null;
              return (
                <button key={step} type="button" className={`button scale-step${chosen === step ? ' chosen' : ''}`} disabled={chosen !== null} onClick={() => choose(step)}>
                  <span className="step-number">{step}</span>
                  {end && <span className="step-label">{end}</span>}
                </button>
              );
            })}
          </div>
        ) : (
          <div className="choices" role="group" aria-label={question.prompt[language]}>
            {answer.options.map((option) => (
              <button key={option.id} type="button" className={`button choice${chosen === option.id ? ' chosen' : ''}`} disabled={chosen !== null} onClick={() => choose(option.id)}>
                {option.label[language]}
              </button>
            ))}
          </div>
        )}
        <button type="button" className="button ghost back" onClick={onBack} disabled={chosen !== null}>
          ← {t.back}
        </button>
      </div>
    </>
  );
}
