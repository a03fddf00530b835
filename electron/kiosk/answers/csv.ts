// Every stored answer as CSV (RFC 4180), one row per answer, header naming the fields.
// The `hour` column is UTC and says so in every value (`2026-11-22T14:00Z`): convert it
// to the venue's local time before reading it as a time of day.

import { ANSWER_FIELDS, type Answer } from '../../results/records.ts';
import type { AnswerStore } from './store.ts';

function cell(value: unknown): string {
  const text = value === null || value === undefined ? '' : String(value);
  return /[",\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

export function* answersCsv(store: AnswerStore): Generator<string> {
  yield ANSWER_FIELDS.join(',') + '\r\n';
  for (const answer of store.all()) yield ANSWER_FIELDS.map((f) => cell(answer[f as keyof Answer])).join(',') + '\r\n';
}
