import { crx, type ManifestV3Export } from '@crxjs/vite-plugin'
import preact from '@preact/preset-vite'
import { defineConfig } from 'vite'
import manifest from './manifest.json'

// The Chrome MV3 build (dist/). scripts/build.mjs derives the Firefox build (dist-firefox/) from it.
export default defineConfig({
  plugins: [preact(), crx({ manifest: manifest as unknown as ManifestV3Export })],
  build: {
    outDir: 'dist',
    emptyOutDir: true,
    sourcemap: false,
    chunkSizeWarningLimit: 5000,
    rollupOptions: {
      input: {
        editor: 'src/extension/editor/index.html',
      },
    },
  },
  server: { port: 5173, strictPort: true },
})
