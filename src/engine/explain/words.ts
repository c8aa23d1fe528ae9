/** Small helpers that turn policy vocabulary into plain English. */

export function joinAnd(items: readonly string[], word = 'and'): string {
  if (items.length <= 1) return items[0] ?? ''
  return `${items.slice(0, -1).join(', ')} ${word} ${items[items.length - 1]}`
}

export function quote(v: string): string {
  return `\`${v}\``
}

/** Words of a CamelCase name, acronyms kept together: `GetObjectACL` → Get, Object, ACL. */
export function camelWords(name: string): string[] {
  return name.match(/[A-Z]+(?![a-z])|[A-Z]?[a-z]+|\d+/g) ?? [name]
}

const GERUND: Record<string, string> = {
  Get: 'reading',
  BatchGet: 'reading',
  List: 'listing',
  Describe: 'describing',
  Put: 'writing',
  BatchWrite: 'writing',
  Create: 'creating',
  Delete: 'deleting',
  Update: 'updating',
  Modify: 'modifying',
  Run: 'running',
  Start: 'starting',
  Stop: 'stopping',
  Invoke: 'invoking',
  Pass: 'passing',
  Assume: 'assuming',
  Attach: 'attaching',
  Detach: 'detaching',
  Tag: 'tagging',
  Untag: 'untagging',
  Send: 'sending',
  Receive: 'receiving',
  Publish: 'publishing',
  Decrypt: 'decrypting',
  Encrypt: 'encrypting',
  Generate: 'generating',
  Copy: 'copying',
  Restore: 'restoring',
  Upload: 'uploading',
  Download: 'downloading',
  Set: 'setting',
  Add: 'adding',
  Remove: 'removing',
  Enable: 'enabling',
  Disable: 'disabling',
  Associate: 'associating',
  Disassociate: 'disassociating',
  Query: 'querying',
  Scan: 'scanning',
  Execute: 'executing',
  Reboot: 'rebooting',
  Terminate: 'terminating',
  Subscribe: 'subscribing to',
  Unsubscribe: 'unsubscribing from',
  Connect: 'connecting to',
  Change: 'changing',
  Reset: 'resetting',
  Rotate: 'rotating',
  Abort: 'aborting',
}

function gerund(verb: string): string {
  const known = GERUND[verb]
  if (known) return known
  const v = verb.toLowerCase()
  if (/[^e]e$/.test(v)) return v.slice(0, -1) + 'ing'
  return v + 'ing'
}

function pluralise(word: string): string {
  if (/[A-Z]{2,}$/.test(word)) return word + 's'
  if (/(s|x|ch|sh)$/.test(word)) return word
  if (/[^aeiou]y$/.test(word)) return word.slice(0, -1) + 'ies'
  return word + 's'
}

/** `GetObject` → "reading objects"; `ListBuckets` → "listing buckets"; `PassRole` → "passing roles". */
export function humanizeAction(name: string): string {
  let words = camelWords(name)
  let verb = words[0] ?? name
  if (verb === 'Batch' && words[1]) {
    verb = 'Batch' + words[1]
    words = [verb, ...words.slice(2)]
  }
  const rest = words.slice(1).map((w) => (/^[A-Z]{2,}$/.test(w) ? w : w.toLowerCase()))
  if (rest.length === 0) return gerund(verb)
  const last = rest.length - 1
  if (!/^(Describe|List)$/.test(verb) || !rest[last]!.endsWith('s')) rest[last] = pluralise(rest[last]!)
  return `${gerund(verb)} ${rest.join(' ')}`
}

const LEVEL_VERB: Record<string, string> = {
  List: 'list',
  Read: 'read',
  Write: 'change',
  'Permissions management': 'manage permissions',
  Tagging: 'tag',
}

/** "read and list", "change and manage permissions". */
export function levelVerbs(levels: readonly string[]): string {
  return joinAnd(levels.map((l) => LEVEL_VERB[l] ?? l.toLowerCase()))
}
