import { fileURLToPath } from 'node:url'
import { defineConfig } from 'vite'

// The console replica: a static single-page app built from the components the AWS console uses
// (React + @cloudscape-design/components CodeEditor + ace-builds). Built by test/replica/build.mjs.
const root = fileURLToPath(new URL('.', import.meta.url))

export default defineConfig({
  root,
  base: '/',
  logLevel: 'warn',
  oxc: { jsx: { runtime: 'automatic', importSource: 'react' } },
  build: {
    outDir: 'dist',
    emptyOutDir: true,
    sourcemap: false,
    chunkSizeWarningLimit: 10000,
    reportCompressedSize: false,
    rollupOptions: {
      // Cloudscape's 'use client' directives mean nothing here.
      onwarn(warning, warn) {
        if (warning.code === 'MODULE_LEVEL_DIRECTIVE') return
        warn(warning)
      },
    },
  },
})
