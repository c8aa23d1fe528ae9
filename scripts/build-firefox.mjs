// Derives the Firefox MV3 build (dist-firefox/) from the Chrome build (dist/): same code, a manifest
// with a background script instead of a service worker and Gecko settings.
import { cpSync, existsSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import { dirname, join } from 'node:path'
import { fileURLToPath } from 'node:url'

const root = join(dirname(fileURLToPath(import.meta.url)), '..')
const src = join(root, 'dist')
const out = join(root, 'dist-firefox')
if (!existsSync(join(src, 'manifest.json'))) throw new Error('dist/manifest.json missing: build the Chrome extension first')
rmSync(out, { recursive: true, force: true })
cpSync(src, out, { recursive: true })
const manifest = JSON.parse(readFileSync(join(out, 'manifest.json'), 'utf8'))
const worker = manifest.background?.service_worker
if (worker) manifest.background = { scripts: [worker], type: 'module' }
delete manifest.minimum_chrome_version
// No data is collected or sent: declared for Firefox's data-collection consent.
// (Firefox 140 and 142 for Android are the first to know that key; the floor is the ESR the end-to-end suite runs.)
manifest.browser_specific_settings = {
  gecko: { id: 'iam-sidekick@iam-sidekick.dev', strict_min_version: '153.0', data_collection_permissions: { required: ['none'] } },
  gecko_android: { strict_min_version: '153.0' },
}
for (const war of manifest.web_accessible_resources ?? []) delete war.use_dynamic_url
if (manifest.options_ui) delete manifest.options_ui.open_in_tab
writeFileSync(join(out, 'manifest.json'), JSON.stringify(manifest, null, 2))
