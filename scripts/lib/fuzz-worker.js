/**
 * A fuzz job: a child process of scripts/fuzz.js that makes and runs the cases it is sent, one at a
 * time, and answers with what happened. The parent kills it when a case takes too long, so a hang
 * or a crash here costs one case, never the run.
 *
 * Messages in: `{id, seed, index}` (make case `index` of `seed`) or `{id, bytes, name}` (a given
 * case), each with `cli` (the commands to also run through the real CLI: 0 validate, 1 audit, 2 plan)
 * and `twice` (run it twice: outputs must be byte-identical). Out: `{id, ops, size, outcome, problems, cli, ms}`, plus `bytes` when something
 * is wrong, so the parent can save the case.
 */
import {spawnSync} from 'node:child_process'
import {existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync} from 'node:fs'
import {tmpdir} from 'node:os'
import path from 'node:path'
import {performance} from 'node:perf_hooks'

import {makeCase} from './fuzz-cases.js'
import {optionsFor, runCase} from './fuzz-check.js'

const root = process.env.CLOUDREADY_ROOT
const bin = path.join(root, 'bin', 'run.js')
let scratch

const STACK_TRACE = /\n\s+at .+[(:]\d+(:\d+)?\)?|node:internal|TypeError|ReferenceError|RangeError/
const FORMATS = {validate: ['stylish', 'json', 'csv', 'sarif', 'junit', 'github', 'gitlab'], audit: ['stylish', 'json', 'yaml', 'markdown', 'csv', 'sarif', 'junit', 'github', 'gitlab'], plan: ['table', 'json', 'yaml', 'markdown', 'csv']}

/** The real CLI on the case, as a user runs it: one command, one format, exit code as the in-process run predicts. */
function runCli(bytes, index, commandIndex, expected) {
  if (!scratch) {
    scratch = mkdtempSync(path.join(process.env.CLOUDREADY_FUZZ_TMP ?? tmpdir(), 'job-'))
    mkdirSync(path.join(scratch, 'inventory'))
  }
  const file = path.join(scratch, 'inventory', 'case.yaml')
  writeFileSync(file, bytes)
  const command = ['validate', 'audit', 'plan'][commandIndex]
  const formats = FORMATS[command]
  const format = formats[Math.floor(index / 3) % formats.length]
  const o = optionsFor(bytes)
  // How the case reaches the CLI and where its output goes, in turn: a file to standard output; standard
  // input through a real pipe; a file written with -o (whole, nothing on standard output, no temporary file left).
  const route = Math.floor(index / 3 / formats.length) % 3
  const output = path.join(scratch, 'out.txt')
  rmSync(output, {force: true})
  const args = [bin, command, route === 1 ? '-' : file, ...(o.companion ? [path.join(root, o.companion)] : []), '--format', format, ...(route === 2 ? ['-o', output] : [])]
  if (command !== 'validate') {
    args.push('--no-config', '--as-of', o.asOf, '--fail-on', o.failOn)
    if (o.deadline) args.push('--deadline', o.deadline)
  }
  if (command === 'plan') {
    args.splice(args.indexOf('--fail-on'), 2)
    if (o.capacity) args.push('--capacity', String(o.capacity))
    if (o.capacityEffort) args.push('--capacity-effort', String(o.capacityEffort))
    if (o.waveLengthMonths) args.push('--wave-length', String(o.waveLengthMonths))
  }
  const r = spawnSync(process.execPath, args, {cwd: scratch, encoding: 'utf8', timeout: 120_000, maxBuffer: 512 * 1024 * 1024, env: {...process.env, NO_COLOR: '1', FORCE_COLOR: ''}, ...(route === 1 ? {input: bytes} : {})})
  const shown = `cloudready ${command} ${route === 1 ? '- (standard input)' : 'case.yaml'} --format ${format}${route === 2 ? ' -o out.txt' : ''}`
  const problems = []
  if (route === 2 && r.status !== null) {
    // Written whole or not at all: the text went to the file, and no temporary file is left beside it.
    if (readdirSync(scratch).some((f) => f.endsWith('.tmp'))) problems.push(`${shown}: a temporary file was left behind`)
    if (r.stdout !== '') problems.push(`${shown}: -o given, yet standard output is not empty`)
    if (existsSync(output)) r.stdout = readFileSync(output, 'utf8')
  }
  if (r.error || r.status === null) problems.push(`${shown}: did not finish (${r.error?.code ?? r.signal})`)
  else if (r.status !== expected[command]) problems.push(`${shown}: exit ${r.status}, the in-process run says ${expected[command]}; stderr: ${r.stderr.slice(0, 300)}`)
  if (STACK_TRACE.test(r.stderr ?? '')) problems.push(`${shown}: a stack trace on standard error: ${r.stderr.slice(0, 300)}`)
  if (/internal error/.test(r.stderr ?? '')) problems.push(`${shown}: an internal error: ${r.stderr.slice(0, 300)}`)
  if (['json', 'sarif', 'gitlab'].includes(format) && (r.status === 0 || r.status === 1 || command === 'validate')) {
    try {
      JSON.parse(r.stdout)
    } catch {
      problems.push(`${shown}: standard output is not JSON`)
    }
  }
  return {command, format, status: r.status, problems}
}

process.on('message', async (msg) => {
  const started = performance.now()
  let bytes = Buffer.alloc(0)
  let ops = []
  const reply = {id: msg.id, ops, size: 0}
  try {
    if (msg.bytes) {
      bytes = Buffer.from(msg.bytes.buffer, msg.bytes.byteOffset, msg.bytes.byteLength)
      ops = [`file:${msg.name}`]
    } else {
      ;({bytes, ops} = makeCase(msg.seed, msg.index, root))
    }
    reply.ops = ops
    reply.size = bytes.length
    const first = await runCase(bytes, {root, colour: msg.index % 7 === 0})
    reply.outcome = first.outcome
    reply.problems = first.problems
    if (msg.twice) {
      const second = await runCase(bytes, {root, differentialCheck: false})
      for (const [name, text] of Object.entries(first.outputs)) {
        if (second.outputs[name] !== text) reply.problems.push(`${name}: not the same output twice for the same input`)
      }
    }
    reply.cli = []
    for (const k of msg.cli ?? []) {
      const cli = runCli(bytes, msg.index ?? 0, k, first.outcome)
      reply.cli.push({command: cli.command, format: cli.format, status: cli.status})
      reply.problems.push(...cli.problems)
    }
  } catch (error) {
    reply.outcome = {validate: 2, audit: 2, plan: 2}
    reply.problems = [`the fuzz harness itself failed: ${error?.stack ?? String(error)}`]
  }
  reply.ms = performance.now() - started
  if (reply.problems.length > 0) reply.bytes = bytes
  process.send(reply)
})

process.on('disconnect', () => {
  if (scratch) rmSync(scratch, {recursive: true, force: true})
  process.exit(0)
})
