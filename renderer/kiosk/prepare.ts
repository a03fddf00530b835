// Before a pack's screens show (at start, for a new pack, in the layout audit): the
// hyphenation of its languages and the faces of the kiosk's font its texts need, so the first
// layout is the one that stays. It fails when either cannot be had: the kiosk then shows the
// pack all the same (unhyphenated, or in the fallback font until the fonts come), but the
// layout audit, which must measure what the pillar shows, says it could not measure.

import type { KioskPack } from '../../electron/api/student.ts';
import { loadHyphenation } from '../shared/hyphenate.ts';
import { offeredLanguages } from '../shared/i18n.ts';

/** The kiosk's font (main.tsx imports its faces). */
const FONT = '700 1rem "Atkinson Hyperlegible Next Variable"';

export async function preparePack(pack: KioskPack): Promise<void> {
  await Promise.all([loadHyphenation(offeredLanguages(pack.languages)), document.fonts.load(FONT, JSON.stringify(pack))]);
}
