// The layout audit page (renderer/kiosk/audit/) driven in Chromium: every screen of a pack
// at a screen size, measured against the layout rules, or one screen left on the page.

import { readFileSync } from 'node:fs';
import path from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { transform } from 'rolldown/experimental';
import type { KioskPack } from '../../electron/api/student.ts';
import { SCREEN_SIZES, type AuditReport, type LayoutFinding, type LayoutLimits, type ScreenName } from '../../renderer/kiosk/audit/report.ts';
import { LAYOUT_AUDIT_PAGE } from '../../electron/api/operator.ts';

export { SCREEN_SIZES as SIZES, type AuditReport } from '../../renderer/kiosk/audit/report.ts';
export type Size = (typeof SCREEN_SIZES)[number];

/** `result-card 3`: a screen's name for people reading a test's output or a file name. */
export const screenLabel = (screen: ScreenName) => ('slot' in screen ? `${screen.kind} ${screen.slot}` : screen.kind);

export async function openAudit(browser: Browser, kioskUrl: string, size: Size): Promise<Page> {
  const page = await browser.newPage({ viewport: { width: size.width, height: size.height } });
  await page.goto(new URL(LAYOUT_AUDIT_PAGE, kioskUrl).toString());
  await page.waitForFunction('typeof window.olifantAudit === "function"');
  return page;
}

export function auditPack(page: Page, pack: KioskPack): Promise<AuditReport> {
  return page.evaluate(`window.olifantAudit(${JSON.stringify(pack)})`) as Promise<AuditReport>;
}

/** Leaves screen `index` of the pack's audit on the page; returns the names of all its screens. */
export function showScreen(page: Page, pack: KioskPack, index: number): Promise<Array<{ screen: ScreenName; language: string }>> {
  return page.evaluate(`window.olifantShowScreen(${JSON.stringify(pack)}, ${index})`) as Promise<Array<{ screen: ScreenName; language: string }>>;
}

/** A self-contained file of the renderer's, as JavaScript a page can run (its types erased, its exports plain functions). */
const sources = new Map<string, Promise<string>>();
export function pageSource(file: URL): Promise<string> {
  let source = sources.get(file.href);
  if (!source) {
    const name = path.basename(file.pathname);
    source = transform(name, readFileSync(file, 'utf8')).then((out) => {
      if (out.errors.length > 0) throw new Error(`${name}: ${out.errors.map((e) => e.message).join('; ')}`);
      return out.code.replace(/^export /gm, '');
    });
    sources.set(file.href, source);
  }
  return source;
}

/** The layout rules' own source (renderer/kiosk/audit/layout-check.ts). */
const CHECK_FILE = new URL('../../renderer/kiosk/audit/layout-check.ts', import.meta.url);

/** The same layout check the audit runs, on whatever `page` shows now; with the student screens' limits unless told. */
export async function checkPage(page: Page, limits?: LayoutLimits): Promise<LayoutFinding[]> {
  return page.evaluate(`(() => {\n${await pageSource(CHECK_FILE)}\nreturn checkLayout(${limits ? JSON.stringify(limits) : ''});\n})()`) as Promise<LayoutFinding[]>;
}
