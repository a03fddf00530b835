import react from '@vitejs/plugin-react';
import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vite';

// Two pages in the one kiosk window: the students' (at /), and the operator's (at /operator/),
// which the window shows while the service door is open or after the PIN; the layout audit
// (at /kiosk/audit/), which the operator's page frames to preview a pack; and the lecturer's
// presenter page, which the hub serves at /presenter/.
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
      },
    },
    // No inlined scripts or assets: the content security policy allows only files.
    assetsInlineLimit: 0,
    modulePreload: { polyfill: false },
  },
});
