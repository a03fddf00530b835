import react from '@vitejs/plugin-react';
import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vite';

// One page per window: the kiosk's (students, and later the operator's screen over it).
export default defineConfig({
  root: fileURLToPath(new URL('.', import.meta.url)),
  base: './',
  plugins: [react()],
  build: {
    outDir: fileURLToPath(new URL('../dist/renderer', import.meta.url)),
    emptyOutDir: true,
    rollupOptions: { input: { kiosk: fileURLToPath(new URL('./kiosk/index.html', import.meta.url)) } },
    // No inlined scripts or assets: the content security policy allows only files.
    assetsInlineLimit: 0,
    modulePreload: { polyfill: false },
  },
});
