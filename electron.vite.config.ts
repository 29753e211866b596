// Build of the three worlds: Electron main (with the Node core bundled in), the sandboxed preload, and the React renderer.
import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import react from '@vitejs/plugin-react';
import { defineConfig } from 'electron-vite';

const root = dirname(fileURLToPath(import.meta.url));

export default defineConfig({
  main: {
    build: {
      outDir: 'out/main',
      // Native and heavy packages stay in node_modules (better-sqlite3 is a native addon).
      externalizeDeps: true,
      rollupOptions: {
        input: {
          index: resolve(root, 'electron/main/index.ts'),
          // The backup's copy and check run in a worker thread, started from out/main/backup-worker.js (backups/in-worker.ts).
          'backup-worker': resolve(root, 'electron/core/backups/worker.ts'),
          // ...which checks the copy on several cores, each connection in a worker of its own (backups/check.ts).
          'backup-check-worker': resolve(root, 'electron/core/backups/check-worker.ts'),
        },
        // Code shared by the two entries goes beside them, not in a chunks/ folder: paths made from import.meta.url
        // (app-version.ts finds package.json two folders up) must resolve the same from every file of the build.
        output: { chunkFileNames: '[name]-[hash].js' },
      },
    },
  },
  preload: {
    build: {
      outDir: 'out/preload',
      // Sandboxed preloads cannot be ES modules.
      rollupOptions: {
        input: { index: resolve(root, 'electron/preload/index.ts') },
        output: { format: 'cjs', entryFileNames: '[name].cjs' },
      },
    },
  },
  renderer: {
    root: resolve(root, 'renderer'),
    base: './',
    plugins: [react()],
    build: {
      outDir: resolve(root, 'out/renderer'),
      emptyOutDir: true,
      chunkSizeWarningLimit: 2000,
      // electron-vite leaves the renderer unminified by default; a minified bundle loads faster in the window.
      minify: true,
      rollupOptions: { input: { index: resolve(root, 'renderer/index.html') } },
    },
  },
});
