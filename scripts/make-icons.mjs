// Renders assets/icon.svg into the extension's PNG icons (public/icons/) with Debian's Chromium.
// The stores' advice: the 128 px icon has its artwork inside the central 96 px (16 px of transparent
// margin on each side); the toolbar sizes (16, 32, 48) use the whole square.
// Usage: node scripts/make-icons.mjs   (then commit public/icons/*.png)
import { mkdirSync, readFileSync } from 'node:fs'
import { dirname, join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { chromium } from 'playwright-core'

const root = join(dirname(fileURLToPath(import.meta.url)), '..')
const svg = readFileSync(join(root, 'assets', 'icon.svg'), 'utf8')
const out = join(root, 'public', 'icons')
mkdirSync(out, { recursive: true })
/** size → the square the artwork is drawn in, centred. */
export const ICONS = { 16: 16, 32: 32, 48: 48, 128: 96 }

const browser = await chromium.launch({ executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium', args: ['--no-sandbox', '--disable-gpu'] })
const page = await browser.newPage({ deviceScaleFactor: 1 })
for (const [size, art] of Object.entries(ICONS).map(([s, a]) => [Number(s), a])) {
  const margin = (size - art) / 2
  await page.setViewportSize({ width: size, height: size })
  const img = svg.replace('width="96" height="96"', `width="${art}" height="${art}" style="position:absolute;left:${margin}px;top:${margin}px"`)
  await page.setContent(`<html><body style="margin:0;background:transparent">${img}</body></html>`)
  await page.screenshot({ path: join(out, `icon-${size}.png`), omitBackground: true, clip: { x: 0, y: 0, width: size, height: size } })
  console.log(`icons: public/icons/icon-${size}.png (${art} px artwork)`)
}
await browser.close()
