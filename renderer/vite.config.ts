import react from '@vitejs/plugin-react';
import { fileURLToPath } from 'node:url';
import { defineConfig, type Plugin } from 'vite';

// Two pages in the one kiosk window: the students' (at /), and the operator's (at /operator/),
// which the window shows while the service door is open or after the PIN; the layout audit
// (at /kiosk/audit/), which the operator's page frames to preview a pack; and the lecturer's
// presenter page, which the hub serves at /presenter/; and the hub's own page, which the hub
// serves at / (its style sheet, with a name that stays, also at /hub.css for the sign-in pages).

/**
 * Each page: its folder (where its index.html is built), its title and script, whether it is
 * a screen without zoom (the pillar's, the projector's), and whether it asks for no icon.
 */
const PAGES = {
  kiosk: { folder: 'kiosk', title: 'De olifant in de kamer', script: 'main.tsx', fixed: true, noIcon: true },
  operator: { folder: 'operator', title: 'Olifant: servicescherm', script: 'main.tsx', fixed: true, noIcon: true },
  presenter: { folder: 'presenter', title: 'De olifant in de kamer: presentatie', script: 'main.tsx', fixed: true, noIcon: true },
  audit: { folder: 'kiosk/audit', title: 'Olifant: layout audit', script: 'audit.tsx', fixed: false, noIcon: true },
  hub: { folder: 'hub', title: 'Olifant hub', script: 'main.tsx', fixed: false, noIcon: false },
};

const file = (rel: string) => fileURLToPath(new URL(rel, import.meta.url));

/** The pages' index.html, made from the one shape they share: no file of each to keep alike. */
function pages(): Plugin {
  const html = new Map(Object.values(PAGES).map(({ folder, title, script, fixed, noIcon }) => [file(`./${folder}/index.html`), `<!doctype html>
<html lang="nl">
  <head>
    <meta charset="utf-8" />
    <meta name="viewport" content="width=device-width, initial-scale=1${fixed ? ', maximum-scale=1, user-scalable=no' : ''}" />${noIcon ? '\n    <link rel="icon" href="data:," />' : ''}
    <title>${title}</title>
  </head>
  <body>
    <div id="root"></div>
    <script type="module" src="./${script}"></script>
  </body>
</html>
`]));
  return {
    name: 'olifant-pages',
    enforce: 'pre',
    resolveId: (id) => (html.has(id) ? id : null),
    load: (id) => html.get(id) ?? null,
  };
}

export default defineConfig({
  root: file('.'),
  base: './',
  plugins: [pages(), react()],
  build: {
    outDir: file('../dist/renderer'),
    emptyOutDir: true,
    rollupOptions: {
      input: Object.fromEntries(Object.entries(PAGES).map(([name, { folder }]) => [name, file(`./${folder}/index.html`)])),
      output: { assetFileNames: (asset) => (asset.names.includes('hub.css') ? 'assets/hub.css' : 'assets/[name]-[hash][extname]') },
    },
    // No inlined scripts or assets: the content security policy allows only files.
    assetsInlineLimit: 0,
    modulePreload: { polyfill: false },
  },
});
