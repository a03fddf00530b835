// A content pack on a USB stick, for the service screen: the kiosk watches for drives, looks
// only at `olifant-pack/` at a drive's root, checks what it finds with the same checker and
// trust as an install, and keeps what the crew should see: nothing, a refusal in the
// checker's words, or a preview against the running pack. Students never see any of it.
// Installing goes through the pack store, so all its safety applies.

import { existsSync, statSync } from 'node:fs';
import path from 'node:path';
import { PACK_FOLDER, PackError, type CheckedPack } from '../../../content/pack.ts';
import type { PackPreview, StickName, StickView } from '../../api/operator.ts';
import { answerValues } from '../../results/aggregates.ts';
import type { Logger } from '../../platform/log.ts';
import { kioskPack } from '../student/kiosk-pack.ts';
import type { DriveWatcher } from '../../platform/usb.ts';
import type { PackStore } from './store.ts';

/** The pack on the stick (or offered by a hub) next to the running one: what the crew checks before installing it. */
export function previewPack(checked: CheckedPack, current: CheckedPack): PackPreview {
  const { pack } = checked;
  const running = current.pack;
  const same = pack.id === running.id;
  const before = new Map(running.questions.map((q) => [q.id, JSON.stringify(q)]));
  const after = new Set(pack.questions.map((q) => q.id));
  const assetBytes = Object.keys(pack.assets).reduce((sum, rel) => sum + (statSync(path.join(checked.dir, ...rel.split('/')), { throwIfNoEntry: false })?.size ?? 0), 0);
  return {
    id: pack.id,
    title: pack.title,
    languages: pack.languages,
    headline: pack.attract.headline,
    versionFrom: same ? running.version : null,
    versionTo: pack.version,
    rollback: same && pack.version <= running.version,
    running: checked.manifest.equals(current.manifest),
    replaces: { id: running.id, version: running.version },
    questions: pack.questions.map((q) => ({ id: q.id, slot: q.slot, text: q.prompt, answers: answerValues(q).map((v) => v.label) })),
    screens: kioskPack(pack, () => null),
    changes: {
      added: pack.questions.filter((q) => !before.has(q.id)).map((q) => q.id),
      removed: running.questions.filter((q) => !after.has(q.id)).map((q) => q.id),
      changed: pack.questions.filter((q) => before.has(q.id) && before.get(q.id) !== JSON.stringify(q)).map((q) => q.id),
    },
    assetBytes,
  };
}

/** The drives there are, and word when that changes (a DriveWatcher). */
type Drives = Pick<DriveWatcher, 'drives' | 'onEvent' | 'unmountedRoots'>;

type Found = { kind: 'found'; checked: CheckedPack } & StickName;
type State = Exclude<StickView, { kind: 'found' }> | Found;

export class StickPacks {
  private state: State = { kind: 'none', unmountedRoots: [] };
  /** Rises with every look: a check that finishes after the stick changed is dropped. */
  private looks = 0;
  private readonly watcher: Drives;
  private readonly packs: PackStore;
  private readonly log: Logger;
  private readonly stop: () => void;

  constructor(watcher: Drives, packs: PackStore, log: Logger) {
    this.watcher = watcher;
    this.packs = packs;
    this.log = log;
    this.stop = watcher.onEvent(() => void this.look());
  }

  close(): void {
    this.stop();
  }

  /** What the service screen shows; a found pack is compared with the pack running now. */
  view(): StickView {
    const state = this.state;
    // A stick mounted before its files show (or a pack copied onto it): look again once a pack folder is there.
    if (state.kind === 'no-pack' && this.pick().holdsPack) void this.look();
    // The usbRoots folders are looked at anew each time: a setting changed, or a stick mounted there.
    if (state.kind === 'none') return { kind: 'none', unmountedRoots: this.watcher.unmountedRoots() };
    if (state.kind !== 'found') return state;
    return { kind: 'found', drive: state.drive, label: state.label, preview: previewPack(state.checked, this.packs.current()) };
  }

  /** The drive to show: the newest with an olifant-pack folder, else the newest (the stick just put in). */
  private pick(): { stick: StickName | undefined; holdsPack: boolean } {
    const drives = this.watcher.drives().reverse();
    const withPack = drives.find((d) => existsSync(path.join(d.root, PACK_FOLDER)));
    const stick = withPack ?? drives[0];
    return { stick: stick && { drive: stick.root, label: stick.label }, holdsPack: withPack !== undefined };
  }

  /** Checks the drive to show, and keeps what the crew should see. */
  async look(): Promise<void> {
    const look = ++this.looks;
    const { stick, holdsPack } = this.pick();
    if (stick === undefined) return void (this.state = { kind: 'none', unmountedRoots: [] });
    if (!holdsPack) return void (this.state = { kind: 'no-pack', ...stick });
    this.state = { kind: 'checking', ...stick };
    const { drive } = stick;
    let next: State;
    try {
      next = { kind: 'found', ...stick, checked: await this.packs.check(drive) };
      this.log('info', `a USB stick at ${drive} holds content pack ${next.checked.pack.id} version ${next.checked.pack.version}`);
    } catch (error) {
      const message = error instanceof PackError ? error.message : `The stick could not be read (${(error as Error).message}); was it pulled out?`;
      next = { kind: 'refused', ...stick, message };
      this.log('warn', `the content pack on the USB stick at ${drive} is refused: ${message}`);
    }
    if (look === this.looks) this.state = next;
  }

  /** Installs the pack found on the stick; one that is not newer than the running one needs `confirmRollback`. */
  install(confirmRollback: boolean): Promise<CheckedPack> {
    const state = this.state;
    if (state.kind !== 'found') return Promise.reject(new Error('There is no pack on a USB stick to install.'));
    return this.packs.install(state.drive, { rollback: confirmRollback, previewed: state.checked.manifest });
  }
}
