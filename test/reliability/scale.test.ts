/**
 * Scale limits that say so: a dependency chain of 100,000 systems and a fan-in of 100,000 systems
 * onto one go through the real CLI's `plan` without a stack overflow (every graph walk iterative);
 * a file over the size limit is refused with a message naming --max-file-size, and the same file
 * passes once the limit is raised. Generated YAML in a temporary folder; nothing here is timed.
 */
import {readFileSync, writeFileSync} from 'node:fs'
import path from 'node:path'

import {afterAll, describe, expect, it} from 'vitest'

import {cli, STACK_TRACE} from '../helpers/cli.js'
import {tempDir} from './helpers.js'

interface Generator {
  chainEstate(n: number): object[]
  fanInEstate(n: number): object[]
  toInventory(department: object): object
  toYamlBuffer(inventory: object): Buffer
}

// Plain JavaScript, imported by URL so TypeScript does not ask for its types.
const gen = (await import(new URL('../../scripts/lib/generate-estate.js', import.meta.url).href)) as Generator

interface PlanJson {
  summary: {systems: number; waves: number}
  waves: {number: number; systems: string[]}[]
  systems: {ref: string; wave: number | null; moveGroup: string; dependsOn: string[]}[]
}

const tmp = tempDir('scale')
afterAll(tmp.remove)

/** `plan` of a generated estate through the CLI, its JSON written with -o and read back. */
function planOf(name: string, estate: object[]): PlanJson {
  writeFileSync(path.join(tmp.dir, `${name}.yaml`), gen.toYamlBuffer(gen.toInventory(estate[0])))
  const r = cli(['plan', `${name}.yaml`, '--as-of', '2026-11-27', '--no-config', '--capacity', '5000', '--format', 'json', '-o', `${name}.plan.json`], {cwd: tmp.dir, timeout: 600_000})
  expect(r.stderr).not.toMatch(STACK_TRACE)
  expect(r.stderr).not.toMatch(/call stack|internal error/i)
  expect(r.code, r.stderr).toBe(0)
  return JSON.parse(readFileSync(path.join(tmp.dir, `${name}.plan.json`), 'utf8')) as PlanJson
}

describe('100,000 systems', () => {
  it('a dependency chain 100,000 long: planned, each system in a wave after the one it depends on', () => {
    const plan = planOf('chain', gen.chainEstate(100_000))
    expect(plan.summary.systems).toBe(100_000)
    const wave = new Map(plan.systems.map((s) => [s.ref, s.wave]))
    let moved = 0
    for (const s of plan.systems) {
      for (const d of s.dependsOn) {
        const a = wave.get(d)
        if (a !== null && a !== undefined && s.wave !== null) {
          expect(a).toBeLessThanOrEqual(s.wave)
          moved++
        }
      }
    }
    expect(moved).toBeGreaterThan(0)
    // No cycle in a chain: every system is a move group of its own.
    expect(new Set(plan.systems.map((s) => s.moveGroup)).size).toBe(100_000)
  }, 900_000)

  it('a fan-in of 100,000 systems onto one: planned, the shared system no later than any that needs it', () => {
    const plan = planOf('fan-in', gen.fanInEstate(100_000))
    expect(plan.summary.systems).toBe(100_000)
    const hub = plan.systems.find((s) => s.dependsOn.length === 0 && s.ref.endsWith('/sys-000001'))!
    expect(hub).toBeDefined()
    for (const s of plan.systems) {
      if (s.wave !== null && hub.wave !== null && s.ref !== hub.ref) expect(hub.wave).toBeLessThanOrEqual(s.wave)
    }
  }, 900_000)
})

describe('the size limit', () => {
  it('a file over --max-file-size: exit 2 naming the flag; raised, the same file passes', () => {
    const systems = Array.from({length: 15_000}, (_, i) => `  - {id: s${i}, name: System ${i}, criticality: low, hosting: on-premises}\n`).join('')
    writeFileSync(path.join(tmp.dir, 'big.yaml'), `apiVersion: cloudready/v1\nkind: Inventory\ndepartment: {id: big, name: Big}\nsystems:\n${systems}`)
    for (const command of ['validate', 'audit', 'plan']) {
      const flags = command === 'validate' ? [] : ['--no-config', '--as-of', '2026-11-27']
      const refused = cli([command, 'big.yaml', '--max-file-size', '1', ...flags], {cwd: tmp.dir})
      expect(refused.code).toBe(2)
      expect(refused.stderr).not.toMatch(STACK_TRACE)
      expect(refused.stdout + refused.stderr).toMatch(/big\.yaml[\s\S]*1:1\s+error\s+file is 1\.\d MiB, over the 1\.0 MiB limit for one inventory file; raise it with --max-file-size <MiB>/)
      const raised = cli([command, 'big.yaml', '--max-file-size', '2', ...flags, '--format', 'json'], {cwd: tmp.dir})
      expect([0, 1], raised.stderr).toContain(raised.code)
    }
  })
})
