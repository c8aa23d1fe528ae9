import { crx, type ManifestV3Export } from '@crxjs/vite-plugin'
import preact from '@preact/preset-vite'
import { defineConfig, type Plugin } from 'vite'
import manifest from './manifest.json' with { type: 'json' }

/**
 * The MAIN-world bridge runs in the console page's world, where a chunk import would resolve against
 * the page's origin (and chrome.runtime does not exist): it must be one self-contained file. Its own
 * imports get a `?main-world` suffix, so they are separate modules that no chunk shares with the
 * content script; crxjs then emits the script as is, with no loader.
 */
function mainWorldSelfContained(): Plugin {
  const SUFFIX = '?main-world'
  const isMainWorld = (id: string) => /[\\/]src[\\/]extension[\\/]bridge[\\/]main-world\.ts$/.test(id) || id.endsWith(SUFFIX)
  return {
    name: 'iam-sidekick:main-world-self-contained',
    enforce: 'pre',
    async resolveId(source, importer, options) {
      if (!importer || !isMainWorld(importer) || source.includes('?')) return null
      const resolved = await this.resolve(source, importer.replace(SUFFIX, ''), { ...options, skipSelf: true })
      if (!resolved || resolved.external) return resolved
      return { ...resolved, id: resolved.id + SUFFIX }
    },
  }
}

// The Chrome MV3 build (dist/). scripts/build.mjs derives the Firefox build (dist-firefox/) from it.
export default defineConfig({
  plugins: [mainWorldSelfContained(), preact(), crx({ manifest: manifest as unknown as ManifestV3Export })],
  build: {
    outDir: 'dist',
    emptyOutDir: true,
    sourcemap: false,
    chunkSizeWarningLimit: 5000,
    // No <link rel="modulepreload"> tags: in the content script they would land in the console page's
    // <head>, telling the page our extension's URLs. Chunks load through their imports alone.
    modulePreload: false,
    rollupOptions: {
      input: {
        editor: 'src/extension/editor/index.html',
      },
    },
  },
  server: { port: 5173, strictPort: true },
})
