import {Buffer} from 'node:buffer'
import {spawn, spawnSync} from 'node:child_process'
import process from 'node:process'
import {clearTimeout, setTimeout} from 'node:timers'
import {fileURLToPath, pathToFileURL} from 'node:url'

import {run} from '@oclif/core'

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

const BIN_URL = pathToFileURL(BIN).href
let queue: Promise<unknown> = Promise.resolve()

/**
 * `cliAsync` without a new process: the built CLI run through oclif in this test worker, standard
 * output and error captured, the working folder and environment set for the run and put back after.
 * A spawn costs a Node start and the loading of every module (~160 ms of CPU); the suite made over a
 * thousand. Runs are queued one at a time (they share the process's streams). Not for what needs a
 * process of its own: standard input, signals, exit codes set by oclif itself, memory limits, hangs.
 */
export function cliInProcess(args: string[], options: {cwd?: string; env?: Record<string, string>} = {}): Promise<RunResult> {
  const next = queue.then(() => runInProcess(args, options))
  queue = next.catch(() => undefined)
  return next
}

async function runInProcess(args: string[], options: {cwd?: string; env?: Record<string, string>}): Promise<RunResult> {
  const out: string[] = []
  const err: string[] = []
  const capture = (sink: string[]) =>
    function (chunk: string | Uint8Array, encoding?: unknown, callback?: unknown): boolean {
      sink.push(typeof chunk === 'string' ? chunk : Buffer.from(chunk).toString('utf8'))
      const done = typeof encoding === 'function' ? encoding : callback
      if (typeof done === 'function') process.nextTick(done as () => void)
      return true
    }
  const saved = {
    stdout: process.stdout.write,
    stderr: process.stderr.write,
    cwd: process.cwd(),
    env: {...process.env},
    exitCode: process.exitCode,
    listeners: process.stdout.listeners('error'),
    errListeners: process.stderr.listeners('error'),
  }
  process.stdout.write = capture(out) as typeof process.stdout.write
  process.stderr.write = capture(err) as typeof process.stderr.write
  Object.assign(process.env, {NO_COLOR: '1', FORCE_COLOR: ''}, options.env)
  process.exitCode = undefined
  process.chdir(options.cwd ?? ROOT)
  let code: number
  try {
    await run(args, BIN_URL)
    code = Number(process.exitCode ?? 0)
  } catch (error) {
    // What oclif's own handler would print and exit with, for an error no command caught.
    const e = error as Error & {oclif?: {exit?: number}}
    err.push(`${e.message}\n`)
    code = e.oclif?.exit ?? 1
  } finally {
    process.stdout.write = saved.stdout
    process.stderr.write = saved.stderr
    process.chdir(saved.cwd)
    for (const key of Object.keys(process.env)) if (!(key in saved.env)) delete process.env[key]
    Object.assign(process.env, saved.env)
    process.exitCode = saved.exitCode
    // The command replaces standard output's error listeners and adds one to standard error: put them back as they were.
    process.stdout.removeAllListeners('error')
    for (const l of saved.listeners) process.stdout.on('error', l as () => void)
    process.stderr.removeAllListeners('error')
    for (const l of saved.errListeners) process.stderr.on('error', l as () => void)
  }
  return {code, stdout: out.join(''), stderr: err.join('')}
}

/** `cli` in this process when it can be (no standard input to give), else in a process of its own. */
export function cliRun(args: string[], options: {cwd?: string; input?: string | Buffer; env?: Record<string, string>; timeout?: number} = {}): Promise<RunResult> {
  return options.input !== undefined ? Promise.resolve(cli(args, options)) : cliInProcess(args, options)
}
