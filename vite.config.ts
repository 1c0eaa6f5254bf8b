import { defineConfig } from 'vite';

/**
 * Builds the window (renderer/) into dist/renderer. Everything is emitted as
 * separate files: no inline script or style, so the strict CSP in
 * renderer/index.html holds, and relative paths so it loads from file://.
 */
export const config = defineConfig({
  root: 'renderer',
  base: './',
  publicDir: false,
  build: {
    outDir: '../dist/renderer',
    emptyOutDir: true,
    target: 'chrome120',
    // The polyfill would be an inline <script>; Chromium does not need it.
    modulePreload: { polyfill: false },
    // Never turn assets into data: URLs or inline blocks.
    assetsInlineLimit: 0,
    cssCodeSplit: false,
    sourcemap: false,
    reportCompressedSize: false,
  },
  server: { host: '127.0.0.1' },
});
// Vite loads the default export of its config file.
export default config;
