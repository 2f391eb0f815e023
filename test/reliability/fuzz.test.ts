/**
 * The fuzzer in `npm test`: a fixed seed's 300 cases (a few through the real CLI), and a replay of
 * every case in test/fixtures/fuzz-failures. `npm run fuzz -- --cases 20000 --jobs 2` is the long run.
 */
import {spawnSync} from 'node:child_process'
import {readdirSync} from 'node:fs'
import path from 'node:path'

import {afterAll, describe, expect, it} from 'vitest'

import {ROOT} from '../helpers/cli.js'
import {tempDir} from './helpers.js'

interface Summary {
  cases: number
  requested: number
  outcomes: Record<'validate' | 'audit' | 'plan', Record<string, number>>
  cli: {runs: number; byExit: Record<string, number>}
  twice: number
  failures: {index?: number; file?: string; hash: string; ops: string[]; problems: string[]}[]
}

interface Cases {
  makeCase(seed: number, index: number, root: string): {bytes: Buffer; ops: string[]}
}

// Plain JavaScript, imported by URL so TypeScript does not ask for its types.
const cases = (await import(new URL('../../scripts/lib/fuzz-cases.js', import.meta.url).href)) as Cases

const SEED = 20261127
const tmp = tempDir('fuzz')
afterAll(tmp.remove)

function fuzz(args: string[]): Summary {
  const r = spawnSync(process.execPath, [path.join(ROOT, 'scripts/fuzz.js'), '--json', '--jobs', '2', '--out', tmp.dir, ...args], {cwd: ROOT, encoding: 'utf8', timeout: 900_000, maxBuffer: 64 * 1024 * 1024})
  if (r.error) throw r.error
  const summary = JSON.parse(r.stdout) as Summary
  expect([0, 1], r.stderr).toContain(r.status)
  return summary
}

const report = (s: Summary) => s.failures.map((f) => `${f.file ?? `case ${f.index}`} (${f.ops.join(' → ')}):\n  ${f.problems.join('\n  ')}`).join('\n\n')

describe('the fuzzer', () => {
  it('makes the same case for the same seed and index, and another for another', () => {
    for (const index of [0, 1, 17, 299]) {
      const a = cases.makeCase(SEED, index, ROOT)
      const b = cases.makeCase(SEED, index, ROOT)
      expect(Buffer.compare(a.bytes, b.bytes)).toBe(0)
      expect(a.ops).toEqual(b.ops)
    }
    expect(Buffer.compare(cases.makeCase(SEED, 1, ROOT).bytes, cases.makeCase(SEED, 2, ROOT).bytes)).not.toBe(0)
    expect(Buffer.compare(cases.makeCase(SEED, 1, ROOT).bytes, cases.makeCase(SEED + 1, 1, ROOT).bytes)).not.toBe(0)
  })

  it(`seed ${SEED}, 300 cases: every one ends as exit 0, 1 or 2, with nothing wrong`, () => {
    const summary = fuzz(['--cases', '300', '--seed', String(SEED), '--cli-every', '50'])
    expect(summary.failures, report(summary)).toEqual([])
    expect(summary.cases).toBe(300)
    // The cases reach every outcome: valid estates with and without findings, and broken files.
    expect(Object.keys(summary.outcomes.audit).sort()).toEqual(['0', '1', '2'])
    expect(summary.outcomes.validate['0']).toBeGreaterThan(30)
    expect(summary.cli.runs).toBe(6)
    expect(summary.twice).toBeGreaterThan(0)
  }, 900_000)

  it('replays every case in test/fixtures/fuzz-failures without a failure', () => {
    const dir = path.join(ROOT, 'test/fixtures/fuzz-failures')
    const saved = readdirSync(dir).filter((f) => !f.startsWith('.') && !f.endsWith('.md'))
    if (saved.length === 0) return
    const summary = fuzz(['--replay', dir])
    expect(summary.failures, report(summary)).toEqual([])
    expect(summary.cases).toBe(saved.length)
    expect(summary.cli.runs).toBe(3 * saved.length)
  }, 900_000)
})
