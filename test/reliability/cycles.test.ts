/**
 * A dependency cycle of any size costs about what the same systems without it cost (reliability,
 * second pass: a ring of 5,000 did not finish in 40 s, each member's finding naming every other). Held
 * by what the work produces, not by a clock: the audit and plan outputs of a 5,000-system ring are about
 * the size of the same systems' without the ring.
 */
import {mkdtempSync, rmSync, writeFileSync} from 'node:fs'
import {tmpdir} from 'node:os'
import path from 'node:path'

import {afterAll, describe, expect, it} from 'vitest'

import {cliInProcess} from '../helpers/cli.js'

const N = 5000
const dir = mkdtempSync(path.join(tmpdir(), 'cloudready-cycles-'))
afterAll(() => rmSync(dir, {recursive: true, force: true}))

function inventory(ring: boolean): string {
  let s = 'apiVersion: cloudready/v1\nkind: Inventory\ndepartment: {id: ring, name: Ring}\nsystems:\n'
  for (let i = 0; i < N; i++) s += `  - id: s${i}\n    name: S${i}\n    criticality: low\n    hosting: on-premises\n    dependencies: [${ring ? `s${(i + 1) % N}` : ''}]\n`
  return s
}

describe(`a ring of ${N.toLocaleString('en-GB')} systems`, () => {
  writeFileSync(path.join(dir, 'ring.yaml'), inventory(true))
  writeFileSync(path.join(dir, 'flat.yaml'), inventory(false))

  it('audits to about the size of the same systems without the ring, each finding naming ten others and the count', async () => {
    const ring = await cliInProcess(['audit', 'ring.yaml', '--as-of', '2026-11-27', '--format', 'json', '--no-config'], {cwd: dir})
    const flat = await cliInProcess(['audit', 'flat.yaml', '--as-of', '2026-11-27', '--format', 'json', '--no-config'], {cwd: dir})
    expect(ring.stdout.length).toBeLessThan(flat.stdout.length * 1.5)
    const s0 = (JSON.parse(ring.stdout) as {systems: Array<{cycle: string[]; cycleSize: number; findings: Array<{rule: string; message: string}>}>}).systems[0]
    expect(s0.cycleSize).toBe(N)
    expect(s0.cycle).toHaveLength(10)
    expect(s0.findings.find((f) => f.rule === 'architecture-dependency-cycle')!.message).toMatch(/^Part of a dependency cycle of 5,000 systems: must move together with (s\d+, ){9}s\d+ and 4,989 more \(the plan's move group lists them all\)$/)
  })

  it('plans as one move group, its plan about the size of the flat estate\'s', async () => {
    const ring = await cliInProcess(['plan', 'ring.yaml', '--as-of', '2026-11-27', '--format', 'json', '--no-config'], {cwd: dir})
    const flat = await cliInProcess(['plan', 'flat.yaml', '--as-of', '2026-11-27', '--format', 'json', '--no-config'], {cwd: dir})
    expect(ring.stdout.length).toBeLessThan(flat.stdout.length * 1.5)
    const plan = JSON.parse(ring.stdout) as {moveGroups: Array<{systems: string[]}>}
    expect(plan.moveGroups).toHaveLength(1)
    expect(plan.moveGroups[0].systems).toHaveLength(N)
  })
})
