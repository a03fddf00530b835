// A content pack as the student screens get it: the running one (with its images served
// under /pack-assets/), or one on a stick whose screens the operator previews (no images).

import type { Pack } from '../../../content/types.ts';
import type { KioskPack } from '../../api/student.ts';

/** `url`: where a pack file is served; null where it is not. */
export function kioskPack(pack: Pack, url: (file: string | undefined) => string | null): KioskPack {
  return {
    id: pack.id,
    version: pack.version,
    title: pack.title,
    languages: pack.languages,
    headline: pack.attract.headline,
    attractImage: url(pack.attract.image),
    questions: pack.questions.map((q) => ({ ...q, imageUrl: url(q.image) })),
  };
}
