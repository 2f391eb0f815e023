import {spawnSync} from 'node:child_process'
import {fileURLToPath} from 'node:url'

export const ROOT = fileURLToPath(new URL('../..', import.meta.url))
export const BIN = fileURLToPath(new URL('../../bin/run.js', import.meta.url))

export interface RunResult {
  code: number | null
  stdout: string
  stderr: string
}

/** Runs the built CLI as a user would, in `cwd`, with no colour unless the test asks for it. */
export function cli(args: string[], options: {cwd?: string; input?: string | Buffer; env?: Record<string, string>; timeout?: number} = {}): RunResult {
  const r = spawnSync(process.execPath, [BIN, ...args], {
    cwd: options.cwd ?? ROOT,
    input: options.input ?? '',
    env: {...process.env, NO_COLOR: '1', FORCE_COLOR: '', ...options.env},
    encoding: 'utf8',
    timeout: options.timeout ?? 60_000,
    maxBuffer: 256 * 1024 * 1024,
  })
  if (r.error) throw r.error
  return {code: r.status, stdout: r.stdout, stderr: r.stderr}
}

/** What a stack trace looks like on standard error: never acceptable for a user's input. */
export const STACK_TRACE = /\n\s+at .+[(:]\d+(:\d+)?\)?|node:internal|TypeError|ReferenceError|RangeError/
