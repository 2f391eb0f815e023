/**
 * Nothing lost: inputs are never modified, whatever the command, the format or -o; an output file is
 * written whole or not at all, also when the run is interrupted (SIGINT, SIGTERM) at any moment or
 * races another run; -o never lands on an input, however it is named; a missing folder is a clear
 * exit 2. All through the built CLI on real temporary folders.
 */
import {type ChildProcess, spawn} from 'node:child_process'
import {copyFileSync, existsSync, linkSync, mkdirSync, readdirSync, readFileSync, statSync, symlinkSync, writeFileSync} from 'node:fs'
import path from 'node:path'
import {setTimeout as sleep} from 'node:timers/promises'

import {afterAll, beforeAll, describe, expect, it} from 'vitest'

import {auditFormatters, planFormatters, validateFormatters} from '../../src/formatters/index.js'
import {BIN, cli, cliAsync, ROOT, STACK_TRACE} from '../helpers/cli.js'
import {filesUnder, sha, tempDir} from './helpers.js'

interface Generator {
  generateEstate(options: {systems: number; departments?: number; seed?: number}): {id: string; name: string; systems: object[]}[]
  toInventory(department: object): object
  toYamlBuffer(inventory: object): Buffer
}

// Plain JavaScript, imported by URL so TypeScript does not ask for its types.
const gen = (await import(new URL('../../scripts/lib/generate-estate.js', import.meta.url).href)) as Generator

const AS_OF = '2026-11-27'
const tmp = tempDir('io')
const inventory = path.join(tmp.dir, 'inventory')
const big = path.join(tmp.dir, 'big')
const out = path.join(tmp.dir, 'out')
const config = path.join(tmp.dir, 'team.cloudready.yaml')

/** Every file a run may read, with its hash and mode before any run. */
const before = new Map<string, {hash: string; mode: number; mtime: number}>()

function snapshot(file: string) {
  const s = statSync(file)
  return {hash: sha(file), mode: s.mode, mtime: s.mtimeMs}
}

function expectInputsUnchanged(): void {
  for (const [file, was] of before) expect(snapshot(file), path.relative(tmp.dir, file)).toEqual(was)
}

const noTemps = (dir: string) => readdirSync(dir).filter((f) => f.endsWith('.tmp'))

beforeAll(() => {
  mkdirSync(inventory)
  mkdirSync(out)
  for (const f of readdirSync(path.join(ROOT, 'examples'))) copyFileSync(path.join(ROOT, 'examples', f), path.join(inventory, f))
  for (const f of ['bom-crlf.yaml', 'proto-x-keys.yaml', 'cycle-shared-node.yaml']) copyFileSync(path.join(ROOT, 'test/fixtures/hostile', f), path.join(inventory, f))
  writeFileSync(config, 'deadline: 2024-03-31\n')
  // Big enough that planning and writing take a while: about 12 MB of YAML in, 27 MB of JSON out.
  mkdirSync(big)
  for (const d of gen.generateEstate({systems: 20000, departments: 4, seed: 7})) writeFileSync(path.join(big, `${d.id}.yaml`), gen.toYamlBuffer(gen.toInventory(d)))
  for (const f of [...filesUnder(inventory), ...filesUnder(big), config]) before.set(f, snapshot(f))
}, 300_000)

afterAll(tmp.remove)

describe('inputs are never modified', () => {
  const runs: [string, string][] = [
    ...Object.keys(validateFormatters).map((f) => ['validate', f] as [string, string]),
    ...Object.keys(auditFormatters).map((f) => ['audit', f] as [string, string]),
    ...Object.keys(planFormatters).map((f) => ['plan', f] as [string, string]),
  ]

  it.each(runs)('%s --format %s, to standard output and with -o', async (command, format) => {
    const flags = command === 'validate' ? [] : ['--as-of', AS_OF, '--config', config]
    const target = path.join(out, `${command}.${format}`)
    // Both at once: two processes, two cores.
    const results = await Promise.all([[], ['-o', target]].map((extra) => cliAsync([command, 'inventory', '--format', format, ...flags, ...extra], {cwd: tmp.dir})))
    for (const r of results) {
      expect(r.stderr).not.toMatch(STACK_TRACE)
      expect([0, 1], r.stderr).toContain(r.code)
    }
    expectInputsUnchanged()
    expect(statSync(target).size).toBeGreaterThan(0)
    expect(noTemps(out)).toEqual([])
  })
})

describe('-o never lands on an input', () => {
  const refusals: [string, (dir: string) => string, string[]][] = [
    ['the input file itself', () => 'inventory/hmrc.yaml', []],
    ['a relative path that winds round to it', () => './inventory/../inventory/./hmrc.yaml', []],
    ['an absolute path to it', (dir) => path.join(dir, 'inventory', 'hmrc.yaml'), []],
    [
      'a symlink to it',
      (dir) => {
        const link = path.join(dir, 'out', 'link-to-hmrc.json')
        if (!existsSync(link)) symlinkSync(path.join(dir, 'inventory', 'hmrc.yaml'), link)
        return 'out/link-to-hmrc.json'
      },
      [],
    ],
    [
      'a hard link to it',
      (dir) => {
        const link = path.join(dir, 'out', 'hard-link-to-dwp.json')
        if (!existsSync(link)) linkSync(path.join(dir, 'inventory', 'dwp.yaml'), link)
        return 'out/hard-link-to-dwp.json'
      },
      [],
    ],
    ['the config file it reads', () => 'team.cloudready.yaml', ['--config', 'team.cloudready.yaml']],
  ]

  for (const command of ['validate', 'audit', 'plan']) {
    it.each(refusals)(`${command}: %s is refused with exit 2`, (_name, target, extra) => {
      if (command === 'validate' && extra.length > 0) return
      const flags = command === 'validate' ? [] : ['--as-of', AS_OF, ...(extra.length > 0 ? extra : ['--no-config'])]
      const r = cli([command, 'inventory', ...flags, '-o', target(tmp.dir)], {cwd: tmp.dir})
      expect(r.code, r.stderr).toBe(2)
      expect(r.stderr).not.toMatch(STACK_TRACE)
      expect(r.stderr).toMatch(/refusing to write the output over an input file/)
      expect(r.stdout).toBe('')
      expectInputsUnchanged()
    })
  }

  it('a folder that does not exist: exit 2, naming it', () => {
    for (const command of ['validate', 'audit', 'plan']) {
      const r = cli([command, 'inventory', '-o', 'no/such/folder/out.json', ...(command === 'validate' ? [] : ['--as-of', AS_OF])], {cwd: tmp.dir})
      expect(r.code, r.stderr).toBe(2)
      expect(r.stderr).not.toMatch(STACK_TRACE)
      expect(r.stderr.trim()).toBe("cloudready: cannot write the output to 'no/such/folder/out.json': the folder 'no/such/folder' does not exist")
      expect(existsSync(path.join(tmp.dir, 'no'))).toBe(false)
    }
  })

  it('a folder as the output: exit 2', () => {
    const r = cli(['plan', 'inventory', '--as-of', AS_OF, '-o', 'out'], {cwd: tmp.dir})
    expect(r.code).toBe(2)
    expect(r.stderr).toContain("cannot write the output to 'out': it is a folder")
  })
})

/** Starts `plan big -o <target>` in the background. */
function startPlan(target: string, input = 'big'): {child: ChildProcess; done: Promise<{code: number | null; signal: NodeJS.Signals | null; stderr: string; ms: number}>} {
  const started = Date.now()
  const child = spawn(process.execPath, [BIN, 'plan', input, '--as-of', AS_OF, '--no-config', '--format', 'json', '-o', target], {cwd: tmp.dir, env: {...process.env, NO_COLOR: '1'}, stdio: ['ignore', 'ignore', 'pipe']})
  let stderr = ''
  child.stderr!.on('data', (chunk: Buffer) => (stderr += chunk.toString()))
  const done = new Promise<{code: number | null; signal: NodeJS.Signals | null; stderr: string; ms: number}>((resolve) => {
    child.on('close', (code, signal) => resolve({code, signal, stderr, ms: Date.now() - started}))
  })
  return {child, done}
}

describe('-o is atomic', () => {
  const oldContent = `${JSON.stringify({old: true, note: 'a previous plan'}, null, 2)}\n`
  let fresh: string
  let fullMs: number

  beforeAll(async () => {
    const target = path.join(out, 'reference.json')
    const run = startPlan(target)
    const result = await run.done
    expect(result.code, result.stderr).toBe(0)
    fresh = readFileSync(target, 'utf8')
    fullMs = result.ms
    JSON.parse(fresh)
  }, 300_000)

  const moments = [
    ['early (reading the inventories)', 0.15],
    ['midway (judging and planning)', 0.5],
    ['as the temporary output file appears', 'temp'],
    ['late', 0.9],
  ] as const

  for (const signal of ['SIGINT', 'SIGTERM'] as const) {
    it.each(moments)(`${signal} %s: the old file or a whole new one, exit ${signal === 'SIGINT' ? 130 : 143}, no temporary file left`, async (_name, when) => {
      const dir = path.join(out, `${signal}-${String(when)}`)
      mkdirSync(dir, {recursive: true})
      const target = path.join(dir, 'plan.json')
      writeFileSync(target, oldContent)
      const run = startPlan(target)
      let exited = false
      void run.done.then(() => (exited = true))
      if (when === 'temp') {
        // Poll for the temporary file beside the target; send the signal the moment it is there.
        const deadline = Date.now() + 5 * fullMs + 60_000
        while (!exited && Date.now() < deadline && noTemps(dir).length === 0) await sleep(2)
      } else {
        await sleep(Math.round(fullMs * when))
      }
      const sentBeforeExit = !exited
      if (sentBeforeExit) run.child.kill(signal)
      const result = await run.done
      expect(result.stderr).not.toMatch(STACK_TRACE)
      const now = readFileSync(target, 'utf8')
      // Never truncated, never a mix: exactly the old file, or exactly the new plan.
      expect(now === oldContent || now === fresh, `${now.length} bytes; the old file ${oldContent.length}, the new one ${fresh.length}`).toBe(true)
      if (when === 0.15) {
        // Long before the write: the old file stays, and the exit code says why.
        expect(sentBeforeExit).toBe(true)
        expect(now).toBe(oldContent)
      }
      if (sentBeforeExit) {
        const status = result.code ?? 128 + (result.signal === 'SIGINT' ? 2 : 15)
        // The run may have finished in the instant before the signal landed.
        expect([signal === 'SIGINT' ? 130 : 143, 0], result.stderr).toContain(status)
        // Killed by the signal itself only before cloudready's handler is installed (the first instants).
        if (result.code !== null && status !== 0) expect(result.stderr).toContain(`interrupted (${signal})`)
        if (result.code !== null && now === oldContent && status !== 0) expect(result.stderr).toContain('no output was written')
      }
      expect(noTemps(dir)).toEqual([])
      expectInputsUnchanged()
    }, 300_000)
  }

  it('two runs writing the same output at once leave one whole output', async () => {
    const dir = path.join(out, 'race')
    mkdirSync(dir)
    const target = path.join(dir, 'plan.json')
    const small = path.join(dir, 'small.json')
    const smallRun = startPlan(small, 'inventory')
    expect((await smallRun.done).code).toBe(0)
    const expectedSmall = readFileSync(small, 'utf8')
    for (let round = 0; round < 2; round++) {
      const a = startPlan(target, 'big')
      const b = startPlan(target, 'inventory')
      const [ra, rb] = await Promise.all([a.done, b.done])
      expect(ra.code, ra.stderr).toBe(0)
      expect(rb.code, rb.stderr).toBe(0)
      const now = readFileSync(target, 'utf8')
      expect(now === fresh || now === expectedSmall, `${now.length} bytes`).toBe(true)
      expect(noTemps(dir)).toEqual([])
    }
    expectInputsUnchanged()
  }, 600_000)
})
