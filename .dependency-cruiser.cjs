// The layers of the code, as dependency-cruiser checks them (tests/unit/architecture.test.ts runs
// it, so `npm test` does; `npm run check:imports` runs it alone). From the bottom up:
//
//   time/                         the one clock every timer reads: imports nothing
//   hardware/, content/           the pillar's board and the content packs: stand alone
//   electron/api/                 the contracts every role speaks (types, channel names, the schemas
//                                 and the error vocabulary)
//   electron/platform/            the machine: files, SQLite, logs, paths, sticks, the built UI's files
//   electron/results/             the results library: records, hours, tallies, the privacy floor,
//                                 the aggregates, the signed bundle
//   electron/words/               the words of every screen and lecture file: one catalogue per
//                                 language, said through intl-messageformat (browser and Node)
//   electron/lecture-files/       slides, spreadsheet, CSV and charts of a visit's results
//   electron/kiosk/               the kiosk's main process        electron/hub/  the hub
//   electron/main/, preload/      the Electron shell              electron/cli/  the `olifant` command
//   renderer/                     the screens: React in a browser, reaching the app through electron/api
//
// A layer imports only from layers below it; the kiosk and the hub, side by side, never from each other.

const { builtinModules } = require('node:module');

/** Node's own modules (dependency-cruiser names them without `node:`), and the packages that need Node. */
const NODE_ONLY = [
  `^(${builtinModules.map((m) => m.replace(/[/.]/g, '\\$&')).join('|')})$`,
  '^node_modules/(better-sqlite3|serialport|@serialport|fastify|@fastify|pino|exceljs|pptxgenjs|@resvg|electron)/',
];

/** The kiosk's main process. */
const KIOSK = '^electron/kiosk/';
const HUB = '^electron/hub/';
/** What starts a process: only these may import the kiosk and the hub together. */
const ENTRIES = '^electron/(main|preload|cli)/';
/** The libraries the kiosk and the hub share: below both. */
const SHARED = '^electron/(api|platform|results|lecture-files|words)/';

/** @type {import('dependency-cruiser').IConfiguration} */
module.exports = {
  forbidden: [
    {
      name: 'no-circular',
      severity: 'error',
      comment: 'A circle of imports has no bottom: split out what both ends need.',
      from: {},
      to: { circular: true },
    },
    {
      name: 'not-to-unresolvable',
      severity: 'error',
      comment: 'Every import names a file or package that exists.',
      from: {},
      to: { couldNotResolve: true },
    },
    {
      name: 'the-clock-stands-below-everything',
      severity: 'error',
      comment: 'time/ is the clock every timer of the product reads, the board\'s and the driver\'s too: it imports nothing of the project.',
      from: { path: '^time/' },
      to: { path: '^(electron|hardware|content|renderer)/' },
    },
    {
      name: 'hardware-and-content-stand-alone',
      severity: 'error',
      comment: 'hardware/ and content/ know nothing of the app or its screens.',
      from: { path: '^(hardware|content)/' },
      to: { path: '^(electron|renderer)/' },
    },
    {
      name: 'shared-libraries-below-kiosk-and-hub',
      severity: 'error',
      comment: 'The contracts, the platform, the results library and the lecture files serve the kiosk and the hub alike: they import neither, nor what starts them, nor the screens.',
      from: { path: SHARED },
      to: { path: [KIOSK, HUB, ENTRIES, '^renderer/'] },
    },
    {
      name: 'api-is-contracts',
      severity: 'error',
      comment: 'electron/api holds the contracts (types, channel names, schemas, the error vocabulary) every side imports: it stands on hardware/ and content/ alone.',
      from: { path: '^electron/api/' },
      to: { path: '^electron/(platform|results|lecture-files)/' },
    },
    {
      name: 'platform-knows-no-results',
      severity: 'error',
      comment: 'electron/platform is the machine (files, SQLite, paths, sticks): it knows nothing of answers, lecture files or contracts.',
      from: { path: '^electron/platform/' },
      to: { path: ['^electron/(api|results|lecture-files)/', '^(hardware|content)/'] },
    },
    {
      name: 'words-stand-on-the-floor-alone',
      severity: 'error',
      comment: 'The catalogues serve the screens (in a browser) and the lecture files (in Node): they stand on the privacy floor alone, so the screens may import them without the rest of the app.',
      from: { path: '^electron/words/' },
      to: { path: '^(electron|hardware|content)/', pathNot: ['^electron/words/', '^electron/results/floor\\.ts$'] },
    },
    {
      name: 'results-library-below-lecture-files',
      severity: 'error',
      comment: 'The lecture files are made from the results library, not the other way round.',
      from: { path: '^electron/results/' },
      to: { path: '^electron/lecture-files/' },
    },
    {
      name: 'kiosk-never-imports-hub',
      severity: 'error',
      comment: "The kiosk's main process and the hub share only the libraries below them (electron/api, platform, results, lecture-files).",
      from: { path: KIOSK },
      to: { path: HUB },
    },
    {
      name: 'hub-never-imports-kiosk',
      severity: 'error',
      comment: "The hub and the kiosk's main process share only the libraries below them (electron/api, platform, results, lecture-files).",
      from: { path: HUB },
      to: { path: [KIOSK, ENTRIES, '^electron/api/(student|operator)\\.ts$'] },
    },
    {
      name: 'kiosk-services-below-carriers-shell-and-command',
      severity: 'error',
      comment: "The kiosk's services stand below the carriers (IPC, HTTP), the Electron shell and the command.",
      from: { path: '^electron/kiosk/(?!carriers/)' },
      to: { path: ['^electron/(main|preload|cli)/', '^electron/kiosk/carriers/'] },
    },
    {
      name: 'only-the-shell-imports-electron',
      severity: 'error',
      comment: 'Only electron/main and electron/preload import Electron: everything else runs in plain Node too (tests, the command, the hub).',
      from: { pathNot: '^electron/(main|preload)/' },
      to: { path: '^node_modules/electron/' },
    },
    {
      name: 'no-react-outside-the-screens',
      severity: 'error',
      comment: 'React and its animation library belong to renderer/ alone.',
      from: { pathNot: '^renderer/' },
      to: { path: '^node_modules/(react|react-dom|framer-motion)/' },
    },
    {
      name: 'nothing-imports-the-screens',
      severity: 'error',
      comment: 'The screens sit on top: no other part imports them.',
      from: { pathNot: '^renderer/' },
      to: { path: '^renderer/' },
    },
    {
      name: 'screens-reach-the-app-through-its-api',
      severity: 'error',
      comment:
        'The screens import the contracts (electron/api), the privacy floor (electron/results/floor.ts) and their words (electron/words: one catalogue per language for the screens and the lecture files alike), nothing else of the app.',
      from: { path: '^renderer/', pathNot: '^renderer/vite\\.config\\.ts$' },
      to: { path: '^(electron|hardware|content)/', pathNot: ['^electron/api/', '^electron/results/floor\\.ts$', '^electron/words/'] },
    },
    {
      name: 'screens-use-no-node',
      severity: 'error',
      comment: 'The screens run in a browser: nothing they import, directly or through others, needs Node.',
      from: { path: '^renderer/', pathNot: '^renderer/vite\\.config\\.ts$' },
      to: { reachable: true, path: NODE_ONLY },
    },
  ],
  options: {
    // TypeScript 7 has no compiler API yet: swc reads the sources. It sees type-only imports
    // too, and they count: a layer that names another's types depends on it.
    parser: 'swc',
    enhancedResolveOptions: { conditionNames: ['import', 'require', 'node', 'default', 'types'], exportsFields: ['exports'] },
    doNotFollow: { path: 'node_modules' },
    exclude: { path: ['^dist/', '\\.d\\.ts$'] },
    moduleSystems: ['es6', 'cjs'],
    reporterOptions: { text: { highlightFocused: true } },
  },
};
