// The kiosk's own pack storage: installed packs in <data dir>/packs/<folder>/, and a
// `current` file naming the one that runs (replaced in one atomic step, so a crash leaves
// either the old or the new name). The pointer is read again on every refresh(), so a pack
// switched by the `olifant` command or the operator screen runs without a restart; the
// bundled default pack runs while the store is empty or unreadable.

import { readFileSync } from 'node:fs';
import path from 'node:path';
import { checkPack, PACK_FOLDER, type CheckedPack, type TrustOptions } from '../../../content/pack.ts';
import type { Logger } from '../platform/log.ts';

export const CURRENT_FILE = 'current';
/** A folder name in the store: no separators, no dots at the start, nothing a path could escape with. */
const FOLDER = /^[\w][\w.-]{0,120}$/;

export interface PackStoreOptions {
  /** The store folder, <data dir>/packs. */
  dir: string;
  /** What runs when no installed pack can. */
  bundled: CheckedPack;
  /** Read per check: the operator may trust another key without a restart. */
  trust: () => TrustOptions;
  log: Logger;
}

export class PackStore {
  private readonly options: PackStoreOptions;
  private running: { folder: string | null; pack: CheckedPack };
  private readonly listeners = new Set<(pack: CheckedPack) => void>();
  private refreshing: Promise<boolean> | null = null;

  constructor(options: PackStoreOptions) {
    this.options = options;
    this.running = { folder: null, pack: options.bundled };
  }

  /** The pack running now. */
  current(): CheckedPack {
    return this.running.pack;
  }

  onChange(listener: (pack: CheckedPack) => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  /** Reads the pointer and, when it names another pack, checks and runs that one; true when the running pack changed. */
  refresh(): Promise<boolean> {
    this.refreshing ??= this.load().finally(() => {
      this.refreshing = null;
    });
    return this.refreshing;
  }

  private async load(): Promise<boolean> {
    const folder = this.pointer();
    if (folder === this.running.folder) return false;
    let pack = this.options.bundled;
    if (folder !== null) {
      try {
        pack = await checkPack(path.join(this.options.dir, folder, PACK_FOLDER), this.options.trust());
      } catch (error) {
        this.options.log('error', `the installed content pack ${folder} cannot be used (${(error as Error).message}); showing the questions that come with the app until a pack is installed again`);
      }
    }
    const changed = pack !== this.running.pack;
    this.running = { folder, pack };
    if (changed) {
      this.options.log('info', `content pack ${pack.pack.id} version ${pack.pack.version} is running`);
      for (const listener of this.listeners) listener(pack);
    }
    return changed;
  }

  /** The folder the pointer names; null when there is none, or it cannot be used (logged). */
  private pointer(): string | null {
    let text: string;
    try {
      text = readFileSync(path.join(this.options.dir, CURRENT_FILE), 'utf8').trim();
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'ENOENT') this.options.log('error', `cannot read the content pack pointer: ${(error as Error).message}`);
      return null;
    }
    if (FOLDER.test(text)) return text;
    this.options.log('error', `the content pack pointer ${path.join(this.options.dir, CURRENT_FILE)} names no pack folder; showing the questions that come with the app`);
    return null;
  }
}
