// Content packs a hub offers this pillar (results-sync-v2.md, "Pack offers"). An offer heard
// of at a check-in is fetched into <data dir>/offers/<offer id>/olifant-pack/ (offer-staging.ts:
// each file's size and SHA-256 as offered), then checked by the pack store exactly as a pack on
// a USB stick, with the same trusted keys, but always signed-only: a hub can never bring an
// unsigned pack, whatever the settings allow for sticks. A valid one waits for the crew (the
// service screen shows it as a stick's pack, to install or decline) or, with the setting
// autoInstallOffers, installs itself at the next quiet moment (quiet.ts); installing is the
// stick's install, atomic, the previous pack kept for a roll-back. Each offer's state is
// reported at the check-ins until the hub has taken a final one. Kept in offers.json, so that
// a restart forgets nothing.

import { existsSync, mkdirSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import path from 'node:path';
import { PACK_FOLDER, PackError, type CheckedPack } from '../../../content/pack.ts';
import type { Clock } from '../../../time/clock.ts';
import type { Offer, OfferReport } from '../../api/check-in.ts';
import type { OfferView, PackPreview } from '../../api/operator.ts';
import { MAX_OFFER_REPORTS } from '../../api/schemas/check-in.ts';
import { writeFileAtomic } from '../../platform/atomic.ts';
import type { Logger } from '../../platform/log.ts';
import type { Settings } from '../settings/settings.ts';
import { checkOffer, NotFetched, OFFER_ID, stageOffer } from './offer-staging.ts';
import { QuietMoment, type QuietSource } from './quiet.ts';
import { previewPack } from './stick.ts';
import type { PackStore } from './store.ts';

/** `fetching` until it is fetched and checked: not reported, for the hub has nothing to learn yet. */
type State = 'fetching' | OfferReport['state'];

interface Kept {
  offer: Offer;
  state: State;
  reason: string | null;
  /** A final state the hub has taken (answered 200 to a check-in carrying it). */
  reported: boolean;
}

const FINAL: readonly State[] = ['installed', 'refused', 'declined'];
const STATE_FILE = 'offers.json';
/** Finished offers remembered, so that one the hub lists again is reported again rather than fetched. */
const REMEMBERED = 100;
const REASON_MAX = 500;
/** A file of a pack is at most 10 MiB: a hub that takes longer than this has not given it. */
const FILE_TIMEOUT_MS = 120_000;

export interface PackOffersDeps {
  /** <data dir>/offers. */
  dir: string;
  packs: Pick<PackStore, 'check' | 'install' | 'current'>;
  settings: { current(): Pick<Settings, 'hubUrl' | 'hubToken' | 'autoInstallOffers'>; onChange(listener: () => void): () => void };
  quiet: QuietSource;
  clock: Clock;
  log: Logger;
  fetch?: typeof fetch;
}

export class PackOffers {
  private readonly deps: PackOffersDeps;
  private kept: Kept[] = [];
  /** The checked pack of each waiting offer. */
  private readonly checked = new Map<string, CheckedPack>();
  /** Offers being fetched now; one fetch at a time. */
  private readonly fetching = new Set<string>();
  private queue: Promise<void> = Promise.resolve();
  private readonly moment: QuietMoment;
  private readonly stop: () => void;

  constructor(deps: PackOffersDeps) {
    this.deps = deps;
    mkdirSync(deps.dir, { recursive: true });
    this.moment = new QuietMoment(deps.quiet, deps.clock, () => void this.installQuietly());
    this.stop = deps.settings.onChange(() => this.armQuietMoment());
  }

  /** Reads offers.json, checks the waiting offers' folders again, and removes what no offer needs. */
  async open(): Promise<this> {
    this.kept = this.read();
    for (const kept of this.kept.filter((k) => k.state === 'waiting')) {
      try {
        this.checked.set(kept.offer.offer_id, await this.deps.packs.check(this.packDir(kept.offer), { signedOnly: true }));
      } catch (error) {
        this.finish(kept, 'refused', error instanceof PackError ? error.message : `its files could not be read again (${(error as Error).message})`);
      }
    }
    for (const name of readdirSync(this.deps.dir)) {
      if (name !== STATE_FILE && !this.checked.has(name)) rmSync(path.join(this.deps.dir, name), { recursive: true, force: true });
    }
    this.armQuietMoment();
    return this;
  }

  close(): void {
    this.stop();
    this.moment.close();
  }

  /** The reports for the next check-in: every offer fetched and not reported as finished (as many as a check-in carries; the rest at the next). */
  reports(): OfferReport[] {
    const due = this.kept.filter((k) => k.state !== 'fetching' && !k.reported && OFFER_ID.test(k.offer.offer_id)).slice(0, MAX_OFFER_REPORTS);
    // The contract's reason is 1 to 500 characters.
    const reason = (text: string | null) => (text ? (text.length > REASON_MAX ? `${text.slice(0, REASON_MAX - 1)}…` : text) : null);
    return due.map((k) => ({ offer_id: k.offer.offer_id, state: k.state as OfferReport['state'], reason: reason(k.reason) }));
  }

  /** The hub answered a check-in (200) that carried `reported` with `offers`: the final states it carried are taken, and what is new is fetched. */
  heard(offers: Offer[], reported: OfferReport[]): void {
    const taken = new Set(reported.filter((r) => FINAL.includes(r.state)).map((r) => r.offer_id));
    for (const kept of this.kept) if (taken.has(kept.offer.offer_id) && FINAL.includes(kept.state)) kept.reported = true;
    for (const offer of offers) {
      const kept = this.kept.find((k) => k.offer.offer_id === offer.offer_id);
      // Listed again though its end was taken: the hub did not keep it; it is reported again.
      if (kept?.reported) kept.reported = false;
      else if (!kept) this.kept.push({ offer, state: 'fetching', reason: null, reported: false });
      if (!kept || kept.state === 'fetching') this.fetch(offer.offer_id);
    }
    const done = this.kept.filter((k) => k.reported);
    this.kept = this.kept.filter((k) => !k.reported || done.indexOf(k) >= done.length - REMEMBERED);
    this.save();
  }

  /** The offers the service screen shows: being fetched, waiting (with the preview a stick's pack has), or refused and not yet reported. */
  views(): OfferView[] {
    const running = this.deps.packs.current();
    const auto = this.deps.settings.current().autoInstallOffers;
    return this.kept.flatMap((k): OfferView[] => {
      const { offer_id: offerId, pack_id: packId, version } = k.offer;
      if (k.state === 'fetching') return [{ kind: 'fetching', offerId, packId, version }];
      if (k.state === 'refused' && !k.reported) return [{ kind: 'refused', offerId, packId, version, message: k.reason ?? '' }];
      const checked = this.checked.get(offerId);
      return k.state === 'waiting' && checked ? [{ kind: 'waiting', offerId, packId, version, preview: previewPack(checked, running), autoInstall: auto }] : [];
    });
  }

  /** Installs a waiting offer as a stick's pack is installed; a roll-back needs `confirmRollback`. A pack refused now is reported so. */
  async install(offerId: string, confirmRollback: boolean): Promise<CheckedPack> {
    const kept = this.waiting(offerId);
    try {
      const running = await this.deps.packs.install(this.packDir(kept.offer), { signedOnly: true, previewed: this.checked.get(offerId)!.manifest, rollback: confirmRollback });
      this.finish(kept, 'installed', null);
      return running;
    } catch (error) {
      // A roll-back not confirmed waits for the crew; any other rule broken now (a key no longer trusted, say) refuses it.
      if (error instanceof PackError && error.rule !== 'version') this.finish(kept, 'refused', error.message);
      throw error;
    }
  }

  /** The crew chose not to install a waiting offer. */
  decline(offerId: string): void {
    this.finish(this.waiting(offerId), 'declined', null);
  }

  private waiting(offerId: string): Kept {
    const kept = this.kept.find((k) => k.offer.offer_id === offerId);
    if (kept?.state !== 'waiting' || !this.checked.has(offerId)) throw new Error('That pack from the hub is not waiting to be installed (any more): look at the screen again.');
    return kept;
  }

  private packDir(offer: Offer): string {
    return path.join(this.deps.dir, offer.offer_id, PACK_FOLDER);
  }

  private fetch(offerId: string): void {
    if (this.fetching.has(offerId)) return;
    this.fetching.add(offerId);
    this.queue = this.queue.then(() => this.fetchOne(offerId)).finally(() => this.fetching.delete(offerId));
  }

  /** Fetches and checks one offer: it waits, is installed already, or is refused; a hub out of reach leaves it to the next check-in. */
  private async fetchOne(offerId: string): Promise<void> {
    const kept = this.kept.find((k) => k.offer.offer_id === offerId);
    const { hubUrl, hubToken } = this.deps.settings.current();
    if (kept?.state !== 'fetching' || !hubUrl || !hubToken) return;
    const { offer } = kept;
    const said = `content pack ${offer.pack_id} version ${offer.version} offered by the hub (offer ${offerId.slice(0, 40)})`;
    try {
      checkOffer(offer);
      await stageOffer(offer, this.packDir(offer), this.getter(hubUrl, hubToken, offerId));
      const checked = await this.deps.packs.check(this.packDir(offer), { signedOnly: true });
      if (checked.manifest.equals(this.deps.packs.current().manifest)) return this.finish(kept, 'installed', null);
      this.checked.set(offerId, checked);
      kept.state = 'waiting';
      this.save();
      this.deps.log('info', `${said} is fetched and valid; it waits ${this.deps.settings.current().autoInstallOffers ? 'for a quiet moment to install itself' : 'for the crew to install or decline it on the service screen'}`);
      this.armQuietMoment();
    } catch (error) {
      if (error instanceof PackError) return this.finish(kept, 'refused', error.message);
      if (OFFER_ID.test(offerId)) rmSync(path.join(this.deps.dir, offerId), { recursive: true, force: true });
      this.deps.log('warn', `${said} could not be fetched now (${(error as Error).message}); it is fetched again after the next check-in`);
    }
  }

  private getter(hubUrl: string, token: string, offerId: string) {
    const base = hubUrl.endsWith('/') ? hubUrl : `${hubUrl}/`;
    return async (rel: string) => {
      const url = new URL(`v2/offers/${offerId}/files/${rel.split('/').map(encodeURIComponent).join('/')}`, base);
      try {
        // Real time, not the clock's: a deadline on the network's own pace.
        return await (this.deps.fetch ?? fetch)(url, { headers: { authorization: `Bearer ${token}` }, signal: AbortSignal.timeout(FILE_TIMEOUT_MS) });
      } catch (error) {
        throw new NotFetched(`the hub at ${hubUrl} cannot be reached (${(error as Error & { cause?: { code?: string } }).cause?.code ?? (error as Error).message})`);
      }
    };
  }

  private finish(kept: Kept, state: OfferReport['state'], reason: string | null): void {
    const offerId = kept.offer.offer_id;
    Object.assign(kept, { state, reason, reported: false });
    this.checked.delete(offerId);
    if (OFFER_ID.test(offerId)) rmSync(path.join(this.deps.dir, offerId), { recursive: true, force: true });
    this.save();
    const said = `content pack ${kept.offer.pack_id} version ${kept.offer.version} offered by the hub`;
    this.deps.log(state === 'refused' ? 'warn' : 'info', state === 'refused' ? `${said} is refused: ${reason}` : `${said} is ${state}`);
  }

  /** The waiting offers that may install themselves: not a roll-back (that is the crew's to confirm). */
  private installable(): Kept[] {
    const running = this.deps.packs.current();
    const preview = (k: Kept): PackPreview | null => (this.checked.has(k.offer.offer_id) ? previewPack(this.checked.get(k.offer.offer_id)!, running) : null);
    return this.kept.filter((k) => k.state === 'waiting' && preview(k)?.rollback === false);
  }

  private armQuietMoment(fresh = false): void {
    if (this.deps.settings.current().autoInstallOffers && this.installable().length > 0) this.moment.arm(fresh);
    else this.moment.disarm();
  }

  /** At a quiet moment: installs the waiting offers that may install themselves, oldest first. */
  private async installQuietly(): Promise<void> {
    if (!this.deps.settings.current().autoInstallOffers) return;
    let failed = false;
    for (const kept of this.installable()) {
      try {
        await this.install(kept.offer.offer_id, false);
        this.deps.log('info', `content pack ${kept.offer.pack_id} version ${kept.offer.version} from the hub installed itself at a quiet moment (autoInstallOffers)`);
      } catch (error) {
        failed = true;
        this.deps.log('warn', `content pack ${kept.offer.pack_id} version ${kept.offer.version} from the hub did not install itself (${(error as Error).message}); it is tried again at the next quiet moment`);
      }
    }
    this.armQuietMoment(failed);
  }

  private read(): Kept[] {
    const file = path.join(this.deps.dir, STATE_FILE);
    if (!existsSync(file)) return [];
    try {
      const kept = (JSON.parse(readFileSync(file, 'utf8')) as { offers: Kept[] }).offers;
      if (Array.isArray(kept)) return kept.filter((k) => OFFER_ID.test(k?.offer?.offer_id ?? '') || k?.state === 'refused');
    } catch {
      // said below
    }
    this.deps.log('error', `${file} is damaged; the offers the hub still lists are fetched again`);
    return [];
  }

  private save(): void {
    try {
      writeFileAtomic(path.join(this.deps.dir, STATE_FILE), JSON.stringify({ offers: this.kept }) + '\n');
    } catch (error) {
      this.deps.log('warn', `the pack offers could not be kept in ${this.deps.dir} (${(error as Error).message}); after a restart the hub's offers are fetched again`);
    }
  }
}
