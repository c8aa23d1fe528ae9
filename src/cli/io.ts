import { readFileSync } from 'node:fs'

/** Thrown for unreadable input: exit code 2, message on stderr naming the file. */
export class InputError extends Error {}

export interface CliIO {
  stdout: (text: string) => void
  /** Optional: write bytes to stdout (large outputs skip re-encoding cached parts). */
  stdoutBytes?: (bytes: Uint8Array) => void
  stderr: (text: string) => void
  readStdin: () => string
  isTTY: boolean
  /** Working directory (config search, SARIF paths); process.cwd() when absent. */
  cwd?: string
  env: Record<string, string | undefined>
}

export function nodeIO(): CliIO {
  return {
    stdout: (t) => process.stdout.write(t),
    stdoutBytes: (b) => process.stdout.write(b),
    stderr: (t) => process.stderr.write(t),
    readStdin: () => readFileSync(0, 'utf8'),
    isTTY: Boolean(process.stdout.isTTY),
    env: process.env,
  }
}

export function readInput(file: string, io: CliIO): string {
  try {
    const text = file === '-' ? io.readStdin() : readFileSync(file, 'utf8')
    return text.charCodeAt(0) === 0xfeff ? text.slice(1) : text
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code
    const reason = code === 'ENOENT' ? 'no such file' : code === 'EISDIR' ? 'is a directory' : code === 'EACCES' ? 'permission denied' : (e as Error).message
    throw new InputError(`${file === '-' ? 'standard input' : file}: cannot read: ${reason}`)
  }
}

/** ANSI colours, only when writing to a terminal. */
export function colours(enabled: boolean) {
  const wrap = (code: string) => (s: string) => (enabled ? `\u001b[${code}m${s}\u001b[0m` : s)
  return { red: wrap('31'), yellow: wrap('33'), magenta: wrap('35'), cyan: wrap('36'), green: wrap('32'), dim: wrap('2'), bold: wrap('1') }
}
