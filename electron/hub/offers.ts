// Pack offers on the hub (results-sync-v2.md, "Pack offers"): the tour organiser publishes a
// signed pack to chosen pillars; the hub keeps its files as they were given, in
// <data dir>/offers/<folder>/olifant-pack/, and one offer per pillar (a random UUID). Each
// chosen pillar's check-in is answered with its offers until it reports one finished; its
// reports keep each offer's state and reason. Only a chosen pillar is told of an offer or
// given its files, and only the files the offer lists. Every look-up goes by an index.

import type Database from 'better-sqlite3';
import { randomBytes, randomUUID } from 'node:crypto';
import { mkdirSync, renameSync, rmSync } from 'node:fs';
import path from 'node:path';
import { PACK_FOLDER } from '../../content/pack.ts';
import { systemClock, type Clock } from '../../time/clock.ts';
import type { Offer, OfferReport } from '../api/check-in.ts';
import type { OfferRow } from '../api/organiser.ts';
import { hourOf } from '../results/records.ts';
import { takePack, type PackFile } from './publish.ts';

/** The hub's offers, a migration of its own (store.ts lists it). */
export const OFFERS_MIGRATION = `
  CREATE TABLE offer_packs (
    folder TEXT PRIMARY KEY,
    pack_id TEXT NOT NULL,
    version INTEGER NOT NULL,
    files TEXT NOT NULL,
    published_hour TEXT NOT NULL
  ) STRICT;
  CREATE TABLE offers (
    seq INTEGER PRIMARY KEY,
    offer_id TEXT NOT NULL UNIQUE,
    pillar_id TEXT NOT NULL,
    folder TEXT NOT NULL REFERENCES offer_packs (folder),
    state TEXT NOT NULL,
    reason TEXT,
    changed_hour TEXT NOT NULL
  ) STRICT;
  CREATE INDEX offers_by_pillar ON offers (pillar_id, state);`;

const OPEN = `state IN ('offered', 'waiting')`;

/** A publish refused before anything was kept: no pillar, or one the hub does not know. */
export class PublishError extends Error {
  override name = 'PublishError';
}

/** What the offers need of the hub's store (store.ts's HubStore). */
interface OfferStore {
  db: Database.Database;
  dir: string;
  event(pillarId: string | null, kind: string, detail: string): void;
}

/** What the hub knows of a pillar id: nothing, or whether its token is revoked. */
type KnownPillar = (id: string) => { revoked: number } | undefined;

const INCOMING = '.incoming-';

export class Offers {
  private readonly store: OfferStore;
  private readonly clock: Clock;
  private readonly open: Database.Statement;
  private readonly one: Database.Statement;
  private readonly report: Database.Statement;

  constructor(store: OfferStore, clock: Clock = systemClock) {
    this.store = store;
    this.clock = clock;
    this.open = store.db.prepare(`SELECT o.offer_id, p.pack_id, p.version, p.files FROM offers o JOIN offer_packs p ON p.folder = o.folder WHERE o.pillar_id = ? AND o.${OPEN} ORDER BY o.seq`);
    this.one = store.db.prepare('SELECT o.pillar_id, o.folder, o.state, p.files FROM offers o JOIN offer_packs p ON p.folder = o.folder WHERE o.offer_id = ?');
    this.report = store.db.prepare(`UPDATE offers SET state = @state, reason = @reason, changed_hour = @hour WHERE offer_id = @offer_id AND pillar_id = @pillar_id AND ${OPEN} AND (state <> @state OR reason IS NOT @reason)`);
  }

  private get folder(): string {
    return path.join(this.store.dir, 'offers');
  }

  /**
   * Publishes the pack at `source` (a pack folder, the drive holding it, or a zip, called `name`) to the pillars
   * `to`: checked, its files kept, one offer per pillar. Throws PublishError for pillars the hub
   * does not know, PackError (the rule in words) for a pack that may not be offered; nothing is kept then.
   */
  async publish(source: string, to: string[], known: KnownPillar, trustedKeys: string[] = [], name?: string): Promise<{ packId: string; version: number; offers: Array<{ pillarId: string; offerId: string }> }> {
    const pillars = [...new Set(to)];
    if (pillars.length === 0) throw new PublishError('name the pillars to offer the pack to (--to PILLAR_ID ...); `olifant hub pillars` lists them');
    const unknown = pillars.filter((id) => !known(id));
    if (unknown.length > 0) throw new PublishError(`this hub has no pillar ${unknown.join(', ')}; nothing was published. \`olifant hub pillars\` lists the registered pillars`);
    const revoked = pillars.filter((id) => known(id)!.revoked);
    if (revoked.length > 0) throw new PublishError(`pillar ${revoked.join(', ')} is revoked on this hub, so it cannot fetch the pack; nothing was published`);
    mkdirSync(this.folder, { recursive: true });
    const incoming = path.join(this.folder, `${INCOMING}${randomBytes(4).toString('hex')}`);
    let kept: string | null = null;
    try {
      const { checked, files } = await takePack(source, path.join(incoming, PACK_FOLDER), trustedKeys, name);
      const { id, version } = checked.pack;
      const folder = `${id}-v${version}-${randomBytes(4).toString('hex')}`;
      renameSync(incoming, path.join(this.folder, folder));
      kept = folder;
      const hour = hourOf(new Date(this.clock.now()));
      const offers = pillars.map((pillarId) => ({ pillarId, offerId: randomUUID() }));
      this.store.db.transaction(() => {
        this.store.db.prepare('INSERT INTO offer_packs (folder, pack_id, version, files, published_hour) VALUES (?, ?, ?, ?, ?)').run(folder, id, version, JSON.stringify(files), hour);
        const insert = this.store.db.prepare(`INSERT INTO offers (offer_id, pillar_id, folder, state, changed_hour) VALUES (?, ?, ?, 'offered', ?)`);
        for (const offer of offers) {
          insert.run(offer.offerId, offer.pillarId, folder, hour);
          this.store.event(offer.pillarId, 'offer', `pack ${id} version ${version} offered (offer ${offer.offerId})`);
        }
      }).immediate();
      kept = null;
      return { packId: id, version, offers };
    } finally {
      rmSync(incoming, { recursive: true, force: true });
      if (kept !== null) rmSync(path.join(this.folder, kept), { recursive: true, force: true });
    }
  }

  /** Takes a pillar's reports (of its own offers only; a final state stays), and answers with the offers still open for it. */
  offersFor(pillarId: string, reports: OfferReport[]): Offer[] {
    const hour = hourOf(new Date(this.clock.now()));
    this.store.db.transaction(() => {
      for (const r of reports) {
        if (this.report.run({ offer_id: r.offer_id, pillar_id: pillarId, state: r.state, reason: r.reason, hour }).changes === 1) {
          this.store.event(pillarId, 'offer', `offer ${r.offer_id}: ${r.state}${r.reason ? ` (${r.reason})` : ''}`);
        }
      }
    })();
    return (this.open.all(pillarId) as Array<Omit<Offer, 'files'> & { files: string }>).map((row) => ({ ...row, files: JSON.parse(row.files) as PackFile[] }));
  }

  /** The file on disk of `rel` in one of this pillar's offers; null when the offer is not this pillar's or lists no such file. */
  fileOf(pillarId: string, offerId: string, rel: string): { file: string; bytes: number } | null {
    const row = this.one.get(offerId) as { pillar_id: string; folder: string; files: string } | undefined;
    if (!row || row.pillar_id !== pillarId) return null;
    // Only a path the offer lists, compared as given: nothing a request holds is joined to a path.
    const listed = (JSON.parse(row.files) as PackFile[]).find((f) => f.path === rel);
    return listed ? { file: path.join(this.folder, row.folder, PACK_FOLDER, ...listed.path.split('/')), bytes: listed.bytes } : null;
  }

  /** The newest offers first (at most `limit`), for the organiser. */
  list(limit = 200): OfferRow[] {
    return this.store.db
      .prepare(`SELECT o.offer_id AS offerId, o.pillar_id AS pillarId, p.pack_id AS packId, p.version, o.state, o.reason, o.changed_hour AS changedHour FROM offers o JOIN offer_packs p ON p.folder = o.folder ORDER BY o.seq DESC LIMIT ?`)
      .all(limit) as OfferRow[];
  }
}
