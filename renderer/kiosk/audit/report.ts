// What the layout audit reports, and its messages with the page that frames it (the
// operator's pack preview). Types only.

import type { KioskPack } from '../../../electron/api/student.ts';
import type { LayoutFinding } from './layout-check.ts';

export type { LayoutRule } from './layout-check.ts';

/** A screen of the journey: what it is, and the question's slot where it has one. */
export type ScreenName =
  | { kind: 'attract' | 'chooser' | 'chooser-answered' | 'still-there' | 'goodbye' }
  | { kind: 'question' | 'result-card' | 'result-no-card'; slot: number };

export interface AuditFinding extends LayoutFinding {
  screen: ScreenName;
  language: string;
}

export interface AuditReport {
  width: number;
  height: number;
  /** How many screens were measured. */
  screens: number;
  findings: AuditFinding[];
}

/** To the audit page: measure this pack. From it: the report. */
export type AuditMessage = { type: 'olifant-audit'; pack: KioskPack } | { type: 'olifant-audit-report'; report: AuditReport };
