// The pillars a hub knows: each registered by the tour organiser with its id (the one the
// pillar shows on its service screen), given a random token that is shown once and stored
// only as its SHA-256 (a token is 32 random bytes, so a fast hash is enough), and revocable.

import { createHash, randomBytes, timingSafeEqual } from 'node:crypto';
import { hourOf } from '../core/answers/store.ts';
import type { HubStore, PillarRow } from './store.ts';

const PILLAR_ID = /^[\w.-]{1,60}$/;

/** A refusal of the tour organiser's command, in their words. */
export class PillarError extends Error {
  override name = 'PillarError';
}

const hashOf = (token: string) => createHash('sha256').update(token, 'utf8').digest();

export class Pillars {
  private readonly store: HubStore;

  constructor(store: HubStore) {
    this.store = store;
  }

  /** Registers a pillar and returns its token: shown this once, never stored as such. */
  add(id: string, name: string = id): string {
    if (!PILLAR_ID.test(id)) throw new PillarError(`"${id}" is not a pillar id: it is up to 60 letters, digits, dashes, underscores or dots, as the pillar's service screen shows it`);
    const known = this.get(id);
    if (known && !known.revoked) throw new PillarError(`pillar ${id} is registered already; revoke it first to give it a new token`);
    const token = randomBytes(32).toString('base64url');
    // A revoked pillar registered again keeps its row (and the key its bundles are signed with).
    this.store.db
      .prepare('INSERT INTO pillars (id, name, token_hash, added_hour) VALUES (?, ?, ?, ?) ON CONFLICT(id) DO UPDATE SET name = excluded.name, token_hash = excluded.token_hash, revoked = 0')
      .run(id, name, hashOf(token), hourOf(new Date()));
    this.store.event(id, 'pillar', `registered as "${name}"`);
    return token;
  }

  /** Takes back a pillar's token: its pushes are refused from now on (401). Its answers stay. */
  revoke(id: string): void {
    if (!this.get(id)) throw new PillarError(`no pillar ${id} is registered`);
    this.store.db.prepare('UPDATE pillars SET revoked = 1 WHERE id = ?').run(id);
    this.store.event(id, 'pillar', 'token revoked');
  }

  /** Takes a pillar's public key (its bundles are signed with it), registering a pillar seen only through bundles. */
  trustKey(id: string, publicKey: string): void {
    if (!PILLAR_ID.test(id)) throw new PillarError(`"${id}" is not a pillar id`);
    // A pillar known only from bundles has no token: a random hash nobody holds the token of.
    this.store.db
      .prepare('INSERT INTO pillars (id, name, token_hash, public_key, added_hour) VALUES (?, ?, ?, ?, ?) ON CONFLICT(id) DO UPDATE SET public_key = excluded.public_key')
      .run(id, id, randomBytes(32), publicKey, hourOf(new Date()));
    this.store.event(id, 'pillar', `its bundle key was trusted: ${publicKey}`);
  }

  get(id: string): PillarRow | undefined {
    return this.store.db.prepare('SELECT id, name, public_key, revoked, added_hour FROM pillars WHERE id = ?').get(id) as PillarRow | undefined;
  }

  list(): PillarRow[] {
    return this.store.db.prepare('SELECT id, name, public_key, revoked, added_hour FROM pillars ORDER BY id').all() as PillarRow[];
  }

  /** The pillar a bearer token belongs to; null for an unknown or revoked token. Compared in constant time. */
  authenticate(token: string): string | null {
    const hash = hashOf(token);
    const rows = this.store.db.prepare('SELECT id, token_hash FROM pillars WHERE revoked = 0').all() as Array<{ id: string; token_hash: Buffer }>;
    let found: string | null = null;
    for (const row of rows) if (timingSafeEqual(row.token_hash, hash)) found = row.id;
    return found;
  }
}
