#!/usr/bin/env node
// The `olifant` command. Run `olifant help` for what it does.

import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { createInterface } from 'node:readline';
import { parseArgs } from 'node:util';
import { PackError, checkManifest, checkPack, packFolder } from '../../content/pack.ts';
import { generateSigningKey, publicKeyIn, publicKeyOf, signManifest } from '../../content/signing.ts';
import { startSimulator } from '../../hardware/simulator.ts';
import { serveKiosk } from '../carriers/http.ts';
import { answersCsv } from '../core/answers/csv.ts';
import { ANSWER_FIELDS, AnswerStore } from '../core/answers/store.ts';
import { dutchCsv } from '../core/report/csv-nl.ts';
import { lecture } from '../core/report/lecture.ts';
import { lectureCharts } from '../core/report/png.ts';
import { lecturePresentation } from '../core/report/pptx.ts';
import { lectureWorkbook } from '../core/report/xlsx.ts';
import { openPackStore } from '../core/packs/store.ts';
import { createLogger } from '../core/platform/log.ts';
import { defaultDataDir, defaultHubDir } from '../core/platform/paths.ts';
import { hashPin } from '../core/operator/pin.ts';
import { readPlainFile } from '../core/platform/plain-file.ts';
import { writeFileAtomic, writeProblem } from '../core/platform/atomic.ts';
import { SettingsStore } from '../core/settings/settings.ts';
import { BUNDLE_EXTENSION, bundleOnDrive, writeBundle } from '../core/sync/bundle.ts';
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
import { parseKioskArgs, UsageError } from './kiosk-args.ts';

const HELP = `olifant: the software of the pillar "De olifant in de kamer"

  olifant serve [--port N] [--pillar auto|simulated] [--pillar-port PATH] [--bundled-pack DIR]
      Serves the kiosk UI and its services on 127.0.0.1 and prints the URL;
      --bundled-pack uses that pack folder instead of the one that comes with the app.
  olifant results --format csv
      Prints every stored answer as CSV on stdout. The hour column is in UTC
      (2026-11-22T14:00Z is 15:00 in Amsterdam in winter).
  olifant results --format csv --excel-nl
      The same, as Dutch Excel opens it in columns (BOM, semicolons, decimal commas).
  olifant report --venue ID --format pptx|xlsx|csv|png --out PATH [--language nl|en]
      Lecture-ready files for one venue visit, from a hub's data folder or a pillar's
      (--data-dir): slides with editable charts, a spreadsheet, the answers as Dutch CSV,
      or one 1920x1080 PNG chart per question into the folder PATH.
  olifant results --format bundle --out DRIVE_OR_FILE
      Writes every answer, venue visit and pack as a signed results bundle (for a hub without
      network): into DRIVE/olifant-results/, or to a file ending in .olifant-results; prints it.
  olifant pillar-sim --port PATH [--dispense-ms N] [--stock N] [--manual-take]
      A simulated controller board on a serial port or pseudo-terminal; type help for faults.
  olifant pack install DIR [--rollback]
      Installs the pack on a stick (DIR: the drive or its olifant-pack folder) into the data
      folder, as the operator screen does; --rollback confirms a version that is not higher.
  olifant pack current
      Prints the running pack as JSON: {"id": ..., "version": ...}.
  olifant pack rollback
      Runs the previous pack again.
  olifant venue start NAME
      Ends the running venue visit and starts one at the named venue; prints its id (the
      date and the name, e.g. 2026-11-24-hva-amsterdam). A running kiosk's next answers carry it.
  olifant venue list
      The venue visits, newest first: id, name, and the hours (UTC) they started and ended.
  olifant hub [--port N] [--host ADDR (--tls-cert FILE --tls-key FILE | --behind-proxy PROXY_ADDR...)] [--public-host NAME]...
      The hub that gathers every pillar's answers (POST /v1/batches); prints its URL. It
      listens on 127.0.0.1 (port 8750) unless --host says otherwise, and then only with TLS
      or behind a reverse proxy: --behind-proxy names the proxy's address (or range, e.g.
      10.0.0.0/24; repeat it for more), the only sender whose X-Forwarded-For is believed.
      Its data folder is $OLIFANT_HUB_DIR or --data-dir DIR; it logs to hub.log there (and
      its warnings and errors to standard output). A damaged database is not opened: the
      hub says so, writes nothing into it, and exits 1.
      It answers only to localhost, this machine's name and addresses, and each --public-host
      (the name pillars and lecturers use, e.g. the proxy's); other names are refused (421).
  olifant hub add-pillar PILLAR_ID [--key KEY] [--name NAME] [--url HUB_URL] [--stick DRIVE]
      Registers a pillar; prints its token once, and the pillar's two settings as JSON on
      the last line: {"hubUrl": ..., "hubToken": ...}. --stick also writes them to the stick
      (olifant-hub/PILLAR_ID.json), for the pillar's service screen to take. --key is the
      pillar's bundle key (as \`olifant pillar id\` prints it on the pillar), or a file holding
      it: without it, the pillar's bundles are refused until set-pillar-key sets it.
  olifant hub set-pillar-key PILLAR_ID KEY
      Sets or replaces a registered pillar's bundle key (KEY: the key, or a file holding it),
      for one trusted by mistake, say; the old and the new key are logged.
  olifant hub pillars
      The registered pillars: id, name, active or revoked, since when, and the start of the
      bundle key (or that it has none).
  olifant hub packs
      The pack records pillars sent (the questions' texts), per pillar: PILLAR PACK VERSION.
  olifant hub remove-pack PILLAR_ID PACK_ID VERSION
      Removes one pack record (its answers stay; they show question ids until it comes again).
  olifant hub revoke-pillar PILLAR_ID
      Takes a pillar's token back: its pushes and its bundles are refused from then on.
  olifant hub add-lecturer NAME [--url HUB_URL]
      Prints a one-time sign-in link (valid 7 days) to the hub's presenter view, for a hub
      that listens beyond this machine. Opening it shows a button; pressing that signs in
      (the link is then used), for 30 days.
  olifant hub lecturers
      The lecturers: number, name, since when, browsers signed in, unused sign-in links.
  olifant hub end-sessions NUMBER
      Signs a lecturer out everywhere and ends their unused links (a new link signs in again).
  olifant hub import FILE... [--trust-new-pillar]
      Imports results bundles from USB sticks, each whole or not at all. A bundle of a pillar
      this hub never registered needs --trust-new-pillar (its key is then registered); a
      registered pillar's must carry its registered key. Exit 1 if any is refused.
  olifant sync now
      Sends what waits to the hub (hubUrl, hubToken in settings) at once and says what
      happened; exit 0 when nothing waits any more, 1 otherwise.
  olifant sync status
      The sync's facts as JSON: hub set, what waits, last success, last problem.
  olifant pillar id
      Prints this pillar's id, and on the next line its bundle key (for
      \`olifant hub add-pillar ID --key KEY\` on the hub).
  olifant operator pin [--clear]
      Sets the crew's PIN for the PIN pad (a 2-second hold in the screen's top-left corner;
      for pillars without a door switch): 5 to 12 digits, read from stdin (asked twice on a
      terminal). Only a salted hash is kept, in settings.json. --clear removes the PIN.
  olifant pack check DIR --key PUBLIC_KEY... [--allow-unsigned]
  olifant pack keygen --out DIR
  olifant pack sign DIR --key PRIVATE_KEY_FILE
      Check, and sign, a content pack folder (DIR is the olifant-pack folder or the drive holding it).
      check's --key is the public.txt keygen wrote, or the key itself; --allow-unsigned checks
      all but the signature.

  The data folder (database, settings.json, olifant.log) is $OLIFANT_DATA_DIR,
  or --data-dir DIR, else ${defaultDataDir()}.`;

/** The kiosk's data folder: --data-dir, else $OLIFANT_DATA_DIR or the platform's place. */
const dataDirFrom = (values: { 'data-dir'?: string }) => (values['data-dir'] ? path.resolve(values['data-dir']) : defaultDataDir());

function packDir(arg: string | undefined): string {
  if (!arg) throw new UsageError('name the pack folder');
  return packFolder(path.resolve(arg));
}

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

async function pack(args: string[]): Promise<void> {
  const [action, ...rest] = args;
  const { values, positionals } = parseArgs({
    args: rest,
    allowPositionals: true,
    options: {
      key: { type: 'string', multiple: true },
      out: { type: 'string' },
      'allow-unsigned': { type: 'boolean', default: false },
      rollback: { type: 'boolean', default: false },
      'data-dir': { type: 'string' },
    },
  });
  if (action === 'install' || action === 'current' || action === 'rollback') {
    const dataDir = dataDirFrom(values);
    const log = createLogger(path.join(dataDir, 'olifant.log'), false);
    const settings = new SettingsStore(dataDir, log);
    const current = settings.current();
    settings.close();
    const store = await openPackStore(dataDir, () => current, log);
    const running = action === 'install' ? await store.install(packDir(positionals[0]), { rollback: values.rollback }) : action === 'rollback' ? await store.rollback() : store.current();
    if (action === 'current') process.stdout.write(`${JSON.stringify({ id: running.pack.id, version: running.pack.version })}\n`);
    else process.stdout.write(`${running.pack.id} version ${running.pack.version} is running; a running kiosk takes it at its next attract loop\n`);
  } else if (action === 'keygen') {
    if (!values.out) throw new UsageError('pack keygen needs --out DIR');
    const key = generateSigningKey();
    mkdirSync(values.out, { recursive: true });
    writeFileSync(path.join(values.out, 'private.pem'), key.privateKeyPem, { mode: 0o600 });
    writeFileSync(path.join(values.out, 'public.txt'), key.publicKey + '\n');
    process.stdout.write(`private key: ${path.join(values.out, 'private.pem')} (keep it secret)\npublic key for the kiosk's trustedKeys: ${key.publicKey}\n`);
  } else if (action === 'sign') {
    const dir = packDir(positionals[0]);
    if (!values.key?.[0]) throw new UsageError('pack sign needs --key PRIVATE_KEY_FILE');
    const privateKeyPem = readFileSync(values.key[0], 'utf8');
    writeFileSync(path.join(dir, 'pack.sig'), signManifest(readFileSync(path.join(dir, 'pack.json')), privateKeyPem));
    const checked = await checkPack(dir, { trustedKeys: [publicKeyOf(privateKeyPem)], allowUnsigned: false });
    process.stdout.write(`signed ${checked.pack.id} version ${checked.pack.version}\n`);
  } else if (action === 'check') {
    const dir = packDir(positionals[0]);
    if (!values.key && !values['allow-unsigned']) throw new UsageError('pack check: no key given. Give the public key with --key: the public.txt `olifant pack keygen` wrote, or the key itself (as in the kiosk\'s trustedKeys); or --allow-unsigned to check all but the signature');
    const checked = await checkPack(dir, { trustedKeys: (values.key ?? []).map((key) => keyFrom(key, publicKeyIn)), allowUnsigned: values['allow-unsigned'] });
    process.stdout.write(`${checked.pack.id} version ${checked.pack.version}: ${checked.pack.questions.length} questions, ${checked.signed ? 'signed by a trusted key' : 'not signed by a trusted key'}; the pack is valid\n`);
  } else {
    throw new UsageError('pack takes install, current, rollback, check, keygen or sign');
  }
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

/**
 * A key given on the command line: the key itself, or a file holding it (what `olifant pillar id`
 * printed, or the public.txt of `olifant pack keygen`); `keyIn` finds the key in the text.
 */
function keyFrom(arg: string, keyIn: (text: string) => string): string {
  if (!existsSync(arg)) return keyIn(arg);
  let text: string;
  try {
    text = readPlainFile(arg, 64 * 1024).toString('utf8');
  } catch (error) {
    throw new Error(`the key file ${arg} cannot be read (${(error as NodeJS.ErrnoException).code ?? (error as Error).message})`);
  }
  try {
    return keyIn(text);
  } catch (error) {
    throw new Error(`${arg}: ${(error as Error).message}`);
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
      const stop = async () => {
        await running.close();
        store.close();
        process.exit(0);
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

/** Makes the folder a report goes into, with the folders above it; or says which and why not. */
function reportFolder(dir: string): void {
  try {
    mkdirSync(dir, { recursive: true });
  } catch (error) {
    throw new Error(`the folder ${dir} cannot be made for the report: ${writeProblem(error)}`);
  }
}

/** Writes one report file and prints its path; or says which file and why not. */
function reportFile(file: string, bytes: string | Buffer): void {
  try {
    writeFileAtomic(file, bytes);
  } catch (error) {
    throw new Error(`${file} cannot be written: ${writeProblem(error)}`);
  }
  process.stdout.write(`${file}\n`);
}

async function report(args: string[]): Promise<void> {
  const { values } = parseArgs({ args, options: { venue: { type: 'string' }, format: { type: 'string' }, out: { type: 'string' }, language: { type: 'string', default: 'nl' }, 'data-dir': { type: 'string' } } });
  if (!values.venue || !values.out) throw new UsageError('report needs --venue ID and --out PATH');
  if (values.format !== 'pptx' && values.format !== 'xlsx' && values.format !== 'csv' && values.format !== 'png') throw new UsageError('report --format is pptx, xlsx, csv or png');
  if (values.language !== 'nl' && values.language !== 'en') throw new UsageError('report --language is nl or en');
  const dir = dataDirFrom(values);
  // A hub's data folder or a pillar's: the same tables either way.
  const hub = existsSync(path.join(dir, 'hub.sqlite'));
  const store = hub ? new HubStore(dir) : new AnswerStore(path.join(dir, 'answers.sqlite'));
  try {
    const made = lecture(store.db, values.venue, values.language);
    if (made.results.visit.answers === 0) throw new Error(`no answers of venue visit "${values.venue}" in ${dir}; \`olifant venue list\` names the visits`);
    const out = path.resolve(values.out);
    if (values.format === 'png') {
      // One file per question, into the folder --out names.
      reportFolder(out);
      for (const { name, png } of lectureCharts(made)) reportFile(path.join(out, name), png);
      return;
    }
    const bytes = values.format === 'pptx' ? await lecturePresentation(made) : values.format === 'xlsx' ? await lectureWorkbook(made) : dutchCsv(made.words.answerColumns, made.answers);
    reportFolder(path.dirname(out));
    reportFile(out, bytes);
  } finally {
    store.close();
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
