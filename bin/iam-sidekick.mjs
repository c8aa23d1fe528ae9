#!/usr/bin/env node
// Runs the CLI bundle built by `npm run build`.
import { existsSync } from 'node:fs'
import { fileURLToPath, pathToFileURL } from 'node:url'

const bundle = fileURLToPath(new URL('../build/cli/iam-sidekick.mjs', import.meta.url))
if (!existsSync(bundle)) {
  process.stderr.write('iam-sidekick: the CLI is not built yet; run `npm run build` first\n')
  process.exit(2)
}
await import(pathToFileURL(bundle).href)
