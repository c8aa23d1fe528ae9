import { main } from '../../src/cli/main'
import type { CliIO } from '../../src/cli/io'

export interface CliRun {
  code: number
  stdout: string
  stderr: string
}

/** Runs the CLI in-process with captured output (the same code path as the binary). */
export async function runCli(args: string[], stdin = '', options: { cwd?: string; env?: Record<string, string> } = {}): Promise<CliRun> {
  let stdout = ''
  let stderr = ''
  const io: CliIO = {
    stdout: (t) => void (stdout += t),
    stderr: (t) => void (stderr += t),
    readStdin: () => stdin,
    isTTY: false,
    ...(options.cwd ? { cwd: options.cwd } : {}),
    env: options.env ?? {},
  }
  const code = await main(args, io)
  return { code, stdout, stderr }
}
