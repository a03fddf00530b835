#!/usr/bin/env node
// The `olifant` command: its commands, options, help and exit codes, read by commander. Each
// command's own code, with what it needs (SQLite, exceljs, Fastify...), is imported only when
// that command runs, so `olifant --help` answers at once.

import { Command, CommanderError, InvalidArgumentError, Option } from 'commander';
import { LECTURE_LANGUAGES } from '../api/lecture.ts';
import { EXIT_USAGE, FAILURES } from '../api/errors.ts';
import { defaultDataDir, defaultHubDir } from '../platform/paths.ts';
import type { HubValues } from './hub.ts';
import { UsageError } from './kiosk-args.ts';

/** What the command's exit code says (the error vocabulary's, api/errors.ts): done; not done (told why on stderr); not understood (nothing done). */
const EXIT = { done: 0, failed: FAILURES['bad-request'].exit, usage: EXIT_USAGE } as const;

const EXIT_CODES = `Exit codes:
  ${EXIT.done}  done
  ${EXIT.failed}  not done, and stderr says why: refused (a pack, a bundle, a PIN), not found, not
     written, no hub reached; \`hub import\`: any bundle refused; \`sync now\`: something still waits
  ${EXIT.usage}  not understood: an unknown command or option, a missing or bad argument (named
     on stderr); nothing was done
  ${FAILURES.storage.exit} a disk or USB stick could not be written or read (full, read-only, taken out)
  ${FAILURES.busy.exit} busy: another pack is being installed; try again when it is done
  ${FAILURES.internal.exit} a fault inside the software; the log says what happened`;

/**
 * Runs a command's code, imported only now, with what commander hands an action: its arguments,
 * its options (with those given to the commands above it, such as `pack --data-dir`), the
 * command itself. A UsageError it throws is told as commander's own are.
 */
function lazy(load: () => Promise<(...args: any[]) => unknown>) {
  return async (...args: unknown[]) => {
    const command = args.at(-1) as Command;
    args[args.length - 2] = command.optsWithGlobals();
    const run = await load();
    try {
      await run(...args);
    } catch (error) {
      if (error instanceof UsageError) command.error(error.message, { exitCode: EXIT.usage, code: 'olifant.usage' });
      throw error;
    }
  };
}

/** For an option given more than once: every value, in order. */
const repeated = (value: string, previous: string[] = []) => [...previous, value];

/** A value from a fixed list; otherwise an error that names the flag and the list. */
function oneOf<T extends string>(flag: string, values: readonly T[]) {
  return (value: string): T => {
    if ((values as readonly string[]).includes(value)) return value as T;
    throw new InvalidArgumentError(`Use ${values.map((v) => `${flag} ${v}`).join(' or ')}`);
  };
}

/** A whole number, such as `listed` lists it; otherwise an error that says so. */
const wholeNumber = (listed: string) => (value: string): number => {
  if (!/^\d+$/.test(value)) throw new InvalidArgumentError(`It is a whole number, as \`${listed}\` lists it`);
  return Number(value);
};

const dataDirOption = () => new Option('--data-dir <dir>', "the pillar's data folder (else $OLIFANT_DATA_DIR, or the platform's place)");

/** What runs a command: the function of its module, imported only when it runs. */
type Load = Parameters<typeof lazy>[0];

/** A command of `parent`: its name, its line in the list of commands, what its --help says, and what runs it. */
const command = (parent: Command, name: string, summary: string, description: string, load: Load) => parent.command(name).summary(summary).description(description).action(lazy(load));

/** A command of the pillar's data folder whose own commands do the work (`olifant pack ...`): each takes --data-dir. */
const group = (parent: Command, name: string, summary: string, description: string) => parent.command(name).summary(summary).description(description).addOption(dataDirOption());

function olifantProgram(): Command {
  const program = new Command('olifant')
    .description('The commands of the kiosk, its data folder and the hub.')
    // Errors are told once, as `olifant: ...`, with the help of the command that failed after them.
    .configureOutput({ outputError: (text, write) => write(`olifant: ${text.replace(/^error: /, '')}`) })
    .showHelpAfterError(true)
    .exitOverride()
    .addHelpText('before', 'olifant: the software of the pillar "De olifant in de kamer"\n')
    .addHelpText(
      'after',
      `
The data folder (answers.sqlite, settings.json, olifant.log) is $OLIFANT_DATA_DIR, or --data-dir DIR,
else ${defaultDataDir()}; the hub's is $OLIFANT_HUB_DIR or --data-dir DIR, else ${defaultHubDir()}.
The hour column is in UTC in every export (2026-11-22T14:00Z is 15:00 in Amsterdam in winter).

${EXIT_CODES}

Examples:
  olifant serve --pillar simulated
  olifant results --format csv --excel-nl > answers.csv
  olifant report --venue 2026-11-24-hva-amsterdam --format pptx --out hva.pptx
  olifant hub add-pillar pillar-07 --url https://hub.example.org --stick /media/usb
  olifant hub --help`,
    );
  program.on('command:*', ([name]: string[]) => program.error(`unknown command "${name}"`, { exitCode: EXIT.usage, code: 'commander.unknownCommand' }));

  command(program, 'serve', 'the kiosk UI and its services on 127.0.0.1; prints the URL', 'Serves the kiosk UI and its services on 127.0.0.1 and prints the URL.', async () => (await import('./serve.ts')).serve)
    .option('--port <n>', 'the port (0: any free one)', '0')
    .option('--pillar <which>', 'auto (the board) or simulated')
    .option('--pillar-port <path>', "the board's serial port")
    .option('--bundled-pack <dir>', 'this pack folder instead of the one that comes with the app')
    .addOption(dataDirOption())
    .addOption(new Option('--dev', 'as the Electron shell takes it; no effect here').hideHelp());

  command(
    program,
    'results',
    'every stored answer as CSV (hours in UTC), or a signed results bundle',
    'Prints every stored answer as CSV on stdout. The hour column is in UTC (2026-11-22T14:00Z is 15:00 ' +
      'in Amsterdam in winter); --excel-nl as Dutch Excel opens it in columns (BOM, semicolons, decimal ' +
      'commas). --format bundle writes every answer, venue visit and pack as a signed results bundle ' +
      '(for a hub without network): into DRIVE/olifant-results/, or to a file ending in ' +
      '.olifant-results; and prints where.',
    async () => (await import('./results.ts')).results,
  )
    .addOption(new Option('--format <format>', 'csv or bundle').default('csv').argParser(oneOf('--format', ['csv', 'bundle'] as const)))
    .option('--out <drive-or-file>', 'where --format bundle writes the bundle')
    .option('--excel-nl', 'the CSV for Dutch Excel')
    .addOption(dataDirOption());

  command(
    program,
    'report',
    'lecture-ready files for one venue visit: slides, spreadsheet, Dutch CSV or PNG charts',
    "Lecture-ready files for one venue visit, from a hub's data folder or a pillar's (--data-dir): " +
      'slides with editable charts, a spreadsheet, the answers as Dutch CSV, or one 1920x1080 PNG chart ' +
      'per question into the folder --out names.',
    async () => (await import('./report.ts')).report,
  )
    .requiredOption('--venue <id>', 'the venue visit, as `olifant venue list` names it')
    .addOption(new Option('--format <format>', 'pptx, xlsx, csv or png').makeOptionMandatory().argParser(oneOf('--format', ['pptx', 'xlsx', 'csv', 'png'] as const)))
    .requiredOption('--out <path>', 'the file, or for png the folder')
    .addOption(new Option('--language <code>', LECTURE_LANGUAGES.join(', ')).default('nl').argParser(oneOf('--language', LECTURE_LANGUAGES)))
    .addOption(new Option('--data-dir <dir>', "a hub's or a pillar's data folder"));

  command(
    program,
    'pillar-sim',
    'a simulated controller board on a serial port or pseudo-terminal',
    'A simulated controller board on a serial port or pseudo-terminal; type help for its faults, quit to end it.',
    async () => (await import('./pillar-sim.ts')).pillarSim,
  )
    .requiredOption('--port <path>', 'the serial port or pseudo-terminal')
    .option('--dispense-ms <n>', 'how long a dispense takes', '800')
    .option('--stock <n>', 'cards in each slot', '100')
    .option('--manual-take', 'a card stays in the slot until `take` is typed');

  const pack = group(program, 'pack', 'install, check and sign content packs', 'Content packs: installed into the data folder as the operator screen does, and checked and signed by whoever makes them.');
  const packDir = '<dir>';
  const packDirWords = 'the olifant-pack folder, or the drive holding it';
  const packs = async () => import('./pack.ts');
  command(pack, 'install', 'installs the pack on a stick into the data folder', 'Installs the pack on a stick into the data folder, as the operator screen does.', async () => (await packs()).packInstall)
    .argument(packDir, packDirWords)
    .option('--rollback', 'confirms a version that is not higher than the running one');
  command(pack, 'current', 'the running pack, as JSON', 'Prints the running pack as JSON: {"id": ..., "version": ...}.', async () => (await packs()).packCurrent);
  command(pack, 'rollback', 'runs the previous pack again', 'Runs the previous pack again.', async () => (await packs()).packRollback);
  command(pack, 'check', 'checks a content pack folder', 'Checks a content pack folder: every rule of content-pack.md, and its signature.', async () => (await packs()).packCheck)
    .argument(packDir, packDirWords)
    .option('--key <public-key>', 'a trusted public key: the public.txt keygen wrote, or the key itself (again for more)', repeated)
    .option('--allow-unsigned', 'checks all but the signature');
  command(pack, 'keygen', 'makes a signing key pair', 'Makes a signing key pair: private.pem (keep it secret) and public.txt.', async () => (await packs()).packKeygen)
    .requiredOption('--out <dir>', 'the folder the two files go into');
  command(pack, 'sign', 'signs a content pack folder', 'Signs a content pack folder (writes its pack.sig).', async () => (await packs()).packSign)
    .argument(packDir, packDirWords)
    .requiredOption('--key <private-key-file>', 'the private.pem keygen wrote');

  const venue = group(program, 'venue', 'start and list venue visits', "A pillar's venue visits.");
  command(
    venue,
    'start',
    'starts a venue visit; prints its id',
    'Ends the running venue visit and starts one at the named venue; prints its id (the date and ' +
      "the name, e.g. 2026-11-24-hva-amsterdam). A running kiosk's next answers carry it.",
    async () => (await import('./venue.ts')).venueStart,
  ).argument('<name>', "the venue's name, in quotes if it has spaces");
  command(venue, 'list', 'the venue visits, newest first', 'The venue visits, newest first: id, name, and the hours (UTC) they started and ended.', async () => (await import('./venue.ts')).venueList);

  hubCommands(program);

  const sync = group(program, 'sync', "send what waits to the hub, or show the sync's facts", "A pillar's sync with the hub (hubUrl, hubToken in settings).");
  const syncs = (what: 'now' | 'status') => async () => (await import('./sync.ts')).sync.bind(null, what);
  command(sync, 'now', 'sends what waits to the hub at once', 'Sends what waits to the hub at once and says what happened; exit 0 when nothing waits any more, 1 otherwise.', syncs('now'));
  command(sync, 'status', "the sync's facts as JSON", "The sync's facts as JSON: hub set, what waits, last success, last problem.", syncs('status'));

  const pillar = group(program, 'pillar', "this pillar's id and bundle key", 'This pillar.');
  command(pillar, 'id', "this pillar's id and bundle key", "Prints this pillar's id, and on the next line its bundle key (for `olifant hub add-pillar ID --key KEY` on the hub).", async () => (await import('./pillar.ts')).pillarId);

  const operator = group(program, 'operator', "the crew's PIN for the PIN pad", "The crew's access to the service screen.");
  command(
    operator,
    'pin',
    "sets or clears the crew's PIN",
    "Sets the crew's PIN for the PIN pad (a 2-second hold in the screen's top-left corner; for " +
      'pillars without a door switch): 5 to 12 digits, read from stdin (asked twice on a terminal). ' +
      'Only a salted hash is kept, in settings.json.',
    async () => (await import('./operator.ts')).operatorPin,
  ).option('--clear', 'removes the PIN');

  return program;
}

/** The port a hub listens on when not told. */
const HUB_PORT = '8750';

/** `olifant hub`: runs the hub; its commands work on its data folder. Its options go with each of them. */
function hubCommands(program: Command): void {
  const hub = program
    .command('hub')
    .summary("the hub that gathers every pillar's answers, and its pillars, lecturers and packs")
    .description(
      "The hub that gathers every pillar's answers (POST /v1/batches); prints its URL. It listens on " +
        '127.0.0.1 (port 8750) unless --host says otherwise, and then only with TLS or behind a reverse ' +
        'proxy. It answers only to localhost, this machine\'s name and addresses, and each --public-host; ' +
        'other names are refused (421). Its data folder is $OLIFANT_HUB_DIR or --data-dir DIR; it logs to ' +
        'hub.log there (and its warnings and errors to standard output). A damaged database is not ' +
        'opened: the hub says so, writes nothing into it, and exits 1. With a command, works on the data ' +
        'folder instead.',
    )
    .usage('[options] [command]')
    .option('--port <n>', 'the port it listens on (add-pillar and add-lecturer: of the URL they print)', HUB_PORT)
    .option('--host <address>', 'listen beyond this machine: needs --tls-cert and --tls-key, or --behind-proxy')
    .option('--tls-cert <file>', 'the TLS certificate (PEM)')
    .option('--tls-key <file>', 'its private key (PEM)')
    .option('--behind-proxy <address>', "the reverse proxy's address or range (e.g. 10.0.0.0/24; again for more): the only sender whose X-Forwarded-For is believed", repeated)
    .option('--public-host <name>', "a name pillars and lecturers use for the hub, e.g. the proxy's (again for more)", repeated)
    .addOption(new Option('--data-dir <dir>', "the hub's data folder"))
    .option('--cards-below <n>', 'the fleet view: a pillar with fewer cards left needs someone (50 unless told)', wholeNumber('olifant hub fleet'))
    .addHelpText('after', `\n${EXIT_CODES}`);

  const hubs = async () => import('./hub.ts');
  command(
    hub,
    'add-pillar',
    'registers a pillar: prints its token and settings',
    'Registers a pillar; prints its token once, and the pillar\'s two settings as JSON on the last line: ' +
      '{"hubUrl": ..., "hubToken": ...}. Without --key, the pillar\'s bundles are refused until ' +
      'set-pillar-key sets it.',
    async () => (await hubs()).addPillar,
  )
    .argument('<pillar-id>', "the id the pillar's service screen shows")
    .option('--key <key>', "the pillar's bundle key (as `olifant pillar id` prints it), or a file holding it")
    .option('--name <name>', "the pillar's name")
    .option('--url <hub-url>', 'the URL the pillar reaches the hub at')
    .option('--stick <drive>', "also writes the settings to the stick (olifant-hub/PILLAR_ID.json), for the pillar's service screen");
  command(hub, 'set-pillar-key', "sets or replaces a pillar's bundle key", 'Sets or replaces a registered pillar\'s bundle key (one trusted by mistake, say); the old and the new key are logged.', async () => (await hubs()).setPillarKey)
    .argument('<pillar-id>')
    .argument('<key>', 'the key, or a file holding it');
  command(hub, 'pillars', 'the registered pillars', 'The registered pillars: id, name, active or revoked, since when, and the start of the bundle key (or that it has none).', async () => (await hubs()).listPillars);
  command(hub, 'revoke-pillar', "takes a pillar's token back", "Takes a pillar's token back: its pushes and its bundles are refused from then on; its answers stay.", async () => (await hubs()).revokePillar).argument('<pillar-id>');
  command(
    hub,
    'add-lecturer',
    'a one-time sign-in link for a lecturer',
    "Prints a one-time sign-in link (valid 7 days) to the hub's presenter view, for a hub that listens " +
      'beyond this machine. Opening it shows a button; pressing that signs in (the link is then used), for 30 days.',
    async () => (await hubs()).addLecturer,
  )
    .argument('<name>', "the lecturer's name, in quotes if it has spaces")
    .option('--url <hub-url>', 'the URL lecturers reach the hub at');
  command(hub, 'lecturers', 'the lecturers', 'The lecturers: number, name, since when, browsers signed in, unused sign-in links.', async () => (await hubs()).listLecturers);
  command(hub, 'end-sessions', 'signs a lecturer out everywhere', 'Signs a lecturer out everywhere and ends their unused links (a new link signs in again).', async () => (await hubs()).endSessions)
    .argument('<number>', 'the lecturer\'s number, as `olifant hub lecturers` lists it', wholeNumber('olifant hub lecturers'));
  command(
    hub,
    'import',
    'imports results bundles, each whole or not at all',
    'Imports results bundles from USB sticks, each whole or not at all. A bundle of a pillar this hub ' +
      "never registered needs --trust-new-pillar (its key is then registered); a registered pillar's must " +
      'carry its registered key. Exit 1 if any is refused.',
    async () => (await hubs()).importBundles,
  )
    .argument('<file...>', '.olifant-results files, and the .olifant-health files beside them')
    .option('--trust-new-pillar', 'registers the key of a pillar this hub never registered, from its bundle');
  command(
    hub,
    'fleet',
    'every pillar: its visit, last contact, pack, cards; those that need someone first',
    "Every registered pillar with its venue visit, last contact, pack, dispenser, cards left and answers shown today; those that need someone first, with the reason. --json: as the hub's page reads it (GET /v2/fleet).",
    async () => (await import('./fleet.ts')).fleet,
  ).option('--json', 'as JSON');
  command(hub, 'packs', 'the pack records pillars sent', 'The pack records pillars sent (the questions\' texts), per pillar: PILLAR PACK VERSION.', async () => (await hubs()).listPacks);
  command(hub, 'remove-pack', 'removes one pack record', 'Removes one pack record (its answers stay; they show question ids until it comes again).', async () => (await hubs()).removePack)
    .argument('<pillar-id>', 'as `olifant hub packs` lists it ("" for no pillar)')
    .argument('<pack-id>')
    .argument('<version>', 'the version, a whole number', wholeNumber('olifant hub packs'));
  command(hub, 'publish-pack', 'offers a signed pack to chosen pillars', 'Offers a signed content pack to the pillars named: each fetches it at its next check-in and checks it as a pack from a USB stick. A pack that breaks a rule is refused here.', async () => (await hubs()).publishPack)
    .argument('<pack>', 'the olifant-pack folder, the drive holding it, or a zip of it')
    .requiredOption('--to <pillar-id...>', 'the pillars to offer it to, as `olifant hub pillars` lists them')
    .option('--key <public-key>', 'also checks the signature with this key (public.txt, or the key; again for more)', repeated);
  command(hub, 'offers', 'the packs offered, per pillar, and what each pillar did', 'The packs offered, newest first: PILLAR PACK VERSION STATE HOUR OFFER [REASON]; states: offered, waiting, installed, refused, declined.', async () => (await hubs()).listOffers).option('--json', 'as JSON');

  // Without a command the hub runs; a word that names none is refused, not taken as its argument.
  hub.allowExcessArguments().action(lazy(async () => {
    const { runHub } = await import('./hub.ts');
    return (values: HubValues, command: Command) => {
      if (command.args.length > 0) command.error(`unknown command "hub ${command.args[0]}"`, { exitCode: EXIT.usage, code: 'commander.unknownCommand' });
      return runHub(values);
    };
  }));
}

/** Runs the command; its exit code as EXIT says. */
async function main(argv: string[]): Promise<void> {
  const program = olifantProgram();
  try {
    // Bare `olifant` shows the help, as `olifant help` does.
    await program.parseAsync(argv.length === 0 ? ['--help'] : argv, { from: 'user' });
  } catch (error) {
    if (error instanceof CommanderError) process.exit(error.exitCode === 0 ? EXIT.done : EXIT.usage);
    process.stderr.write(`olifant: ${(error as Error).message}\n`);
    // Loaded only now: `olifant --help` stays quick.
    const { exitCodeOf } = await import('../kiosk/errors.ts');
    process.exit(exitCodeOf(error));
  }
}

await main(process.argv.slice(2));
