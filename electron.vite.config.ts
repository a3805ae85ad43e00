import { resolve } from 'node:path'
import { defineConfig } from 'electron-vite'
import react from '@vitejs/plugin-react'

// Main and preload are bundled for Electron; the renderer is a plain Vite React app.
// The preload runs in a sandboxed renderer, which only accepts CommonJS.
export default defineConfig({
  main: {
    build: {
      rollupOptions: {
        // Worker threads are entries of their own, beside index.js (src/main/workers/run.ts finds them).
        input: {
          index: resolve(import.meta.dirname, 'src/main/shell/index.ts'),
          'pack-check': resolve(import.meta.dirname, 'src/main/workers/pack-check.ts'),
          'brief-render': resolve(import.meta.dirname, 'src/main/workers/brief-render.ts'),
        },
      },
    },
  },
  preload: {
    build: {
      // A sandboxed preload cannot require packages, so anything it imports is bundled. It imports
      // nothing but electron (src/main/shell/boundaries.test.ts holds it): a few lines of output.
      externalizeDeps: false,
      rollupOptions: {
        input: { index: resolve(import.meta.dirname, 'src/preload/index.ts') },
        output: { format: 'cjs', entryFileNames: '[name].cjs' },
      },
    },
  },
  renderer: {
    root: resolve(import.meta.dirname, 'src/renderer'),
    build: {
      // Minified: a third of the bytes for the page to parse at start (README "Speed"). Pages
      // other than the home page are chunks of their own (src/renderer/src/app/App.tsx).
      minify: true,
      rollupOptions: {
        input: {
          index: resolve(import.meta.dirname, 'src/renderer/index.html'),
          // The browser mode's bridge, loaded first by the page only there (src/main/web/static.ts);
          // it imports nothing the app imports, so it is a file of its own, under a fixed name.
          'web-bridge': resolve(import.meta.dirname, 'src/renderer/web-bridge.ts'),
        },
        output: { entryFileNames: (chunk) => (chunk.name === 'web-bridge' ? 'web-bridge.js' : 'assets/[name]-[hash].js') },
      },
    },
    plugins: [react()],
  },
})
