import {spawn, spawnSync} from 'node:child_process'
import {clearTimeout, setTimeout} from 'node:timers'
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

/** Standard error as the user reads it: its non-blank lines, without Node's own warnings. */
export const userLines = (stderr: string): string[] => stderr.split('\n').filter((l) => l.trim() !== '' && !/^\(node:\d+\)|^\(Use `node --trace-warnings/.test(l))

/** What a stack trace looks like on standard error: never acceptable for a user's input. */
export const STACK_TRACE = /\n\s+at .+[(:]\d+(:\d+)?\)?|node:internal|TypeError|ReferenceError|RangeError/

/** `cli`, without blocking: several runs at once use both cores. A run past `timeout` is killed and fails. */
export function cliAsync(args: string[], options: {cwd?: string; env?: Record<string, string>; timeout?: number} = {}): Promise<RunResult> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [BIN, ...args], {
      cwd: options.cwd ?? ROOT,
      env: {...process.env, NO_COLOR: '1', FORCE_COLOR: '', ...options.env},
      stdio: ['ignore', 'pipe', 'pipe'],
    })
    const out: Buffer[] = []
    const err: Buffer[] = []
    child.stdout.on('data', (b: Buffer) => out.push(b))
    child.stderr.on('data', (b: Buffer) => err.push(b))
    const timer = setTimeout(() => {
      child.kill('SIGKILL')
      reject(new Error(`cloudready ${args.join(' ')}: still running after ${options.timeout ?? 60_000} ms`))
    }, options.timeout ?? 60_000)
    child.on('error', (error) => {
      clearTimeout(timer)
      reject(error)
    })
    child.on('close', (code) => {
      clearTimeout(timer)
      resolve({code, stdout: Buffer.concat(out).toString('utf8'), stderr: Buffer.concat(err).toString('utf8')})
    })
  })
}
