/**
 * The audit of a big estate keeps no system's assessment: its systems are judged again as they are
 * written (assessLazily, above KEEP_ASSESSMENTS_UP_TO systems); its plan keeps each with only what
 * the plan reads (forThePlan). They must say exactly what the kept assessment says: the same systems,
 * findings, summaries and plans, and the same bytes in every format.
 */
import {execFileSync} from 'node:child_process'
import {mkdtempSync, readFileSync, rmSync} from 'node:fs'
import {tmpdir} from 'node:os'
import path from 'node:path'

import {afterAll, beforeAll, describe, expect, it} from 'vitest'

import {assess, assessLazily, type SystemAssessment, systemsInPlaceOrder} from '../../../src/core/assess/index.js'
import {prepare, type PreparedRun} from '../../../src/core/index.js'
import {cliRun} from '../../helpers/cli.js'

const root = path.resolve(__dirname, '../../..')
const examples = path.join(root, 'examples')
const asOf = '2026-11-27'
let dir: string
/** A generated estate with what the second pass and the finding placement depend on: cycles, dependencies, anchors, aliases, merge keys. */
let mixed: string[]

beforeAll(() => {
  dir = mkdtempSync(path.join(tmpdir(), 'cloudready-lazy-'))
  execFileSync(process.execPath, [path.join(root, 'scripts/generate.js'), '--systems', '600', '--departments', '3', '--seed', '7', '--out', dir, '--name', 'estate', '--yaml-features', '--no-json'])
  mixed = ['d-001', 'd-002', 'd-003'].map((d) => path.join(dir, 'estate', `${d}-mixed.yaml`))
})
afterAll(() => rmSync(dir, {recursive: true, force: true}))

async function both(paths: string[]): Promise<{run: PreparedRun; kept: ReturnType<typeof assess>; lazy: ReturnType<typeof assessLazily>}> {
  const run = await prepare({paths, asOf, config: false})
  const options = {asOf, deadline: run.deadline, lifecycle: run.lifecycle, rules: run.rules}
  return {run, kept: assess(run.estate, options), lazy: assessLazily(run.estate, options)}
}

describe('the lazy assessment', () => {
  for (const [name, paths] of [
    ['the examples', () => [examples]],
    ['a generated estate of three departments with cycles, aliases and merge keys', () => mixed],
  ] as const) {
    it(`judges ${name} as the kept one does, every time it is read`, async () => {
      const {kept, lazy} = await both(paths())
      expect(kept.systems.length).toBeGreaterThan(10)
      // Something for the second pass to find: a dependency on a system that is not ready.
      expect(kept.systems.some((s) => s.findings.some((f) => f.rule === 'architecture-depends-on-not-ready'))).toBe(true)
      expect(lazy.summary).toEqual(kept.summary)
      expect(lazy.departments).toEqual(kept.departments)
      expect(lazy.stillToMove).toEqual(kept.stillToMove)
      expect(lazy.systems.length).toBe(kept.systems.length)
      expect([...lazy.systems]).toEqual(kept.systems)
      expect([...lazy.systems]).toEqual(kept.systems)
    })
  }

  it('orders the systems by file and place without judging them first, as the kept list sorts', async () => {
    const {kept, lazy} = await both([examples])
    const place = (s: SystemAssessment) => `${s.file}:${String(s.line).padStart(6, '0')}:${String(s.column).padStart(4, '0')}`
    const lazyOrder = [...systemsInPlaceOrder(lazy.systems)].map(place)
    expect(lazyOrder).toEqual([...systemsInPlaceOrder(kept.systems)].map(place))
    expect(lazyOrder).toEqual([...lazyOrder].sort())
    expect(new Set(lazyOrder).size).toBe(kept.systems.length)
  })
})

describe('audit above the threshold (CLOUDREADY_KEEP_ASSESSMENTS_UP_TO=0)', () => {
  const lazyEnv = {CLOUDREADY_KEEP_ASSESSMENTS_UP_TO: '0'}
  for (const format of ['stylish', 'json', 'yaml', 'csv', 'markdown', 'sarif', 'junit', 'github', 'gitlab']) {
    it(`writes the same --format ${format} bytes and exit code as below it`, async () => {
      for (const inputs of [[examples], mixed]) {
        for (const extra of [[], ['--quiet', '--fail-on', 'medium']]) {
          const args = ['audit', ...inputs, '--as-of', asOf, '--no-config', '--format', format, ...extra]
          const kept = await cliRun(args)
          const lazy = await cliRun(args, {env: lazyEnv})
          expect(kept.code).toBe(1)
          expect(lazy.stdout).toBe(kept.stdout)
          expect(lazy.stderr).toBe(kept.stderr)
          expect(lazy.code).toBe(kept.code)
          if (format === 'stylish' && inputs === mixed && extra.length === 0) expectLinesInOrder(kept.stdout)
        }
      }
    })
  }

  for (const format of ['table', 'json', 'yaml', 'csv', 'markdown', 'html']) {
    it(`plan: the same --format ${format} bytes, each system kept with only what the plan reads of it`, async () => {
      for (const inputs of [[examples], mixed]) {
        const args = ['plan', ...inputs, '--as-of', asOf, '--no-config', '--format', format]
        const kept = await cliRun(args)
        const lazy = await cliRun(args, {env: lazyEnv})
        expect(kept.code).toBe(0)
        expect(lazy.stdout).toBe(kept.stdout)
        expect(lazy.stderr).toBe(kept.stderr)
      }
    })
  }

  it('writes the same file with -o, and the same line on standard error', async () => {
    const out = path.join(dir, 'lazy.json')
    const args = ['audit', examples, '--as-of', asOf, '--no-config', '--format', 'json', '-o', out]
    const kept = await cliRun(args)
    const keptBytes = readFileSync(out, 'utf8')
    const lazy = await cliRun(args, {env: {CLOUDREADY_KEEP_ASSESSMENTS_UP_TO: '0'}})
    expect(readFileSync(out, 'utf8')).toBe(keptBytes)
    expect(lazy.stderr).toBe(kept.stderr)
    expect(lazy.stderr).toMatch(/findings at high or above; exit 1/)
  })
})

/**
 * Stylish lists each file's findings by line, those placed above their system (a value shared
 * through an alias or merge key) merged in at their line: the generated estate has some.
 */
function expectLinesInOrder(stdout: string): void {
  let last = 0
  let above = 0
  for (const line of stdout.split('\n')) {
    const m = /^ {2}(\d+):(\d+) /.exec(line)
    if (!m) {
      last = 0
      continue
    }
    expect(Number(m[1])).toBeGreaterThanOrEqual(last)
    last = Number(m[1])
    if (line.includes('above this system')) above++
  }
  expect(above).toBeGreaterThan(0)
}
