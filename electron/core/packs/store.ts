// The kiosk's own pack storage, as ../shared/content-pack.md's "Installing" asks: a pack is
// copied into <data dir>/packs/<folder>/, the copy is checked again, and only then one
// atomic write of state.json ({ current, previous }) switches to it. A stick pulled out, a
// full disk or a crash at any step leaves the previous pack running; the next start tidies
// half-copied folders away. The previous pack stays for a roll-back. state.json is read
// again on every refresh(), so a pack switched by the `olifant` command runs without a
// restart; the bundled default pack runs while the store is empty or unusable.

import { randomBytes } from 'node:crypto';
import { mkdirSync, readdirSync, readFileSync, renameSync, rmSync } from 'node:fs';
import { copyFile, mkdir, open, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { checkPack, PACK_FOLDER, packFolder, PackError, type CheckedPack, type TrustOptions } from '../../../content/pack.ts';
import { syncFolder, writeFileAtomic } from '../platform/atomic.ts';
import type { Logger } from '../platform/log.ts';
import { loadBundledPack } from './bundled.ts';

export const STATE_FILE = 'state.json';
/** A folder name the store made: nothing a path could escape with. */
const FOLDER = /^[a-z0-9-]{1,40}-v\d{1,16}-[0-9a-f]{8}$/;
const INCOMING = '.incoming-';

export interface PackState {
  current: string | null;
  previous: string | null;
}

/** The steps of an install, in order, for progress and for crash tests; `copying` comes once per file. */
export type InstallStep = 'checked' | 'copying' | 'copied' | 'verified' | 'switched';

export interface PackStoreOptions {
  /** The store folder, <data dir>/packs. */
  dir: string;
  /** What runs when no installed pack can. */
  bundled: CheckedPack;
  /** Read per check: the operator may trust another key without a restart. */
  trust: () => TrustOptions;
  log: Logger;
}

export interface InstallOptions {
  /** The operator confirmed a pack with the running pack's id and a version that is not higher. */
  rollback?: boolean;
  onStep?: (step: InstallStep, file?: string) => void;
}

/** A stick or disk failure while copying, in the operator's words. */
function copyFailure(error: NodeJS.ErrnoException): Error {
  if (error.code === 'ENOSPC' || error.code === 'EDQUOT') return new Error("The kiosk's disk is full, so the pack could not be copied. Nothing changed: the running pack stays.");
  return new Error(`The USB stick could not be read while the pack was copied (${error.code ?? error.message}); was it pulled out? Nothing changed: put it back and try again.`);
}

export class PackStore {
  private readonly options: PackStoreOptions;
  private running: { folder: string | null; pack: CheckedPack };
  private readonly listeners = new Set<(pack: CheckedPack) => void>();
  private refreshing: Promise<boolean> | null = null;

  constructor(options: PackStoreOptions) {
    this.options = options;
    this.running = { folder: null, pack: options.bundled };
    mkdirSync(options.dir, { recursive: true });
  }

  /** The pack running now. */
  current(): CheckedPack {
    return this.running.pack;
  }

  onChange(listener: (pack: CheckedPack) => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  /** Reads state.json and, when it names another pack, checks and runs that one; true when the running pack changed. */
  refresh(): Promise<boolean> {
    this.refreshing ??= this.load().finally(() => {
      this.refreshing = null;
    });
    return this.refreshing;
  }

  /** What state.json says; an unreadable or damaged one counts as empty (logged). */
  state(): PackState {
    return this.readState() ?? { current: null, previous: null };
  }

  /** state.json, or null when it cannot be read or is damaged (logged); a missing one is an empty store. */
  private readState(): PackState | null {
    let text: string;
    try {
      text = readFileSync(path.join(this.options.dir, STATE_FILE), 'utf8');
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code === 'ENOENT') return { current: null, previous: null };
      this.options.log('error', `cannot read the content pack state: ${(error as Error).message}`);
      return null;
    }
    try {
      const state = JSON.parse(text) as Record<string, unknown>;
      const folder = (v: unknown) => (typeof v === 'string' && FOLDER.test(v) ? v : null);
      return { current: folder(state.current), previous: folder(state.previous) };
    } catch {
      this.options.log('error', `${path.join(this.options.dir, STATE_FILE)} is damaged; showing the questions that come with the app until a pack is installed again`);
      return null;
    }
  }

  /**
   * Installs the pack in `source` (a drive root or its olifant-pack folder): check, copy only
   * the listed files, check the copy, switch in one step. Throws PackError for a refused pack,
   * Error in the operator's words for a stick or disk failure; nothing changes then.
   */
  async install(source: string, options: InstallOptions = {}): Promise<CheckedPack> {
    const checked = await checkPack(packFolder(source), this.options.trust());
    const running = this.current().pack;
    if (checked.pack.id === running.id && checked.pack.version <= running.version && !options.rollback) {
      throw new PackError('pack.json', 'version', `this is version ${checked.pack.version} of ${running.id}, and version ${running.version} is running: installing it is a roll-back, which must be confirmed`);
    }
    options.onStep?.('checked');
    const incoming = path.join(this.options.dir, `${INCOMING}${randomBytes(4).toString('hex')}`);
    const folder = `${checked.pack.id}-v${checked.pack.version}-${randomBytes(4).toString('hex')}`;
    try {
      await this.copy(checked, path.join(incoming, PACK_FOLDER), options.onStep);
      options.onStep?.('copied');
      const copy = await checkPack(path.join(incoming, PACK_FOLDER), this.options.trust());
      if (!copy.manifest.equals(checked.manifest)) throw new Error('The pack on the stick changed while it was copied. Nothing changed: try again.');
      renameSync(incoming, path.join(this.options.dir, folder));
      syncFolder(this.options.dir);
      options.onStep?.('verified');
    } catch (error) {
      rmSync(incoming, { recursive: true, force: true });
      throw error;
    }
    const state = this.state();
    this.writeState({ current: folder, previous: state.current });
    options.onStep?.('switched');
    this.tidy();
    await this.refresh();
    return this.current();
  }

  /** Runs the previous pack again (and keeps the one that ran as the previous). */
  async rollback(): Promise<CheckedPack> {
    const state = this.state();
    if (!state.previous) throw new Error('There is no previous pack to go back to.');
    this.writeState({ current: state.previous, previous: state.current });
    await this.refresh();
    return this.current();
  }

  /** Removes half-copied folders, and packs that are neither current nor previous (none while state.json is damaged). */
  tidy(): void {
    const state = this.readState();
    for (const name of readdirSync(this.options.dir)) {
      const leftover = name.startsWith(INCOMING) || (state !== null && FOLDER.test(name) && name !== state.current && name !== state.previous);
      if (leftover) rmSync(path.join(this.options.dir, name), { recursive: true, force: true });
    }
  }

  private writeState(state: PackState): void {
    writeFileAtomic(path.join(this.options.dir, STATE_FILE), JSON.stringify(state) + '\n');
  }

  /** Writes pack.json (the bytes that were checked), pack.sig and the listed assets, each flushed to disk; nothing else from the stick. */
  private async copy(checked: CheckedPack, to: string, onStep: InstallOptions['onStep']): Promise<void> {
    const put = async (rel: string, write: (file: string) => Promise<void>) => {
      onStep?.('copying', rel);
      const file = path.join(to, ...rel.split('/'));
      await mkdir(path.dirname(file), { recursive: true });
      await write(file);
      const handle = await open(file, 'r+');
      try {
        await handle.sync();
      } finally {
        await handle.close();
      }
    };
    const writeBytes = (bytes: Buffer | string) => (file: string) => writeFile(file, bytes);
    try {
      await put('pack.json', writeBytes(checked.manifest));
      if (checked.signature !== null) await put('pack.sig', writeBytes(checked.signature));
      for (const rel of Object.keys(checked.pack.assets)) await put(rel, (file) => copyFile(path.join(checked.dir, ...rel.split('/')), file));
    } catch (error) {
      throw copyFailure(error as NodeJS.ErrnoException);
    }
    syncFolder(to);
  }

  private async load(): Promise<boolean> {
    const { current: folder } = this.state();
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
}

/** The store of a data folder, tidied and refreshed: what runs now, ready to install into. */
export async function openPackStore(dataDir: string, trust: () => TrustOptions, log: Logger): Promise<PackStore> {
  const store = new PackStore({ dir: path.join(dataDir, 'packs'), bundled: await loadBundledPack(), trust, log });
  store.tidy();
  await store.refresh();
  return store;
}
