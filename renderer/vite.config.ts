import react from '@vitejs/plugin-react';
import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vite';

// Two pages in the one kiosk window: the students' (at /), and the operator's (at /operator/),
// which the window shows while the service door is open or after the PIN; the layout audit
// (at /kiosk/audit/), which the operator's page frames to preview a pack; and the lecturer's
// presenter page, which the hub serves at /presenter/; and the hub's own page, which the hub
// serves at / (its style sheet, with a name that stays, also at /hub.css for the sign-in pages).
export default defineConfig({
  root: fileURLToPath(new URL('.', import.meta.url)),
  base: './',
  plugins: [react()],
  build: {
    outDir: fileURLToPath(new URL('../dist/renderer', import.meta.url)),
    emptyOutDir: true,
    rollupOptions: {
      input: {
        kiosk: fileURLToPath(new URL('./kiosk/index.html', import.meta.url)),
        operator: fileURLToPath(new URL('./operator/index.html', import.meta.url)),
        presenter: fileURLToPath(new URL('./presenter/index.html', import.meta.url)),
        audit: fileURLToPath(new URL('./kiosk/audit/index.html', import.meta.url)),
        hub: fileURLToPath(new URL('./hub/index.html', import.meta.url)),
      },
      output: { assetFileNames: (asset) => (asset.names.includes('hub.css') ? 'assets/hub.css' : 'assets/[name]-[hash][extname]') },
    },
    // No inlined scripts or assets: the content security policy allows only files.
    assetsInlineLimit: 0,
    modulePreload: { polyfill: false },
  },
});
