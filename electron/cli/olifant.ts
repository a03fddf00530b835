#!/usr/bin/env node
// The `olifant` command. Run `olifant help` for what it does.

import { mkdirSync } from 'node:fs';
import path from 'node:path';
import { createInterface } from 'node:readline';
import { parseArgs } from 'node:util';
import { PackError, checkManifest } from '../../content/pack.ts';
import { startSimulator } from '../../hardware/simulator.ts';
import { serveKiosk } from '../carriers/http.ts';
import { answersCsv } from '../core/answers/csv.ts';
import { AnswerStore } from '../core/answers/store.ts';
import { ANSWER_FIELDS } from '../results/records.ts';
import { dutchCsv } from '../lecture-files/csv-nl.ts';
import { createLogger } from '../platform/log.ts';
import { defaultHubDir } from '../platform/paths.ts';
import { hashPin } from '../core/operator/pin.ts';
import { writeFileAtomic } from '../platform/atomic.ts';
import { SettingsStore } from '../core/settings/settings.ts';
import { BUNDLE_EXTENSION, bundleOnDrive, writeBundle } from '../results/bundle.ts';
import { pillarKey } from '../core/sync/identity.ts';
import { hubFileOn } from '../core/sync/hub-file.ts';
import { Outbox } from '../core/sync/outbox.ts';
import { SyncSender } from '../core/sync/sender.ts';
import { VenueNameError, VenueVisits } from '../core/venues/visits.ts';
import { importBundle, keyFingerprint, NewPillarKey } from '../hub/bundles.ts';
import { Lecturers } from '../hub/lecturers.ts';
import { bundleKeyIn, Pillars, PillarError } from '../hub/pillars.ts';
import { HubConfigError, startHub } from '../hub/server.ts';
import { HubStore } from '../hub/store.ts';
import { HELP } from './help.ts';
import { keyFrom } from './key-file.ts';
import { dataDirFrom, parseKioskArgs, UsageError } from './kiosk-args.ts';
import { pack } from './pack.ts';
import { report } from './report.ts';

async function serve(args: string[]): Promise<void> {
  const { options, port } = parseKioskArgs(args);
  const { server } = await serveKiosk(options, port);
  process.stdout.write(`${server.url}\n`);
}

function results(args: string[]): void {
  const { values } = parseArgs({ args, options: { format: { type: 'string', default: 'csv' }, out: { type: 'string' }, 'excel-nl': { type: 'boolean', default: false }, 'data-dir': { type: 'string' } } });
  if (values.format !== 'csv' && values.format !== 'bundle') throw new UsageError(`--format ${values.format} is not known; use --format csv or --format bundle`);
  if (values.format === 'bundle' && !values.out) throw new UsageError('--format bundle needs --out: a stick (or folder), or a file ending in .olifant-results');
  const dataDir = dataDirFrom(values);
  const store = new AnswerStore(path.join(dataDir, 'answers.sqlite'));
  try {
    if (values.format === 'csv' && values['excel-nl']) {
      process.stdout.write(dutchCsv([...ANSWER_FIELDS], (function* () {
        for (const answer of store.all()) yield ANSWER_FIELDS.map((f) => answer[f]);
      })()));
      return;
    }
    if (values.format === 'csv') {
      for (const line of answersCsv(store)) process.stdout.write(line);
      return;
    }
    const settings = new SettingsStore(dataDir, createLogger(path.join(dataDir, 'olifant.log'), false));
    const { pillarId } = settings.current();
    settings.close();
    const now = new Date();
    const out = path.resolve(values.out!);
    const file = out.endsWith(BUNDLE_EXTENSION) ? out : bundleOnDrive(out, pillarId, now);
    const records = new Outbox(store).everything();
    writeBundle(file, pillarId, pillarKey(dataDir), records, now);
    process.stdout.write(`${file}\n`);
  } finally {
    store.close();
  }
}

async function pillarSim(args: string[]): Promise<void> {
  const { values } = parseArgs({
    args,
    options: { port: { type: 'string' }, 'dispense-ms': { type: 'string', default: '800' }, stock: { type: 'string', default: '100' }, 'manual-take': { type: 'boolean', default: false } },
  });
  if (!values.port) throw new UsageError('pillar-sim needs --port PATH');
  const stock = Number(values.stock);
  const sim = await startSimulator(values.port, {
    dispenseMs: Number(values['dispense-ms']),
    stock: Array.from({ length: 6 }, () => stock),
    autoTakeMs: values['manual-take'] ? null : 2000,
  });
  process.stdout.write(`simulated pillar on ${values.port}; type help for commands\n`);
  const rl = createInterface({ input: process.stdin, terminal: false });
  const quit = async () => {
    await sim.close();
    process.exit(0);
  };
  rl.on('line', async (line) => {
    if (line.trim() === 'quit') return quit();
    try {
      const out = await sim.command(line);
      if (out) process.stdout.write(out + '\n');
    } catch (error) {
      process.stdout.write(`${(error as Error).message}\n`);
    }
  });
  process.on('SIGINT', quit);
  process.on('SIGTERM', quit);
}

/** The lines typed (or piped) on stdin, each asked for on a terminal. */
async function readLines(questions: string[]): Promise<string[]> {
  const rl = createInterface({ input: process.stdin, output: process.stdin.isTTY ? process.stderr : undefined, terminal: process.stdin.isTTY });
  const answers: string[] = [];
  try {
    for (const question of process.stdin.isTTY ? questions : questions.slice(0, 1)) answers.push(await new Promise<string>((resolve) => rl.question(question, resolve)));
  } finally {
    rl.close();
  }
  return answers.map((a) => a.trim());
}

async function operator(args: string[]): Promise<void> {
  const [action, ...rest] = args;
  const { values } = parseArgs({ args: rest, options: { clear: { type: 'boolean', default: false }, 'data-dir': { type: 'string' } } });
  if (action !== 'pin') throw new UsageError('operator takes pin');
  const dataDir = dataDirFrom(values);
  const settings = new SettingsStore(dataDir, createLogger(path.join(dataDir, 'olifant.log'), false));
  try {
    if (values.clear) {
      settings.update({ operatorPin: null });
      process.stdout.write('the PIN is removed: only the service door opens the service screen now\n');
      return;
    }
    const [pin, again = pin] = await readLines(['New PIN (5 to 12 digits): ', 'The same PIN again: ']);
    if (pin !== again) throw new Error('the two PINs differ; nothing changed');
    settings.update({ operatorPin: hashPin(pin) });
    process.stdout.write('the PIN is set; a running kiosk takes it within a few seconds\n');
  } finally {
    settings.close();
  }
}

function venue(args: string[]): void {
  const [action, ...rest] = args;
  const { values, positionals } = parseArgs({ args: rest, allowPositionals: true, options: { 'data-dir': { type: 'string' } } });
  if (action !== 'start' && action !== 'list') throw new UsageError('venue takes start or list');
  if (action === 'start' && positionals.length !== 1) throw new UsageError('venue start needs the venue\'s name, in quotes if it has spaces');
  const dataDir = dataDirFrom(values);
  const settings = new SettingsStore(dataDir, createLogger(path.join(dataDir, 'olifant.log'), false));
  const store = new AnswerStore(path.join(dataDir, 'answers.sqlite'));
  try {
    const visits = new VenueVisits(store, settings);
    visits.reconcile();
    if (action === 'start') {
      process.stdout.write(`${visits.start(positionals[0]).id}\n`);
      return;
    }
    for (const visit of visits.list()) process.stdout.write(`${visit.id}\t${visit.name}\t${visit.startedHour} to ${visit.endedHour ?? 'now'}\n`);
  } catch (error) {
    if (error instanceof VenueNameError) throw new Error(`the venue visit is not started: ${error.message}`);
    throw error;
  } finally {
    store.close();
    settings.close();
  }
}

/** The port a hub listens on when not told. */
const HUB_PORT = 8750;

async function hub(args: string[]): Promise<void> {
  const action = args[0] && !args[0].startsWith('-') ? args[0] : 'serve';
  const { values, positionals } = parseArgs({
    args: action === 'serve' ? args : args.slice(1),
    allowPositionals: true,
    options: {
      'data-dir': { type: 'string' },
      port: { type: 'string', default: String(HUB_PORT) },
      host: { type: 'string' },
      'tls-cert': { type: 'string' },
      'tls-key': { type: 'string' },
      'behind-proxy': { type: 'string', multiple: true },
      'public-host': { type: 'string', multiple: true },
      name: { type: 'string' },
      url: { type: 'string' },
      stick: { type: 'string' },
      key: { type: 'string' },
      'trust-new-pillar': { type: 'boolean', default: false },
    },
  });
  const store = new HubStore(values['data-dir'] ? path.resolve(values['data-dir']) : defaultHubDir());
  const pillars = new Pillars(store);
  if (action === 'serve') {
    if (Boolean(values['tls-cert']) !== Boolean(values['tls-key'])) throw new UsageError('TLS needs both --tls-cert and --tls-key');
    const tls = values['tls-cert'] && values['tls-key'] ? { cert: values['tls-cert'], key: values['tls-key'] } : undefined;
    try {
      const running = await startHub(store, pillars, { port: Number(values.port), host: values.host, tls, behindProxy: values['behind-proxy'] ?? [], publicHosts: values['public-host'] ?? [] });
      process.stdout.write(`${running.url}\n`);
      // Stopped (Ctrl-C, systemctl stop): the requests in hand are finished, the reader
      // threads ended, the database closed (its log folded in), then exit 0. Once, whatever comes twice.
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
    return;
  }
  try {
    if (action === 'add-pillar') {
      if (positionals.length !== 1) throw new UsageError('hub add-pillar needs the pillar id its service screen shows');
      const token = pillars.add(positionals[0], values.name, values.key === undefined ? undefined : keyFrom(values.key, bundleKeyIn));
      const hubUrl = values.url ?? `http://127.0.0.1:${values.port}`;
      if (values.stick) {
        const file = hubFileOn(path.resolve(values.stick), positionals[0]);
        mkdirSync(path.dirname(file), { recursive: true });
        writeFileAtomic(file, JSON.stringify({ hubUrl, hubToken: token }) + '\n', 0o600);
        process.stdout.write(`the settings are on the stick too (${file}): the pillar's service screen offers to use them\n`);
      }
      if (values.key === undefined) process.stdout.write(`pillar ${positionals[0]} has no bundle key yet: its bundles are refused until \`olifant hub set-pillar-key ${positionals[0]} KEY\` sets it\n`);
      process.stdout.write(`pillar ${positionals[0]} is registered. Its token is shown only now; put these two settings in the pillar's settings.json:\n`);
      process.stdout.write(`${JSON.stringify({ hubUrl, hubToken: token })}\n`);
    } else if (action === 'add-lecturer') {
      if (positionals.length !== 1) throw new UsageError('hub add-lecturer needs the lecturer\'s name, in quotes if it has spaces');
      const token = new Lecturers(store).add(positionals[0]);
      const hubUrl = values.url ?? `http://127.0.0.1:${values.port}`;
      process.stdout.write(`a sign-in link for ${positionals[0]}, for one use within 7 days (on this machine no sign-in is needed):\n`);
      process.stdout.write(`${hubUrl.replace(/\/$/, '')}/signin?token=${token}\n`);
    } else if (action === 'lecturers') {
      for (const l of new Lecturers(store).list()) process.stdout.write(`${l.id}\t${l.name}\tsince ${l.addedHour}\t${l.sessions} signed in\t${l.links} unused link(s)\n`);
    } else if (action === 'end-sessions') {
      if (positionals.length !== 1 || !/^\d+$/.test(positionals[0])) throw new UsageError('hub end-sessions needs the lecturer\'s number, as `olifant hub lecturers` lists it');
      const ended = new Lecturers(store).end(Number(positionals[0]));
      if (ended === null) throw new Error(`there is no lecturer number ${positionals[0]}; \`olifant hub lecturers\` lists them`);
      process.stdout.write(`lecturer ${positionals[0]} is signed out (${ended} session(s) ended) and their unused links no longer work; \`olifant hub add-lecturer\` gives a new one\n`);
    } else if (action === 'pillars') {
      for (const p of pillars.list()) process.stdout.write(`${p.id}\t${p.name}\t${p.revoked ? 'revoked' : 'active'}\tsince ${p.added_hour}\t${p.public_key ? `bundle key ${keyFingerprint(p.public_key)}…` : 'no bundle key'}\n`);
    } else if (action === 'import') {
      if (positionals.length === 0) throw new UsageError('hub import needs one or more .olifant-results files');
      let refused = 0;
      for (const file of positionals) {
        try {
          const done = importBundle(path.resolve(file), store, pillars, { trust: values['trust-new-pillar'] ? 'bundle-key' : 'no', name: file });
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
    } else if (action === 'packs') {
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
    } else if (action === 'remove-pack') {
      const [pillarId, packId, version] = positionals;
      if (positionals.length !== 3 || !/^\d+$/.test(version)) throw new UsageError('hub remove-pack needs PILLAR_ID PACK_ID VERSION, as `olifant hub packs` lists them ("" for no pillar)');
      if (!store.removePack(pillarId, packId, Number(version))) throw new Error(`pillar ${pillarId || '(no pillar)'} has no pack record ${packId} version ${version}; \`olifant hub packs\` lists them`);
      process.stdout.write(`pack record ${packId} version ${version} of ${pillarId || '(no pillar)'} is removed; the answers stay\n`);
    } else if (action === 'revoke-pillar') {
      if (positionals.length !== 1) throw new UsageError('hub revoke-pillar needs the pillar id');
      pillars.revoke(positionals[0]);
      process.stdout.write(`pillar ${positionals[0]}'s token is revoked, and its bundles are refused; its answers stay\n`);
    } else if (action === 'set-pillar-key') {
      if (positionals.length !== 2) throw new UsageError('hub set-pillar-key needs the pillar id and its key (or a file holding it)');
      pillars.setKey(positionals[0], keyFrom(positionals[1], bundleKeyIn));
      process.stdout.write(`pillar ${positionals[0]}'s bundle key is set; bundles signed with another key are refused\n`);
    } else {
      throw new UsageError('hub takes add-pillar, set-pillar-key, pillars, revoke-pillar, add-lecturer, lecturers, end-sessions, import, packs or remove-pack, or nothing to run the hub');
    }
  } catch (error) {
    if (error instanceof PillarError) throw new Error(error.message);
    throw error;
  } finally {
    store.close();
  }
}

async function sync(args: string[]): Promise<void> {
  const [action, ...rest] = args;
  const { values } = parseArgs({ args: rest, options: { 'data-dir': { type: 'string' } } });
  if (action !== 'now' && action !== 'status') throw new UsageError('sync takes now or status');
  const dataDir = dataDirFrom(values);
  const log = createLogger(path.join(dataDir, 'olifant.log'), false);
  const settings = new SettingsStore(dataDir, log);
  const store = new AnswerStore(path.join(dataDir, 'answers.sqlite'));
  try {
    const sender = new SyncSender({ outbox: new Outbox(store), settings: () => settings.current(), log, statusFile: path.join(dataDir, 'sync-status.json') });
    if (action === 'status') {
      process.stdout.write(`${JSON.stringify(sender.status())}\n`);
      return;
    }
    const { sent, problem } = await sender.send();
    process.stdout.write(`sent ${sent.answers} answer(s), ${sent.venues} venue visit(s), ${sent.packs} pack(s)\n`);
    if (problem) throw new Error(problem);
  } finally {
    store.close();
    settings.close();
  }
}

function pillar(args: string[]): void {
  const [action, ...rest] = args;
  const { values } = parseArgs({ args: rest, options: { 'data-dir': { type: 'string' } } });
  if (action !== 'id') throw new UsageError('pillar takes id');
  const dataDir = dataDirFrom(values);
  const settings = new SettingsStore(dataDir, createLogger(path.join(dataDir, 'olifant.log'), false));
  process.stdout.write(`${settings.current().pillarId}\n`);
  settings.close();
  // The first line alone is the id (scripts read it); the key is for \`olifant hub add-pillar --key\`.
  process.stdout.write(`bundle key: ${pillarKey(dataDir).publicKey}\n`);
}

async function main(argv: string[]): Promise<void> {
  const [command, ...args] = argv;
  switch (command) {
    case 'serve': return serve(args);
    case 'results': return results(args);
    case 'pillar-sim': return pillarSim(args);
    case 'pack': return pack(args);
    case 'operator': return operator(args);
    case 'venue': return venue(args);
    case 'hub': return hub(args);
    case 'sync': return sync(args);
    case 'pillar': return pillar(args);
    case 'report': return report(args);
    case undefined: case 'help': case '--help': case '-h':
      process.stdout.write(HELP + '\n');
      return;
    default:
      throw new UsageError(`unknown command "${command}"`);
  }
}

main(process.argv.slice(2)).catch((error: Error) => {
  if (error instanceof UsageError || (error as { code?: string }).code?.startsWith('ERR_PARSE_ARGS')) {
    process.stderr.write(`olifant: ${error.message}\n\n${HELP}\n`);
    process.exit(2);
  }
  process.stderr.write(`olifant: ${error instanceof PackError ? 'the pack is refused: ' : ''}${error.message}\n`);
  process.exit(1);
});
