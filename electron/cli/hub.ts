// `olifant hub`: runs the hub, and the organiser's commands on its data folder (pillars,
// lecturers, bundles, pack records). The hub's server (Fastify) is loaded only to run it.

import { mkdirSync } from 'node:fs';
import path from 'node:path';
import { checkManifest, PackError } from '../../content/pack.ts';
import { publicKeyIn } from '../../content/signing.ts';
import { hubFileOn } from '../kiosk/sync/hub-file.ts';
import { importBundle, importHealthFile, keyFingerprint, NewPillarKey } from '../hub/bundles.ts';
import { HealthStore } from '../hub/health.ts';
import { FLEET_RULES } from '../hub/fleet.ts';
import { Offers } from '../hub/offers.ts';
import { HEALTH_EXTENSION } from '../results/health-file.ts';
import { Lecturers } from '../hub/lecturers.ts';
import { bundleKeyIn, PillarError, Pillars } from '../hub/pillars.ts';
import { HubStore } from '../hub/store.ts';
import { writeFileAtomic } from '../platform/atomic.ts';
import { defaultHubDir } from '../platform/paths.ts';
import { keyFrom } from './key-file.ts';
import { UsageError } from './kiosk-args.ts';

/** The options every hub command takes (`olifant hub --help`). */
export interface HubValues {
  dataDir?: string;
  port: string;
  host?: string;
  tlsCert?: string;
  tlsKey?: string;
  behindProxy?: string[];
  publicHost?: string[];
  /** The fleet view: fewer cards left than this needs someone. */
  cardsBelow?: number;
}

/** The hub's database in its data folder: --data-dir, else $OLIFANT_HUB_DIR or the platform's place. */
const hubStoreOf = (values: HubValues) => new HubStore(values.dataDir ? path.resolve(values.dataDir) : defaultHubDir());

/** Opens the hub's data folder, runs `work` on it, and closes it; a PillarError is told in its own words. */
export function withHub(values: HubValues, work: (store: HubStore, pillars: Pillars) => void): void {
  const store = hubStoreOf(values);
  try {
    work(store, new Pillars(store));
  } catch (error) {
    if (error instanceof PillarError) throw new Error(error.message);
    throw error;
  } finally {
    store.close();
  }
}

/** The fleet view's rules as the hub's options set them. */
export const fleetRules = (values: Pick<HubValues, 'cardsBelow'>) => ({ ...FLEET_RULES, ...(values.cardsBelow === undefined ? {} : { cardsBelow: values.cardsBelow }) });

/** The URL pillars and lecturers reach the hub at: --url, else this machine on --port. */
const hubUrlOf = (url: string | undefined, values: HubValues) => url ?? `http://127.0.0.1:${values.port}`;

/** Runs the hub until it is stopped (Ctrl-C, systemctl stop), then exits. */
export async function runHub(values: HubValues): Promise<void> {
  const { HubConfigError, startHub } = await import('../hub/server.ts');
  if (Boolean(values.tlsCert) !== Boolean(values.tlsKey)) throw new UsageError('TLS needs both --tls-cert and --tls-key');
  const store = hubStoreOf(values);
  const tls = values.tlsCert && values.tlsKey ? { cert: values.tlsCert, key: values.tlsKey } : undefined;
  try {
    const running = await startHub(store, new Pillars(store), { port: Number(values.port), host: values.host, tls, behindProxy: values.behindProxy ?? [], publicHosts: values.publicHost ?? [], fleet: fleetRules(values) });
    process.stdout.write(`${running.url}\n`);
    // Stopped: the requests in hand are finished, the reader threads ended, the database
    // closed (its log folded in), then exit 0. Once, whatever comes twice.
    let stopping: Promise<void> | undefined;
    const stop = () => {
      stopping ??= running.close().then(
        () => {
          store.close();
          process.exit(0);
        },
        (error: Error) => {
          process.stderr.write(`olifant: the hub did not stop cleanly: ${error.message}\n`);
          store.close();
          process.exit(1);
        },
      );
    };
    process.on('SIGINT', stop);
    process.on('SIGTERM', stop);
  } catch (error) {
    store.close();
    throw error instanceof HubConfigError ? error : new Error(`the hub cannot start: ${(error as Error).message}`);
  }
}

export function addPillar(id: string, values: HubValues & { key?: string; name?: string; url?: string; stick?: string }): void {
  withHub(values, (_store, pillars) => {
    const token = pillars.add(id, values.name, values.key === undefined ? undefined : keyFrom(values.key, bundleKeyIn));
    const hubUrl = hubUrlOf(values.url, values);
    if (values.stick) {
      const file = hubFileOn(path.resolve(values.stick), id);
      mkdirSync(path.dirname(file), { recursive: true });
      writeFileAtomic(file, JSON.stringify({ hubUrl, hubToken: token }) + '\n', 0o600);
      process.stdout.write(`the settings are on the stick too (${file}): the pillar's service screen offers to use them\n`);
    }
    if (values.key === undefined) process.stdout.write(`pillar ${id} has no bundle key yet: its bundles are refused until \`olifant hub set-pillar-key ${id} KEY\` sets it\n`);
    process.stdout.write(`pillar ${id} is registered. Its token is shown only now; put these two settings in the pillar's settings.json:\n`);
    process.stdout.write(`${JSON.stringify({ hubUrl, hubToken: token })}\n`);
  });
}

export function setPillarKey(id: string, key: string, values: HubValues): void {
  withHub(values, (_store, pillars) => {
    pillars.setKey(id, keyFrom(key, bundleKeyIn));
    process.stdout.write(`pillar ${id}'s bundle key is set; bundles signed with another key are refused\n`);
  });
}

export function listPillars(values: HubValues): void {
  withHub(values, (_store, pillars) => {
    for (const p of pillars.list()) process.stdout.write(`${p.id}\t${p.name}\t${p.revoked ? 'revoked' : 'active'}\tsince ${p.added_hour}\t${p.public_key ? `bundle key ${keyFingerprint(p.public_key)}…` : 'no bundle key'}\n`);
  });
}

export function revokePillar(id: string, values: HubValues): void {
  withHub(values, (_store, pillars) => {
    pillars.revoke(id);
    process.stdout.write(`pillar ${id}'s token is revoked, and its bundles are refused; its answers stay\n`);
  });
}

export function addLecturer(name: string, values: HubValues & { url?: string }): void {
  withHub(values, (store) => {
    const token = new Lecturers(store).add(name);
    process.stdout.write(`a sign-in link for ${name}, for one use within 7 days (on this machine no sign-in is needed):\n`);
    process.stdout.write(`${hubUrlOf(values.url, values).replace(/\/$/, '')}/signin?token=${token}\n`);
  });
}

export function listLecturers(values: HubValues): void {
  withHub(values, (store) => {
    for (const l of new Lecturers(store).list()) process.stdout.write(`${l.id}\t${l.name}\tsince ${l.addedHour}\t${l.sessions} signed in\t${l.links} unused link(s)\n`);
  });
}

export function endSessions(lecturer: number, values: HubValues): void {
  withHub(values, (store) => {
    const ended = new Lecturers(store).end(lecturer);
    if (ended === null) throw new Error(`there is no lecturer number ${lecturer}; \`olifant hub lecturers\` lists them`);
    process.stdout.write(`lecturer ${lecturer} is signed out (${ended} session(s) ended) and their unused links no longer work; \`olifant hub add-lecturer\` gives a new one\n`);
  });
}

/**
 * Imports each bundle whole or not at all, then each health file beside them (a new pillar's key
 * comes from its bundle); one refused is said and makes the exit code 1, the others are still imported.
 */
export function importBundles(files: string[], values: HubValues & { trustNewPillar?: boolean }): void {
  withHub(values, (store, pillars) => {
    let refused = 0;
    const health = new HealthStore(store.db);
    const isHealth = (file: string) => file.endsWith(HEALTH_EXTENSION);
    for (const file of [...files.filter((f) => !isHealth(f)), ...files.filter(isHealth)]) {
      try {
        if (isHealth(file)) {
          const { pillarId, kept } = importHealthFile(path.resolve(file), health, pillars, file);
          process.stdout.write(`${file}: pillar ${pillarId}'s health record ${kept ? 'is kept' : 'is older than the one kept, and left alone'}\n`);
          continue;
        }
        const done = importBundle(path.resolve(file), store, pillars, { trust: values.trustNewPillar ? 'bundle-key' : 'no', name: file });
        process.stdout.write(`${file}: pillar ${done.pillarId}, ${done.stored} answer(s) new, ${done.duplicates} already here${done.conflicts.length ? `, ${done.conflicts.length} conflict(s) refused (logged)` : ''}\n`);
      } catch (error) {
        refused++;
        const how = error instanceof NewPillarKey
          ? `. If the bundle came from that pillar's stick, import it again with --trust-new-pillar; or register it first with \`olifant hub add-pillar ${error.pillarId} --key KEY\` (\`olifant pillar id\` on the pillar prints the key)`
          : '';
        process.stderr.write(`olifant: ${(error as Error).message}${how}\n`);
      }
    }
    if (refused > 0) process.exitCode = 1;
  });
}

export function listPacks(values: HubValues): void {
  withHub(values, (store) => {
    for (const p of store.packs()) {
      let about: string;
      try {
        const pack = checkManifest(JSON.parse(p.manifest));
        about = `${pack.questions.length} question(s): ${pack.questions.map((q) => q.id).join(', ')}`;
      } catch (error) {
        about = `not a valid pack, left out of every result (${(error as Error).message})`;
      }
      process.stdout.write(`${p.pillar_id || '(no pillar)'}\t${p.id}\t${p.version}\t${about}\n`);
    }
  });
}

export function removePack(pillarId: string, packId: string, version: number, values: HubValues): void {
  withHub(values, (store) => {
    if (!store.removePack(pillarId, packId, version)) throw new Error(`pillar ${pillarId || '(no pillar)'} has no pack record ${packId} version ${version}; \`olifant hub packs\` lists them`);
    process.stdout.write(`pack record ${packId} version ${version} of ${pillarId || '(no pillar)'} is removed; the answers stay\n`);
  });
}

/** Offers a pack (a folder, the drive holding it, or a zip of it) to the pillars named; a pack that may not be offered is refused with the rule. */
export async function publishPack(source: string, values: HubValues & { to: string[]; key?: string[] }): Promise<void> {
  const store = hubStoreOf(values);
  try {
    const pillars = new Pillars(store);
    const keys = (values.key ?? []).map((key) => keyFrom(key, publicKeyIn));
    const done = await new Offers(store).publish(path.resolve(source), values.to, (id) => pillars.get(id), keys);
    process.stdout.write(`${done.packId} version ${done.version} is offered to ${done.offers.map((o) => `${o.pillarId} (offer ${o.offerId})`).join(', ')}; each pillar fetches it at its next check-in\n`);
  } catch (error) {
    if (error instanceof PackError) throw new Error(`the pack is refused, nothing was published: ${error.message}`);
    throw error;
  } finally {
    store.close();
  }
}

/** The offers, newest first: as lines, or as JSON. */
export function listOffers(values: HubValues & { json?: boolean }): void {
  withHub(values, (store) => {
    const offers = new Offers(store).list();
    if (values.json) return void process.stdout.write(`${JSON.stringify(offers)}\n`);
    for (const o of offers) process.stdout.write(`${o.pillarId}\t${o.packId}\t${o.version}\t${o.state}\t${o.changedHour}\t${o.offerId}${o.reason ? `\t${o.reason}` : ''}\n`);
  });
}
