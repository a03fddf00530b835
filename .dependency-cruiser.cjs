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

/**
 * A rule of the layers: what imports from `from` may not reach `to`, and why (what a break of it
 * is told). Every rule is an error.
 */
const forbid = (name, from, to, comment) => ({ name, severity: 'error', comment, from, to });

/** @type {import('dependency-cruiser').IConfiguration} */
module.exports = {
  forbidden: [
    forbid('no-circular', {}, { circular: true },
      'A circle of imports has no bottom: split out what both ends need.'),
    forbid('not-to-unresolvable', {}, { couldNotResolve: true },
      'Every import names a file or package that exists.'),
    forbid('the-clock-stands-below-everything', { path: '^time/' }, { path: '^(electron|hardware|content|renderer)/' },
      'time/ is the clock every timer of the product reads, the board\'s and the driver\'s too: it imports nothing of the project.'),
    forbid('hardware-and-content-stand-alone', { path: '^(hardware|content)/' }, { path: '^(electron|renderer)/' },
      'hardware/ and content/ know nothing of the app or its screens.'),
    forbid('shared-libraries-below-kiosk-and-hub', { path: SHARED }, { path: [KIOSK, HUB, ENTRIES, '^renderer/'] },
      'The contracts, the platform, the results library and the lecture files serve the kiosk and the hub alike: they import neither, nor what starts them, nor the screens.'),
    forbid('api-is-contracts', { path: '^electron/api/' }, { path: '^electron/(platform|results|lecture-files)/' },
      'electron/api holds the contracts (types, channel names, schemas, the error vocabulary) every side imports: it stands on hardware/ and content/ alone.'),
    forbid('platform-knows-no-results', { path: '^electron/platform/' }, { path: ['^electron/(api|results|lecture-files)/', '^(hardware|content)/'] },
      'electron/platform is the machine (files, SQLite, paths, sticks): it knows nothing of answers, lecture files or contracts.'),
    forbid('words-stand-on-the-floor-alone', { path: '^electron/words/' }, { path: '^(electron|hardware|content)/', pathNot: ['^electron/words/', '^electron/results/floor\\.ts$'] },
      'The catalogues serve the screens (in a browser) and the lecture files (in Node): they stand on the privacy floor alone, so the screens may import them without the rest of the app.'),
    forbid('results-library-below-lecture-files', { path: '^electron/results/' }, { path: '^electron/lecture-files/' },
      'The lecture files are made from the results library, not the other way round.'),
    forbid('kiosk-never-imports-hub', { path: KIOSK }, { path: HUB },
      "The kiosk's main process and the hub share only the libraries below them (electron/api, platform, results, lecture-files)."),
    forbid('hub-never-imports-kiosk', { path: HUB }, { path: [KIOSK, ENTRIES, '^electron/api/(student|operator)\\.ts$'] },
      "The hub and the kiosk's main process share only the libraries below them (electron/api, platform, results, lecture-files)."),
    forbid('kiosk-services-below-carriers-shell-and-command', { path: '^electron/kiosk/(?!carriers/)' }, { path: ['^electron/(main|preload|cli)/', '^electron/kiosk/carriers/'] },
      "The kiosk's services stand below the carriers (IPC, HTTP), the Electron shell and the command."),
    forbid('only-the-shell-imports-electron', { pathNot: '^electron/(main|preload)/' }, { path: '^node_modules/electron/' },
      'Only electron/main and electron/preload import Electron: everything else runs in plain Node too (tests, the command, the hub).'),
    forbid('no-react-outside-the-screens', { pathNot: '^renderer/' }, { path: '^node_modules/(react|react-dom|framer-motion)/' },
      'React and its animation library belong to renderer/ alone.'),
    forbid('nothing-imports-the-screens', { pathNot: '^renderer/' }, { path: '^renderer/' },
      'The screens sit on top: no other part imports them.'),
    forbid('screens-reach-the-app-through-its-api', { path: '^renderer/', pathNot: '^renderer/vite\\.config\\.ts$' }, { path: '^(electron|hardware|content)/', pathNot: ['^electron/api/', '^electron/results/floor\\.ts$', '^electron/words/'] },
      'The screens import the contracts (electron/api), the privacy floor (electron/results/floor.ts) and their words (electron/words: one catalogue per language for the screens and the lecture files alike), nothing else of the app.'),
    forbid('screens-use-no-node', { path: '^renderer/', pathNot: '^renderer/vite\\.config\\.ts$' }, { reachable: true, path: NODE_ONLY },
      'The screens run in a browser: nothing they import, directly or through others, needs Node.'),
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
