import { resolve } from 'node:path';
import { defineConfig, externalizeDepsPlugin } from 'electron-vite';
import react from '@vitejs/plugin-react';

// electron-vite defaults to src/main, src/preload, src/renderer: this project's layout is set here.
export default defineConfig({
  main: {
    plugins: [externalizeDepsPlugin()],
    build: {
      outDir: 'out/main',
      rollupOptions: {
        input: {
          index: resolve(__dirname, 'src-main/index.ts'),
          // Forked by adapters/utility-process-sandbox.ts as out/main/sandbox-utility.js.
          'sandbox-utility': resolve(__dirname, 'src-main/sandbox-server/utility-entry.ts'),
        },
      },
    },
  },
  preload: {
    build: {
      outDir: 'out/preload',
      rollupOptions: {
        input: { index: resolve(__dirname, 'src-preload/index.ts') },
        // A sandboxed preload cannot be an ES module.
        output: { format: 'cjs', entryFileNames: '[name].cjs' },
        external: ['electron'],
      },
    },
  },
  renderer: {
    root: resolve(__dirname, 'src-renderer'),
    plugins: [react()],
    build: {
      outDir: resolve(__dirname, 'out/renderer'),
      // electron-vite leaves the renderer unminified by default; the first screen should load fast.
      minify: true,
      // The first screen is one ~425 KB chunk (CodeMirror loads later, with the Requests page): the
      // budget that matters is its gzipped size, which `npm run bench` checks. No warning below 1 MB.
      chunkSizeWarningLimit: 1024,
      rollupOptions: {
        input: { index: resolve(__dirname, 'src-renderer/index.html') },
      },
    },
  },
});
