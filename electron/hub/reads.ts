// What a lecturer reads from the hub: the tour, a venue visit's results, its lecture files and
// its charts. Each read is a job, answered from the database it is given: by a reader thread
// with its own read-only connection (readers.ts), so that no read holds up a batch.

import type Database from 'better-sqlite3';
import { zipSync } from 'fflate';
import type { ApiFailure } from '../api/common.ts';
import type { LectureFormat, LectureLanguage, TourOverview } from '../api/lecture.ts';
import { visitResults, visitSummaries } from '../results/aggregates.ts';
import { chartSvg } from '../lecture-files/chart-svg.ts';
import { dutchCsv } from '../lecture-files/csv-nl.ts';
import { lecture } from '../lecture-files/lecture.ts';
import { chartPng, lectureCharts } from '../lecture-files/png.ts';
import { lecturePresentation } from '../lecture-files/pptx.ts';
import { REPORT_WORDS } from '../lecture-files/words.ts';
import { lectureWorkbook } from '../lecture-files/xlsx.ts';

export type ReadJob =
  | { read: 'overview' }
  | { read: 'visit'; visit: string }
  | { read: 'file'; visit: string; format: LectureFormat; language: LectureLanguage }
  | { read: 'chart'; visit: string; question: string; language: LectureLanguage; image: 'svg' | 'png' };

/** What a read found, or a refusal of the error vocabulary (the hub answers it as every refusal); and what the hub's log should say. */
export type ReadAnswer = (
  | {
      /** The content type; JSON when not given. */
      type?: string;
      headers?: Record<string, string>;
      /** An object (sent as JSON), a text, or a file's bytes. */
      body: unknown;
    }
  | { refused: ApiFailure }
) & {
  /** What the read skipped and the hub's log should say (a stored manifest that is not a valid pack). */
  warnings: string[];
};

const FILE_TYPES: Record<LectureFormat, string> = {
  pptx: 'application/vnd.openxmlformats-officedocument.presentationml.presentation',
  xlsx: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
  csv: 'text/csv; charset=utf-8',
  zip: 'application/zip',
};

/** The PNG charts of a visit in one zip, stored as they are (a PNG is compressed already). */
const chartsZip = (charts: Array<{ name: string; png: Buffer }>) => Buffer.from(zipSync(Object.fromEntries(charts.map(({ name, png }) => [name, png])), { level: 0 }));

/**
 * Every venue visit with answers (newest first), the tour's answers, and when each pillar's
 * answers last arrived (the hub's own log): from the visit sources, the venue records and an
 * index of the log, so its cost grows with the visits and pillars shown, never with the answers.
 */
export function tourOverview(db: Database.Database): TourOverview {
  const visits = visitSummaries(db).sort((a, b) => (b.startedHour ?? '').localeCompare(a.startedHour ?? '') || a.id.localeCompare(b.id));
  const answers = visits.reduce((n, v) => n + v.answers, 0);
  // Each kind its own look-up of the newest in the index (events_by_pillar): MAX over an IN list would read them all.
  const newest = (kind: string) => `(SELECT MAX(hour) FROM events e WHERE e.pillar_id = p.id AND e.kind = '${kind}')`;
  const pillars = db
    .prepare(`SELECT p.id, p.name, max(coalesce(${newest('batch')}, ''), coalesce(${newest('bundle')}, '')) AS lastArrived FROM pillars p ORDER BY p.id`)
    .all()
    .map((p) => {
      const row = p as TourOverview['pillars'][number];
      return { ...row, lastArrived: row.lastArrived || null };
    });
  return { visits, answers, pillars };
}

const notFound = (message: string, warnings: string[]): ReadAnswer => ({ refused: { code: 'not-found', message }, warnings });
const noAnswers = (visit: string, warnings: string[]) => notFound(`no answers of venue visit ${visit}`, warnings);

export async function answerRead(db: Database.Database, job: ReadJob): Promise<ReadAnswer> {
  const warnings: string[] = [];
  const skipped = (what: string) => warnings.push(what);
  switch (job.read) {
    case 'overview':
      return { body: tourOverview(db), warnings };
    case 'visit': {
      const results = visitResults(db, job.visit, skipped);
      return results.questions.length === 0 ? noAnswers(job.visit, warnings) : { body: results, warnings };
    }
    case 'file': {
      const format = job.format;
      const made = lecture(db, job.visit, job.language, skipped);
      if (made.results.questions.length === 0) return noAnswers(job.visit, warnings);
      const bytes = format === 'pptx' ? await lecturePresentation(made) : format === 'xlsx' ? await lectureWorkbook(made) : format === 'zip' ? chartsZip(lectureCharts(made)) : dutchCsv(made.words.answerColumns, made.answers);
      const name = format === 'zip' ? `${job.visit}-charts.zip` : `${job.visit}.${format}`;
      return { type: FILE_TYPES[format], headers: { 'content-disposition': `attachment; filename="${name}"` }, body: bytes, warnings };
    }
    case 'chart': {
      const question = visitResults(db, job.visit, skipped).questions.find((q) => q.id === job.question);
      if (!question) return notFound(`no answers to ${job.question} at ${job.visit}`, warnings);
      const words = REPORT_WORDS[job.language];
      if (job.image === 'png') {
        const headers = { 'cache-control': 'no-store', 'content-disposition': `attachment; filename="${job.visit}-${question.slot ?? 0}-${question.id}.png"` };
        return { type: 'image/png', headers, body: chartPng(question, job.language, words), warnings };
      }
      return { type: 'image/svg+xml', headers: { 'cache-control': 'no-store' }, body: chartSvg(question, job.language, words, false), warnings };
    }
  }
}
