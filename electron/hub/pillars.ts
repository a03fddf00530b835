// The pillars a hub knows: each registered by the tour organiser with its id (the one the
// pillar shows on its service screen), given a random token that is shown once and stored
// only as its SHA-256 (a token is 32 random bytes, so a fast hash is enough), and revocable.
// A pillar's bundle key is given when it is registered (or set later); only a pillar never
// registered gets its key from a bundle, when the person importing confirms it.

import { createHash, randomBytes, timingSafeEqual } from 'node:crypto';
import { hourOf } from '../results/records.ts';
import { Shape } from '../../content/schema-check.ts';
import { BUNDLE_KEY, PILLAR_ID } from '../api/schemas/sync.ts';
import type { HubStore, PillarRow } from './store.ts';

const ID = new Shape(PILLAR_ID);

/** A refusal of the tour organiser's command, in their words. */
export class PillarError extends Error {
  override name = 'PillarError';
}

/** The id, checked by its schema: a refusal names the rule in words. */
const pillarId = (id: string) => ID.check(id, 'the pillar id', (refusal) => new PillarError(refusal.message));

const hashOf = (token: string) => createHash('sha256').update(token, 'utf8').digest();

/** The one bundle key in a text: the key itself, or what `olifant pillar id` printed. */
export function bundleKeyIn(text: string): string {
  const keys = [...new Set(text.split(/\s+/).filter((word) => BUNDLE_KEY.test(word)))];
  if (keys.length === 1) return keys[0];
  throw new PillarError(keys.length === 0
    ? 'that is not a pillar\'s bundle key: it is 44 characters of base64 ending in "=", as `olifant pillar id` prints it on the pillar'
    : 'that text holds more than one bundle key: give the one `olifant pillar id` prints on the pillar');
}

export class Pillars {
  private readonly store: HubStore;

  constructor(store: HubStore) {
    this.store = store;
  }

  /** Registers a pillar, with its bundle key if given, and returns its token: shown this once, never stored as such. */
  add(id: string, name: string = id, publicKey?: string): string {
    pillarId(id);
    const known = this.get(id);
    if (known && !known.revoked) throw new PillarError(`pillar ${id} is registered already; revoke it first to give it a new token`);
    const token = randomBytes(32).toString('base64url');
    this.store.db.transaction(() => {
      // A revoked pillar registered again keeps its row (and its bundle key, unless given another).
      this.store.db
        .prepare('INSERT INTO pillars (id, name, token_hash, added_hour) VALUES (?, ?, ?, ?) ON CONFLICT(id) DO UPDATE SET name = excluded.name, token_hash = excluded.token_hash, revoked = 0')
        .run(id, name, hashOf(token), hourOf(new Date()));
      this.store.event(id, 'pillar', `registered as "${name}"`);
      if (publicKey !== undefined && publicKey !== known?.public_key) this.setKey(id, publicKey);
    })();
    return token;
  }

  /** Takes back a pillar's token: its pushes are refused from now on (401), and its bundles. Its answers stay. */
  revoke(id: string): void {
    if (!this.get(id)) throw new PillarError(`no pillar ${id} is registered`);
    this.store.db.prepare('UPDATE pillars SET revoked = 1 WHERE id = ?').run(id);
    this.store.event(id, 'pillar', 'token revoked');
  }

  /** Sets or replaces a registered pillar's bundle key (one trusted by mistake, say); logged with the old and the new. */
  setKey(id: string, publicKey: string): void {
    const known = this.get(id);
    if (!known) throw new PillarError(`no pillar ${id} is registered; \`olifant hub add-pillar ${id} --key KEY\` registers it with its key`);
    if (!BUNDLE_KEY.test(publicKey)) throw new PillarError(`"${publicKey}" is not a bundle key: it is 44 characters of base64 ending in "=", as \`olifant pillar id\` prints it`);
    this.store.db.prepare('UPDATE pillars SET public_key = ? WHERE id = ?').run(publicKey, id);
    this.store.event(id, 'pillar', `bundle key set to ${publicKey} (it was ${known.public_key ?? 'not set'})`);
  }

  /** Takes the key of a pillar this hub never registered, as the person importing its bundle confirmed it. */
  trustNewKey(id: string, publicKey: string): void {
    pillarId(id);
    if (this.get(id)) throw new PillarError(`pillar ${id} is registered already: its key is set with olifant hub set-pillar-key, never from a bundle`);
    // A pillar known only from bundles has no token: a random hash nobody holds the token of.
    this.store.db
      .prepare('INSERT INTO pillars (id, name, token_hash, public_key, added_hour) VALUES (?, ?, ?, ?, ?)')
      .run(id, id, randomBytes(32), publicKey, hourOf(new Date()));
    this.store.event(id, 'pillar', `never registered before; its bundle key was confirmed at import: ${publicKey}`);
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
