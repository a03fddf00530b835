// One question and its answers. One tap answers; further taps are ignored until the
// answer is safely stored (no double answers from a double tap or a hammering hand).

import { useRef, useState } from 'react';
import type { StudentApi, Question } from '../../../electron/api/student.ts';
import { say } from '../../shared/hyphenate.ts';
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
  const prompt = question.prompt[language];
  return (
    <>
      <header className="reading">
        <span className="card-number" {...say(t.question(question.slot), t.lang)} />
        <h1 className="prompt" {...say(prompt, language)} />
      </header>
      <div className="controls">
        {failed && <p className="notice" role="alert" {...say(t.notSaved, t.lang)} />}
        {chosen !== null && <p className="notice" role="status" {...say(t.saving, t.lang)} />}
        {answer.type === 'scale' ? (
          <div className="scale" role="group" aria-label={prompt}>
            <div className="scale-steps">
              {Array.from({ length: answer.steps }, (_, i) => {
                const step = String(i + 1);
                // The ends are named with their labels, which stand under the scale: a step button is too narrow for them.
                const end = i === 0 ? answer.min[language] : i === answer.steps - 1 ? answer.max[language] : null;
                return (
                  <button key={step} type="button" className={`button scale-step${chosen === step ? ' chosen' : ''}`} disabled={chosen !== null} onClick={() => choose(step)} aria-label={end ? `${step} ${end}` : step}>
                    {step}
                  </button>
                );
              })}
            </div>
            <div className="scale-ends" aria-hidden="true">
              <span className="scale-end" {...say(answer.min[language], language)} />
              <span className="scale-end max" {...say(answer.max[language], language)} />
            </div>
          </div>
        ) : (
          <div className="choices" role="group" aria-label={prompt}>
            {answer.options.map((option) => (
              <button key={option.id} type="button" className={`button choice${chosen === option.id ? ' chosen' : ''}`} disabled={chosen !== null} onClick={() => choose(option.id)} {...say(option.label[language], language)} />
            ))}
          </div>
        )}
        <button type="button" className="button ghost back" onClick={onBack} disabled={chosen !== null} lang={t.lang}>
          ← {t.back}
        </button>
      </div>
    </>
  );
}
