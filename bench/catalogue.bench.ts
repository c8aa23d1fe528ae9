// Catalogue size (raw, gzip) and load time: JSON.parse + index build, median of repeated loads.
import { readFileSync } from 'node:fs'
import { gzipSync } from 'node:zlib'
import { Catalogue, type CatalogueData } from '../src/engine/catalogue'

const path = new URL('../generated/catalogue.json', import.meta.url)
const text = readFileSync(path, 'utf8')
const docs = readFileSync(new URL('../generated/catalogue-docs.json', import.meta.url), 'utf8')
const kib = (n: number) => `${(n / 1024).toFixed(0)} KiB`
console.log(`catalogue.json: ${kib(Buffer.byteLength(text))} raw, ${kib(gzipSync(text).length)} gzip`)
console.log(`catalogue-docs.json (descriptions, lazy): ${kib(Buffer.byteLength(docs))} raw, ${kib(gzipSync(docs).length)} gzip`)

const times: number[] = []
let c: Catalogue | undefined
for (let i = 0; i < 15; i++) {
  const t0 = performance.now()
  c = new Catalogue(JSON.parse(text) as CatalogueData)
  c.allActions()
  times.push(performance.now() - t0)
}
times.sort((a, b) => a - b)
console.log(`load (parse + index) median ${times[7]!.toFixed(1)} ms, min ${times[0]!.toFixed(1)} ms over 15 loads`)
console.log(`services ${c!.services.size}, actions ${c!.allActions().length}, catalogue ${c!.version}`)

const patterns = ['s3:Get*', '*', 'ec2:*Instances', 'iam:*AccessKey*', '*:Describe*', 's3:a*a*a*a*a*a*a*b']
for (const p of patterns) {
  const runs: number[] = []
  let n = 0
  for (let i = 0; i < 21; i++) {
    const t0 = performance.now()
    n = c!.expand(p).length
    runs.push(performance.now() - t0)
  }
  runs.sort((a, b) => a - b)
  console.log(`expand ${p.padEnd(18)} → ${String(n).padStart(5)} actions, median ${runs[10]!.toFixed(3)} ms`)
}
