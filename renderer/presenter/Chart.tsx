// One question's chart on the projector: the hub draws it (the same SVG the PNG files are
// made from), asked for again whenever the counts change; its description says every figure.

import type { QuestionResult } from '../../electron/api/lecture.ts';
import type { PresenterWords } from './words.ts';

export function Chart({ visitId, question, language, words }: { visitId: string; question: QuestionResult; language: string; words: PresenterWords }) {
  const groups = [
    { name: words.thisVenue, group: question.venue },
    { name: words.restOfTour, group: question.elsewhere },
  ];
  const description = [
    ...groups.map(({ name, group }) => (group.counts ? `${name} · ${words.answers(group.total)}` : words.tooFew(name))),
    ...question.values.map((v) =>
      `${v.label[language] ?? Object.values(v.label)[0]}: ${groups
        .filter(({ group }) => group.counts)
        .map(({ name, group }) => `${name} ${Math.round(((group.counts![v.value] ?? 0) / group.total) * 100)}% (${group.counts![v.value] ?? 0})`)
        .join(', ')}`,
    ),
  ].join('. ');
  const counts = `${question.venue.total}-${question.elsewhere.total}`;
  const src = `/v1/lecture/visits/${encodeURIComponent(visitId)}/questions/${encodeURIComponent(question.id)}/chart.svg?language=${language === 'en' ? 'en' : 'nl'}&counts=${counts}`;
  return <img className="chart" src={src} alt={description} />;
}
