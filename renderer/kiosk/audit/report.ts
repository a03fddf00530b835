// What the layout check finds and the layout audit reports, the screen sizes it measures at,
// and the audit's messages with the page that frames it (the operator's pack preview). No DOM:
// the tests share it.

import type { KioskPack } from '../../../electron/api/student.ts';

export interface LayoutLimits {
  /** The smallest font size a text may have, in CSS pixels. */
  minTextPx: number;
  /** The smallest width and height of a control, in CSS pixels. */
  minTargetPx: number;
}

export type LayoutRule = 'outside' | 'small-target' | 'covered' | 'small-text' | 'cut-off' | 'overflow' | 'overlap';

export interface LayoutFinding {
  rule: LayoutRule;
  /** The start of the text (or the name) of what breaks the rule. */
  what: string;
  /** The measurement, for developers. */
  detail: string;
}

/** The pillar's screen, and the same turned on its side: the sizes every pack is measured at. */
export const SCREEN_SIZES = [
  { name: 'portrait', width: 1080, height: 1920 },
  { name: 'landscape', width: 1920, height: 1080 },
] as const;

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

/** To the audit page: measure this pack. From it: the report, or why there is none. */
export type AuditMessage = { type: 'olifant-audit'; pack: KioskPack } | { type: 'olifant-audit-report'; report: AuditReport } | { type: 'olifant-audit-failed'; reason: string };
