#!/usr/bin/env node
/**
 * Fuzzes cloudready: structure-aware mutations of valid inventories (and random bytes) through load,
 * validate, assess, plan and every formatter, in child processes that are killed when a case takes
 * too long; a sample also goes through the real CLI. See scripts/lib/fuzz-cases.js for the cases and
 * scripts/lib/fuzz-check.js for what must hold.
 *
 *   npm run fuzz -- --cases N [--seconds S] [--seed K] [--jobs J] [--cli-every N] [--twice-every N]
 *                   [--timeout S] [--out DIR] [--no-save] [--json] [--quiet]
 *   npm run fuzz -- --replay test/fixtures/fuzz-failures [more files or folders]
 *
 * The same seed gives the same cases, whatever --jobs. A failing case is saved as
 * <out>/<sha256 prefix>.yaml (default test/fixtures/fuzz-failures, which `npm test` replays) and
 * reported. Exit 0 when every case passed, 1 when any failed, 2 for a bad command line.
 */
import {fork} from 'node:child_process'
import {createHash} from 'node:crypto'
import {existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync} from 'node:fs'
import {availableParallelism, tmpdir} from 'node:os'
import path from 'node:path'
import {performance} from 'node:perf_hooks'
import {clearTimeout, setTimeout} from 'node:timers'
import {fileURLToPath} from 'node:url'
import {parseArgs} from 'node:util'

import {makeCase} from './lib/fuzz-cases.js'

const ROOT = fileURLToPath(new URL('..', import.meta.url))
const WORKER = fileURLToPath(new URL('./lib/fuzz-worker.js', import.meta.url))

const USAGE = `usage: npm run fuzz -- [options]

  --cases N        cases to run (default 1000)
  --seconds S      stop starting new cases after S seconds
  --seed K         seed (default 1): the same seed, the same cases
  --jobs J         child processes (default: 2, or 1 on a single core)
  --cli-every N    also run the real CLI on every Nth case (default 200; 0: never)
  --twice-every N  run every Nth case twice: outputs must be identical (default 25; 0: never)
  --timeout S      seconds one case may take before it counts as a hang (default 60)
  --out DIR        where failing cases are saved (default test/fixtures/fuzz-failures)
  --no-save        do not save failing cases
  --replay PATH    run these files (or every file in these folders) instead, each also through
                   the CLI's validate, audit and plan; repeatable
  --json           print the summary as JSON on standard output
  --quiet          no progress on standard error
  -h, --help       this help`

function fail(message) {
  process.stderr.write(`fuzz: ${message}\n\n${USAGE}\n`)
  process.exit(2)
}

let args
try {
  args = parseArgs({
    args: process.argv.slice(2),
    strict: true,
    options: {
      cases: {type: 'string'},
      seconds: {type: 'string'},
      seed: {type: 'string'},
      jobs: {type: 'string'},
      'cli-every': {type: 'string'},
      'twice-every': {type: 'string'},
      timeout: {type: 'string'},
      out: {type: 'string'},
      'no-save': {type: 'boolean'},
      replay: {type: 'string', multiple: true},
      json: {type: 'boolean'},
      quiet: {type: 'boolean'},
      help: {type: 'boolean', short: 'h'},
    },
  }).values
} catch (error) {
  fail(error.message)
}
if (args.help) {
  process.stdout.write(`${USAGE}\n`)
  process.exit(0)
}

function integer(name, fallback, min) {
  const text = args[name]
  if (text === undefined) return fallback
  if (!/^\d+$/.test(text) || !Number.isSafeInteger(Number(text)) || Number(text) < min) fail(`--${name} must be a whole number ≥ ${min}, got '${text}'`)
  return Number(text)
}

const cases = integer('cases', 1000, 0)
const seconds = integer('seconds', Infinity, 1)
const seed = integer('seed', 1, 0)
const jobs = integer('jobs', Math.min(2, availableParallelism()), 1)
const cliEvery = integer('cli-every', 200, 0)
const twiceEvery = integer('twice-every', 25, 0)
const timeoutMs = integer('timeout', 60, 1) * 1000
const outDir = path.resolve(args.out ?? path.join(ROOT, 'test', 'fixtures', 'fuzz-failures'))
const quiet = Boolean(args.quiet || args.json)

if (!existsSync(path.join(ROOT, 'dist', 'core', 'index.js'))) fail('dist/ is missing: run `npm run build` first (npm run fuzz does)')

/** The cases to run: generated from the seed, or the files to replay (each through all three commands). */
let queue
if (args.replay) {
  const files = []
  for (const given of args.replay) {
    const abs = path.resolve(given)
    if (!existsSync(abs)) fail(`--replay ${given}: no such file or folder`)
    if (statSync(abs).isDirectory()) {
      for (const name of readdirSync(abs).sort()) {
        const full = path.join(abs, name)
        if (!name.startsWith('.') && !name.endsWith('.md') && statSync(full).isFile()) files.push(full)
      }
    } else files.push(abs)
  }
  queue = files.map((file, index) => ({file, index}))
} else {
  queue = Array.from({length: cases}, (_, index) => ({index}))
}

const started = performance.now()
const outcomes = {validate: {}, audit: {}, plan: {}}
const cliByExit = {}
let cliRuns = 0
let twiceRuns = 0
let done = 0
const failures = []
let slowest = {ms: 0}
const scratch = mkdtempSync(path.join(tmpdir(), 'cloudready-fuzz-'))

function bytesOf(item) {
  try {
    return item.file ? readFileSync(item.file) : makeCase(seed, item.index, ROOT).bytes
  } catch {
    return Buffer.alloc(0)
  }
}

function opsOf(index) {
  try {
    return makeCase(seed, index, ROOT).ops
  } catch (error) {
    return [`(the case generator failed: ${error.message})`]
  }
}

function record(item, reply) {
  done++
  for (const k of ['validate', 'audit', 'plan']) outcomes[k][reply.outcome[k]] = (outcomes[k][reply.outcome[k]] ?? 0) + 1
  for (const run of reply.cli ?? []) {
    cliRuns++
    cliByExit[run.status] = (cliByExit[run.status] ?? 0) + 1
  }
  if (reply.ms > slowest.ms) slowest = {ms: reply.ms, index: item.index, file: item.file, size: reply.size}
  if (reply.problems.length === 0) return
  const bytes = reply.bytes ? Buffer.from(reply.bytes.buffer, reply.bytes.byteOffset, reply.bytes.byteLength) : bytesOf(item)
  const hash = createHash('sha256').update(bytes).digest('hex').slice(0, 16)
  let saved
  if (!args['no-save'] && !item.file) {
    mkdirSync(outDir, {recursive: true})
    saved = path.join(outDir, `${hash}.yaml`)
    writeFileSync(saved, bytes)
  }
  failures.push({index: item.index, file: item.file ? path.relative(ROOT, item.file) : undefined, hash, saved: saved ? path.relative(ROOT, saved) : undefined, ops: reply.ops, problems: reply.problems})
  if (!quiet) process.stderr.write(`\nFAIL ${item.file ? path.relative(ROOT, item.file) : `case ${item.index}`} (${hash}; ${reply.ops.join(' → ')}):\n${reply.problems.map((p) => `  - ${p.split('\n').slice(0, 6).join('\n    ')}`).join('\n')}\n`)
}

let next = 0
let lastProgress = performance.now()

function progress() {
  if (quiet || performance.now() - lastProgress < 5000) return
  lastProgress = performance.now()
  const s = (performance.now() - started) / 1000
  process.stderr.write(`fuzz: ${done}/${queue.length} cases, ${(done / s).toFixed(1)}/s, ${failures.length} failing\n`)
}

/** One job: a child process taking cases one at a time, replaced when it hangs or dies. */
function job() {
  return new Promise((resolve) => {
    let child
    let current
    let timer
    const startChild = () => {
      child = fork(WORKER, [], {serialization: 'advanced', env: {...process.env, CLOUDREADY_ROOT: ROOT, CLOUDREADY_FUZZ_TMP: scratch}, stdio: ['ignore', 'ignore', 'inherit', 'ipc']})
      child.on('message', (reply) => {
        clearTimeout(timer)
        const item = current
        current = undefined
        record(item, reply)
        progress()
        send()
      })
      child.on('exit', (code, signal) => {
        clearTimeout(timer)
        if (current === undefined) return
        const item = current
        current = undefined
        const why = child.killedForHang ? `hang: no answer within ${timeoutMs / 1000} s` : `crash: the process died (${signal ?? `exit ${code}`})`
        const ops = item.file ? [`file:${path.basename(item.file)}`] : opsOf(item.index)
        record(item, {outcome: {validate: 'hang/crash', audit: 'hang/crash', plan: 'hang/crash'}, problems: [why], ops, ms: timeoutMs, size: 0})
        startChild()
        send()
      })
    }
    const send = () => {
      const outOfTime = (performance.now() - started) / 1000 >= seconds
      if (next >= queue.length || outOfTime) {
        child.disconnect()
        resolve()
        return
      }
      const item = queue[next++]
      current = item
      const msg = item.file
        ? {id: next, index: item.index, bytes: readFileSync(item.file), name: path.basename(item.file), cli: [0, 1, 2], twice: true}
        : {id: next, seed, index: item.index, cli: cliEvery > 0 && item.index % cliEvery === 0 ? [(item.index / cliEvery) % 3] : [], twice: twiceEvery > 0 && item.index % twiceEvery === 0}
      if (msg.twice) twiceRuns++
      timer = setTimeout(() => {
        child.killedForHang = true
        child.kill('SIGKILL')
      }, timeoutMs + msg.cli.length * 120_000)
      child.send(msg)
    }
    startChild()
    send()
  })
}

const stop = () => {
  rmSync(scratch, {recursive: true, force: true})
  process.exit(130)
}
process.once('SIGINT', stop)

await Promise.all(Array.from({length: Math.min(jobs, Math.max(1, queue.length))}, job))
rmSync(scratch, {recursive: true, force: true})

const elapsed = (performance.now() - started) / 1000
failures.sort((a, b) => (a.file ?? '').localeCompare(b.file ?? '') || (a.index ?? 0) - (b.index ?? 0))
const summary = {
  seed: args.replay ? null : seed,
  replay: args.replay ?? null,
  cases: done,
  requested: queue.length,
  seconds: Number(elapsed.toFixed(1)),
  casesPerSecond: Number((done / elapsed).toFixed(1)),
  jobs,
  outcomes,
  cli: {runs: cliRuns, byExit: cliByExit},
  twice: twiceRuns,
  slowest: {ms: Math.round(slowest.ms), index: slowest.index, file: slowest.file && path.relative(ROOT, slowest.file), size: slowest.size},
  failures,
}

if (args.json) {
  process.stdout.write(`${JSON.stringify(summary, null, 2)}\n`)
} else {
  const counts = (o) =>
    Object.entries(o)
      .sort()
      .map(([k, v]) => `exit ${k}: ${v}`)
      .join(', ')
  const lines = [
    `cloudready fuzz: ${args.replay ? `replay of ${queue.length} files` : `seed ${seed}`}, ${done} cases${done < queue.length ? ` of ${queue.length} (stopped at --seconds ${seconds})` : ''} in ${elapsed.toFixed(1)} s (${summary.casesPerSecond} cases/s, ${jobs} ${jobs === 1 ? 'job' : 'jobs'})`,
    '  outcomes, as each command would exit:',
    `    validate  ${counts(outcomes.validate)}`,
    `    audit     ${counts(outcomes.audit)}`,
    `    plan      ${counts(outcomes.plan)}`,
    `  real CLI: ${cliRuns} runs (${counts(cliByExit) || 'none'}); run twice for determinism: ${twiceRuns}`,
    ...(done > 0 ? [`  slowest case: ${slowest.file ? path.relative(ROOT, slowest.file) : `#${slowest.index}`}, ${Math.round(slowest.ms)} ms (${slowest.size} bytes)`] : []),
    `  failures: ${failures.length}${failures.length ? '' : ' ✔'}`,
    ...failures.map((f) => `    ${f.file ?? `case ${f.index}`} → ${f.saved ?? f.hash}: ${f.problems[0].split('\n')[0].slice(0, 160)}`),
  ]
  process.stdout.write(`${lines.join('\n')}\n`)
}
process.exitCode = failures.length > 0 ? 1 : 0
