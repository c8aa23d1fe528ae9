// Serves the built console replica over HTTPS (self-signed, made at start) on 127.0.0.1, for every
// console host name: Chromium maps the hosts here with --host-resolver-rules. Unknown paths get
// index.html (the single page app routes them), like the console.
// Usage: node test/replica/server.mjs [port]   or   import { startReplicaServer } from './server.mjs'
import { createReadStream, existsSync, statSync } from 'node:fs'
import { createServer } from 'node:https'
import { extname, join, normalize } from 'node:path'
import { fileURLToPath } from 'node:url'
import selfsigned from 'selfsigned'
import { buildReplica, replicaDist } from './build.mjs'

const TYPES = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.woff': 'font/woff',
  '.woff2': 'font/woff2',
  '.ttf': 'font/ttf',
}

/** The host names the replica answers for, as given to Chromium's --host-resolver-rules. */
export const CONSOLE_HOSTS = [
  'console.aws.amazon.com',
  '*.console.aws.amazon.com',
  'console.amazonaws-us-gov.com',
  '*.console.amazonaws-us-gov.com',
  'console.amazonaws.cn',
  '*.console.amazonaws.cn',
]

export function hostResolverRules(port) {
  return CONSOLE_HOSTS.map((h) => `MAP ${h} 127.0.0.1:${port}`).join(', ')
}

/**
 * Starts the server (building the replica first if needed). Returns its port, the Chromium flag that
 * maps the console hosts to it, and close().
 */
export async function startReplicaServer({ port = 0, build = true } = {}) {
  if (build) buildReplica()
  const pems = await selfsigned.generate([{ name: 'commonName', value: 'console.aws.amazon.com' }], {
    days: 7,
    keySize: 2048,
    extensions: [{ name: 'subjectAltName', altNames: CONSOLE_HOSTS.map((h) => ({ type: 2, value: h })).concat([{ type: 7, ip: '127.0.0.1' }]) }],
  })
  const server = createServer({ key: pems.private, cert: pems.cert }, (req, res) => {
    try {
      const url = new URL(req.url ?? '/', 'https://replica')
      let file = normalize(join(replicaDist, decodeURIComponent(url.pathname)))
      if (!file.startsWith(replicaDist) || !existsSync(file) || statSync(file).isDirectory()) file = join(replicaDist, 'index.html')
      const type = TYPES[extname(file)] ?? 'application/octet-stream'
      res.writeHead(200, {
        'content-type': type,
        'cache-control': file.endsWith('index.html') ? 'no-store' : 'max-age=3600',
        // The console's pages are strict about what they load; so is the replica.
        'content-security-policy': "default-src 'self'; script-src 'self'; style-src 'self' 'unsafe-inline'; img-src 'self' data:; font-src 'self' data:; worker-src 'self' blob:; connect-src 'self'",
      })
      createReadStream(file).pipe(res)
    } catch (e) {
      res.writeHead(500)
      res.end(String(e))
    }
  })
  await new Promise((resolve, reject) => {
    server.once('error', reject)
    server.listen(port, '127.0.0.1', resolve)
  })
  const address = server.address()
  const actual = typeof address === 'object' && address ? address.port : port
  return {
    port: actual,
    hostResolverRules: hostResolverRules(actual),
    close: () => new Promise((resolve) => server.close(() => resolve(undefined))),
  }
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  const s = await startReplicaServer({ port: Number(process.argv[2] ?? 8443) })
  console.log(`replica: https://127.0.0.1:${s.port}/  (Chromium: --host-resolver-rules="${s.hostResolverRules}" --ignore-certificate-errors)`)
}
