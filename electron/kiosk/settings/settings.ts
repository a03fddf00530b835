// The settings file, <data dir>/settings.json, written with defaults on first start.
// Until the operator screen exists, this is where the venue and the timings are set; the
// pillar's id lives in its own file (pillar-id.ts). The kiosk notices when someone else
// changes the file, within a few seconds. A file it cannot read is never overwritten.

import { mkdirSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import type { TSchema } from 'typebox';
import { Shape } from '../../../content/schema-check.ts';
import { BEFORE_ANY_VISIT } from '../../api/lecture.ts';
import { SETTINGS, type FileSettings } from '../../api/schemas/settings.ts';
import { systemClock, type Clock, type Timer } from '../../../time/clock.ts';
import { writeFileAtomic } from '../../platform/atomic.ts';
import type { Logger } from '../../platform/log.ts';
import { PILLAR_ID_FILE, pillarIdentity } from './pillar-id.ts';

/** The settings in use: settings.json's (api/schemas/settings.ts), and which pillar recorded an answer (the tour may have more than one), from <data dir>/pillar-id. */
export type Settings = FileSettings & { pillarId: string };
export type { FileSettings };

function defaults(): FileSettings {
  return {
    venueSessionId: BEFORE_ANY_VISIT,
    pillar: 'auto',
    pillarPort: null,
    idleSeconds: 45,
    stillThereSeconds: 15,
    trustedKeys: [],
    allowUnsignedPacks: false,
    operatorPin: null,
    usbRoots: [],
    hubUrl: null,
    hubToken: null,
    stackCards: null,
    autoInstallOffers: false,
  };
}

/** Each setting's schema, and what a valid value is in the operator's words. */
const RULES: Record<string, { shape: Shape<TSchema>; is: string }> = Object.fromEntries(
  Object.entries(SETTINGS.properties).map(([key, schema]: [string, TSchema & { description?: string }]) => [key, { shape: new Shape(schema), is: schema.description ?? '' }]),
);

/** Settings whose values are never written to the log: the PIN's hash and the hub's token. */
const SECRET = new Set<keyof Settings>(['operatorPin', 'hubToken']);

/** What changed between two settings, one part per setting, secrets said without their value. */
function describeChanges(before: Settings, after: Settings): string {
  const keys = (Object.keys(after) as Array<keyof Settings>).filter((key) => JSON.stringify(before[key]) !== JSON.stringify(after[key]));
  return keys
    .map((key) => {
      const [was, is] = [before[key], after[key]];
      if (SECRET.has(key)) return `${key} ${was === null ? 'set' : is === null ? 'removed' : 'changed'}`;
      if (key === 'trustedKeys') {
        const [old, now] = [was as string[], is as string[]];
        const listed = (list: string[]) => list.map((k) => `${k.slice(0, 8)}…`).join(', ');
        const added = now.filter((k) => !old.includes(k));
        const removed = old.filter((k) => !now.includes(k));
        return `trustedKeys ${[added.length ? `added ${listed(added)}` : '', removed.length ? `removed ${listed(removed)}` : ''].filter(Boolean).join(', ') || 'reordered'}`;
      }
      return `${key} ${JSON.stringify(was)} → ${JSON.stringify(is)}`;
    })
    .join('; ');
}

/** A settings change that was refused; the message says why, in the operator's words. */
export class SettingsError extends Error {
  override name = 'SettingsError';
}

/** What settings.json holds; a file with a problem keeps its text, in case it still names the pillar's id. */
type FileState = { parsed: Record<string, unknown> } | { problem: string; raw: string | null } | { missing: true };

/** How often a change by someone else to settings.json is looked for. */
const POLL_MS = 2000;

/** The live settings: read at start, changed through update(), or on disk by someone else. */
export class SettingsStore {
  readonly file: string;
  private readonly pillarId: string;
  private settings: Settings;
  private readonly listeners = new Set<(settings: Settings) => void>();
  private readonly log: Logger;
  /** The file as it was when last read (inode, size, time): a change since is looked for every POLL_MS. */
  private seen: string | null = null;
  private readonly clock: Clock;
  private readonly poll: Timer;

  constructor(dataDir: string, log: Logger, clock: Clock = systemClock) {
    this.file = path.join(dataDir, 'settings.json');
    this.log = log;
    this.clock = clock;
    mkdirSync(dataDir, { recursive: true });
    let state = this.read();
    if ('missing' in state) {
      writeFileAtomic(this.file, JSON.stringify(defaults(), null, 2) + '\n');
      log('info', `wrote default settings to ${this.file}`);
      state = { parsed: { ...defaults() } };
    }
    const unread = 'problem' in state ? state : null;
    const mayNameId = unread !== null && (unread.raw === null || unread.raw.includes('pillarId'));
    this.pillarId = pillarIdentity(dataDir, 'parsed' in state ? state.parsed.pillarId : undefined, log, mayNameId ? unread.problem : null);
    this.settings = this.settle(state, { pillarId: this.pillarId, ...defaults() }, 'the default settings');
    // Compared with what was read, not with a first look taken later (which a change made
    // meanwhile, on a busy machine, would already be part of).
    this.poll = clock.setInterval(() => {
      if (this.stamp() !== this.seen) this.reload();
    }, POLL_MS);
    this.poll.unref();
  }

  current(): Settings {
    return this.settings;
  }

  /** Calls back with the new settings whenever they change; returns the unsubscribe. */
  onChange(listener: (settings: Settings) => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  /** Checks and writes the changes; throws a SettingsError, changing nothing, if one is refused. */
  update(patch: Partial<Settings>): Settings {
    const state = this.read();
    if ('problem' in state) throw new SettingsError(`The settings were not changed: ${this.file} ${state.problem}. Fix or remove that file first; it is left as it is.`);
    for (const [key, value] of Object.entries(patch)) {
      if (key === 'pillarId') throw new SettingsError(`The pillar id is not a setting: it is kept in ${path.join(path.dirname(this.file), PILLAR_ID_FILE)} and does not change.`);
      const rule = Object.hasOwn(RULES, key) ? RULES[key] : undefined;
      if (!rule) throw new SettingsError(`"${key}" is not a setting; the settings are ${Object.keys(RULES).join(', ')}.`);
      if (!rule.shape.is(value)) throw new SettingsError(`${JSON.stringify(value)} is not a valid ${key}: it must be ${rule.is}.`);
    }
    writeFileAtomic(this.file, JSON.stringify({ ...('parsed' in state ? state.parsed : defaults()), ...patch }, null, 2) + '\n');
    this.reload();
    return this.settings;
  }

  close(): void {
    this.clock.clear(this.poll);
    this.listeners.clear();
  }

  private stamp(): string | null {
    const stat = statSync(this.file, { throwIfNoEntry: false });
    return stat ? `${stat.ino}:${stat.size}:${stat.mtimeMs}` : null;
  }

  private read(): FileState {
    // Taken before the text: a change between the two is seen at the next look.
    this.seen = this.stamp();
    let raw: string;
    try {
      raw = readFileSync(this.file, 'utf8');
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code === 'ENOENT') return { missing: true };
      return { problem: `cannot be read (${(error as Error).message})`, raw: null };
    }
    let parsed: unknown;
    try {
      parsed = JSON.parse(raw);
    } catch (error) {
      return { problem: `is not valid JSON (${(error as Error).message})`, raw };
    }
    if (typeof parsed !== 'object' || parsed === null || Array.isArray(parsed)) {
      return { problem: `holds ${JSON.stringify(parsed).slice(0, 40)} instead of settings between { and }`, raw };
    }
    return { parsed: parsed as Record<string, unknown> };
  }

  /**
   * The settings the file's state gives, each problem logged. What the file cannot give comes
   * from `base`: the defaults at start, the settings in use when the file changes while running
   * (a half-saved edit or a typo must not put the venue back to "not set").
   */
  private settle(state: FileState, base: Settings, baseName: string): Settings {
    const settings: Settings = { ...base };
    if ('missing' in state) {
      this.log('error', `${this.file} is missing: running on ${baseName}. Set the venue again (its "venueSessionId").`);
    } else if ('problem' in state) {
      this.log('error', `${this.file} ${state.problem}: running on ${baseName} (venue "${settings.venueSessionId}") until it is fixed. The file is left as it is: correct it, or remove it to start again from the defaults.`);
    } else {
      for (const [key, value] of Object.entries(state.parsed)) {
        const rule = Object.hasOwn(RULES, key) ? RULES[key] : undefined;
        if (key === 'pillarId') continue;
        if (!rule) this.log('warn', `${this.file}: unknown setting "${key}" is ignored`);
        else if (rule.shape.is(value)) (settings as unknown as Record<string, unknown>)[key] = value;
        else this.log('error', `${this.file}: "${key}" has an invalid value ${JSON.stringify(value)}; using ${JSON.stringify(settings[key as keyof Settings])}. It must be ${rule.is}.`);
      }
    }
    return settings;
  }

  private reload(): void {
    const next = this.settle(this.read(), this.settings, 'the settings in use');
    if (JSON.stringify(next) === JSON.stringify(this.settings)) return;
    const said = describeChanges(this.settings, next);
    this.settings = next;
    this.log('info', `settings changed: ${said}`);
    for (const listener of this.listeners) listener(next);
  }
}
