// The kiosk's own pack storage, as ../shared/content-pack.md's "Installing" asks: a pack is
// copied into <data dir>/packs/<folder>/, the copy is checked again, and only then one
// atomic write of state.json ({ current, previous }) switches to it. A stick pulled out, a
// full disk or a crash at any step leaves the previous pack running; half-copied folders are
// tidied away by the next install or start. The previous pack stays for a roll-back. One
// install at a time, across processes (SQLite's lock on a file, let go of by a process that dies). refresh() reads state.json again, so a
// pack switched by the `olifant` command runs in a kiosk without a restart; the bundled
// default pack runs while the store is empty or unusable.

import { randomBytes } from 'node:crypto';
import type { Static } from 'typebox';
import Database from 'better-sqlite3';
import { existsSync, mkdirSync, readdirSync, readFileSync, renameSync, rmSync } from 'node:fs';
import path from 'node:path';
import { checkPack, PACK_FOLDER, packFolder, PackError, parseManifest, type CheckedPack, type Pack, type TrustOptions } from '../../../content/pack.ts';
import { Shape } from '../../../content/schema-check.ts';
import { copyPack } from '../../../content/pack-copy.ts';
import { ApiError } from '../../api/errors.ts';
import { PACK_FOLDER_NAME, PACK_STATE } from '../../api/schemas/kiosk-files.ts';
import { syncFolder, writeFileAtomic } from '../../platform/atomic.ts';
import { troubleOf, writeProblem } from '../../platform/errno.ts';
import type { Logger } from '../../platform/log.ts';
import { loadBundledPack } from './bundled.ts';

const STATE_FILE = 'state.json';
/** The install lock (SQLite's, see locked()). */
const LOCK_FILE = '.install-lock.sqlite';
/** A folder name the store made: nothing a path could escape with. */
const FOLDER = new Shape(PACK_FOLDER_NAME);
/** What state.json holds. */
const STATE = new Shape(PACK_STATE);
const INCOMING = '.incoming-';

/** The pack that runs and the one before it, as folders of the store (null: the pack that came with the app). */
export type PackState = Static<typeof PACK_STATE>;

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
  /** The pack.json the operator saw in the preview: a stick that now holds another is refused. */
  previewed?: Buffer;
  /** Refused unless signed by a trusted key, whatever the settings allow (a pack a hub offered). */
  signedOnly?: boolean;
  onStep?: (step: InstallStep, file?: string) => void;
}

/** A failure of the kiosk's own disk while writing a pack, in the operator's words. */
function diskFailure(error: unknown): ApiError {
  if (troubleOf(error) === 'full') return new ApiError('storage', "The kiosk's disk is full, so the pack could not be copied. Nothing changed: the running pack stays.");
  return new ApiError('storage', `The kiosk could not write the pack into its data folder (${writeProblem(error)}). Nothing changed: the running pack stays.`);
}

/** A failure to read the stick while copying, in the operator's words. */
function stickFailure(error: Error): ApiError {
  return new ApiError('storage', `The USB stick could not be read while the pack was copied (${error.message}); was it pulled out? Nothing changed: put it back and try again.`);
}

const ANOTHER_INSTALL = 'Another content pack is being installed right now; wait until it is done, then try again.';

export class PackStore {
  private readonly options: PackStoreOptions;
  /** What runs, and what it was loaded from: the state's folder and the trust it was checked with. */
  private running: { key: string; pack: CheckedPack };
  private readonly listeners = new Set<(pack: CheckedPack) => void>();
  private loads: Promise<unknown> = Promise.resolve();
  /** The previous pack's manifest, read once per folder. */
  private before: { folder: string; pack: Pack | null } | null = null;

  constructor(options: PackStoreOptions) {
    this.options = options;
    this.running = { key: this.key(null), pack: options.bundled };
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

  /** Reads state.json and, when it names another pack (or the trusted keys changed), checks and runs it; true when the running pack changed. */
  refresh(): Promise<boolean> {
    // One load at a time, each reading state.json afresh: a refresh never answers with an older read.
    const load = this.loads.then(() => this.load());
    this.loads = load.catch(() => {});
    return load;
  }

  /** What state.json says; an unreadable or damaged one counts as empty (logged). */
  state(): PackState {
    return this.readState() ?? { current: null, previous: null };
  }

  /**
   * Installs the pack in `source` (a drive root or its olifant-pack folder): check, copy only
   * the listed files, check the copy, switch in one step. Throws PackError for a refused pack,
   * Error in the operator's words for a stick or disk failure; nothing changes then.
   */
  install(source: string, options: InstallOptions = {}): Promise<CheckedPack> {
    return this.locked(async () => {
      await this.refresh();
      const checked = await this.check(source, options).catch((error: Error) => {
        // A stick pulled out during the check looks like missing files: say what really happened.
        throw existsSync(packFolder(source)) ? error : stickFailure(error);
      });
      if (options.previewed && !checked.manifest.equals(options.previewed)) {
        throw new Error('The pack on the USB stick is not the one shown (was the stick changed?). Nothing changed: look at the new preview, then install.');
      }
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
        await checkPack(path.join(incoming, PACK_FOLDER), this.trust(options));
        renameSync(incoming, path.join(this.options.dir, folder));
        syncFolder(this.options.dir);
        options.onStep?.('verified');
      } catch (error) {
        rmSync(incoming, { recursive: true, force: true });
        throw error;
      }
      const before = this.readState();
      this.writeState({ current: folder, previous: before?.current ?? null });
      options.onStep?.('switched');
      // While state.json was damaged, nobody knows which other pack was the previous one: keep them all.
      this.tidy(before !== null);
      await this.refresh();
      return this.current();
    });
  }

  /** Checks a pack (a drive root or its olifant-pack folder) as an install would, changing nothing. */
  check(source: string, options: Pick<InstallOptions, 'signedOnly'> = {}): Promise<CheckedPack> {
    return checkPack(packFolder(source), this.trust(options));
  }

  /** The trust a check runs with: the settings', and never an unsigned pack where only a signed one may come. */
  private trust(options: Pick<InstallOptions, 'signedOnly'>): TrustOptions {
    const trust = this.options.trust();
    return options.signedOnly ? { ...trust, allowUnsigned: false } : trust;
  }

  /** The pack a roll-back would run; null when there is none, or its pack.json cannot be read. */
  previous(): Pack | null {
    const { current, previous } = this.state();
    if (previous === null) return current === null ? null : this.options.bundled.pack;
    if (this.before?.folder !== previous) {
      let pack: Pack | null = null;
      try {
        pack = parseManifest(readFileSync(path.join(this.options.dir, previous, PACK_FOLDER, 'pack.json')));
      } catch (error) {
        this.options.log('warn', `the previous content pack ${previous} cannot be read (${(error as Error).message}); a roll-back to it would be refused`);
      }
      this.before = { folder: previous, pack };
    }
    return this.before.pack;
  }

  /** Runs the previous pack again (and keeps the one that ran as the previous), once it checks out; before the first install, that was the bundled pack. */
  rollback(): Promise<CheckedPack> {
    return this.locked(async () => {
      const state = this.state();
      if (state.previous === null && state.current === null) throw new Error('There is no previous pack to go back to.');
      try {
        // No previous folder: the pack that came with the app ran before the first install.
        if (state.previous !== null) await checkPack(path.join(this.options.dir, state.previous, PACK_FOLDER), this.options.trust());
      } catch (error) {
        throw new Error(`The previous pack cannot be used (${(error as Error).message}); the running pack stays.`);
      }
      this.writeState({ current: state.previous, previous: state.current });
      await this.refresh();
      return this.current();
    });
  }

  /** At start-up: removes what an interrupted install left, unless an install is running right now. */
  async tidyAtStart(): Promise<void> {
    try {
      await this.locked(async () => this.tidy(this.readState() !== null));
    } catch (error) {
      const busy = error instanceof ApiError && error.failure.code === 'busy';
      this.options.log(busy ? 'info' : 'warn', busy
        ? 'the content pack store is not tidied now: another process is installing a pack, and tidies it when done'
        : `the content pack store could not be tidied (${(error as Error).message}); half-copied packs may stay in ${this.options.dir} until the next install`);
    }
  }

  /** Half-copied folders, and (when the state is known) packs that are neither current nor previous. Only under the lock. */
  private tidy(packsToo: boolean): void {
    const state = this.state();
    for (const name of readdirSync(this.options.dir)) {
      const unused = packsToo && FOLDER.is(name) && name !== state.current && name !== state.previous;
      if (name.startsWith(INCOMING) || unused) rmSync(path.join(this.options.dir, name), { recursive: true, force: true });
    }
  }

  /**
   * Runs `work` holding the store's install lock: an exclusive transaction on a small SQLite file
   * beside the packs, which the system lets go of when its process ends, however it ends. While
   * another store holds it (in this process or another), refuses at once.
   */
  private async locked<T>(work: () => Promise<T>): Promise<T> {
    const lock = new Database(path.join(this.options.dir, LOCK_FILE), { timeout: 0 });
    try {
      try {
        lock.exec('BEGIN EXCLUSIVE');
      } catch (error) {
        if ((error as { code?: string }).code === 'SQLITE_BUSY') throw new ApiError('busy', ANOTHER_INSTALL);
        throw error;
      }
      return await work();
    } finally {
      lock.close();
    }
  }

  private readState(): PackState | null {
    let text: string;
    try {
      text = readFileSync(path.join(this.options.dir, STATE_FILE), 'utf8');
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code === 'ENOENT') return { current: null, previous: null };
      this.options.log('error', `cannot read the content pack state: ${(error as Error).message}`);
      return null;
    }
    let refused: string;
    try {
      const state: unknown = JSON.parse(text);
      if (STATE.is(state)) return state;
      refused = STATE.refusal(state, 'the state')!.message;
    } catch (error) {
      refused = (error as Error).message;
    }
    // While it is damaged, nobody knows which packs are in use: none is tidied away (see install()).
    this.options.log('error', `${path.join(this.options.dir, STATE_FILE)} is damaged (${refused}); showing the questions that come with the app until a pack is installed again`);
    return null;
  }

  private writeState(state: PackState): void {
    writeFileAtomic(path.join(this.options.dir, STATE_FILE), JSON.stringify(state) + '\n');
  }

  /** The pack's own files, copied (content/pack-copy.ts) and flushed to disk; nothing else from the stick. The copy is checked again afterwards. */
  private async copy(checked: CheckedPack, to: string, onStep: InstallOptions['onStep']): Promise<void> {
    await copyPack(checked, to, { onFile: (rel) => onStep?.('copying', rel), readFailed: stickFailure, writeFailed: diskFailure });
    syncFolder(to);
  }

  private key(folder: string | null): string {
    return JSON.stringify([folder, folder && this.options.trust()]);
  }

  private async load(): Promise<boolean> {
    const { current: folder } = this.state();
    const key = this.key(folder);
    if (key === this.running.key) return false;
    let pack = this.options.bundled;
    if (folder !== null) {
      try {
        pack = await checkPack(path.join(this.options.dir, folder, PACK_FOLDER), this.options.trust());
      } catch (error) {
        this.options.log('error', `the installed content pack ${folder} cannot be used (${(error as Error).message}); showing the questions that come with the app until a pack is installed again`);
      }
    }
    const changed = pack.dir !== this.running.pack.dir || !pack.manifest.equals(this.running.pack.manifest);
    this.running = { key, pack };
    if (changed) {
      this.options.log('info', `content pack ${pack.pack.id} version ${pack.pack.version} is running`);
      for (const listener of this.listeners) listener(pack);
    }
    return changed;
  }
}

/** The settings a pack is checked with (read per check). */
export interface PackTrustSettings {
  trustedKeys: string[];
  allowUnsignedPacks: boolean;
}

/** The store of a data folder (<data dir>/packs), tidied and refreshed: what runs now, ready to install into. */
export async function openPackStore(dataDir: string, settings: () => PackTrustSettings, log: Logger, bundled?: CheckedPack): Promise<PackStore> {
  const trust = () => {
    const { trustedKeys, allowUnsignedPacks } = settings();
    return { trustedKeys, allowUnsigned: allowUnsignedPacks };
  };
  const store = new PackStore({ dir: path.join(dataDir, 'packs'), bundled: bundled ?? (await loadBundledPack()), trust, log });
  await store.tidyAtStart();
  await store.refresh();
  return store;
}
