/**
 * Scale: a 100,000-system dependency chain and a 100,000-system fan-in plan without a stack
 * overflow, through the real path (YAML file → loader → validator → assessment → planner → JSON).
 * Nothing here is timed: speed is `npm run bench`'s business. The deepest depth-first search
 * (a chain whose first ref depends on the next, and a ring of 100,000) is checked on the graph.
 */
import {mkdtempSync, rmSync, writeFileSync} from 'node:fs'
import {tmpdir} from 'node:os'
import path from 'node:path'

import {afterAll, beforeAll, describe, expect, it} from 'vitest'

import {runPlan} from '../../../src/core/index.js'
import {stronglyConnected} from '../../../src/core/graph.js'
import type {PlanReport} from '../../../src/core/plan/report.js'
import {schedule, type SchedGroup} from '../../../src/core/plan/schedule.js'
import {format as json} from '../../../src/formatters/plan/json.js'
import {AS_OF, dayAfter, gen} from './helpers.js'

const N = 100_000
const CAPACITY = 10

let dir: string
beforeAll(() => {
  dir = mkdtempSync(path.join(tmpdir(), 'cloudready-plan-scale-'))
})
afterAll(() => rmSync(dir, {recursive: true, force: true}))

/** Writes the department as one YAML file and plans it as `plan FILE --as-of … --capacity 10` does. */
async function planFile(name: string, department: ReturnType<typeof gen.chainEstate>[number]): Promise<PlanReport> {
  const file = path.join(dir, `${name}.yaml`)
  writeFileSync(file, gen.toYamlBuffer(gen.toInventory(department)))
  const {planReport, diagnostics} = await runPlan({paths: [file], config: false, asOf: AS_OF, version: '0.0.0-test', capacity: CAPACITY})
  expect(diagnostics.filter((d) => d.severity === 'error')).toEqual([])
  return planReport
}

/** What holds for both shapes: every system planned once, waves contiguous and full, the JSON whole. */
function checkCommon(p: PlanReport): void {
  expect(p.systems).toHaveLength(N)
  expect(p.moveGroups).toHaveLength(N)
  expect(p.waves).toHaveLength(N / CAPACITY)
  // Checked in plain loops, one expect at the end: 100,000 expects would cost more than the plan.
  const bad: string[] = []
  for (let k = 0; k < p.waves.length; k++) {
    const w = p.waves[k]
    if (w.systems.length !== CAPACITY) bad.push(`wave ${w.number} has ${w.systems.length} systems`)
    if (k > 0 && w.start !== dayAfter(p.waves[k - 1].end)) bad.push(`wave ${w.number} starts ${w.start}, not the day after wave ${k} ends`)
  }
  expect(bad.slice(0, 5)).toEqual([])
  expect(p.completion).toBe(p.waves.at(-1)!.end)
  expect(p.warnings).toEqual([])
  const text = json(p, {color: false, version: '0.0.0-test'})
  expect(text.endsWith('}\n')).toBe(true)
  expect((JSON.parse(text) as {systems: unknown[]}).systems).toHaveLength(N)
}

// Generous: the machine may be shared, and nothing here is a speed test.
describe('100,000 systems', {timeout: 300_000}, () => {
  it('a dependency chain (system i depends on i-1) plans in order, ten a wave', async () => {
    const [department] = gen.chainEstate(N)
    const p = await planFile('chain', department)
    checkCommon(p)
    // Refs sort in chain order (sys-000001…): system i moves in wave ⌊i/10⌋+1, after system i-1.
    const bad: string[] = []
    for (let i = 0; i < N; i++) {
      const s = p.systems[i]
      if (s.ref !== `chain/${department.systems[i].id}`) bad.push(`${i}: ref ${s.ref}`)
      if (s.wave !== Math.floor(i / CAPACITY) + 1) bad.push(`${s.ref}: wave ${s.wave}`)
      if (i > 0 && (s.dependsOn.length !== 1 || s.dependsOn[0] !== p.systems[i - 1].ref)) bad.push(`${s.ref}: depends on ${s.dependsOn.join(', ')}`)
    }
    expect(bad.slice(0, 5)).toEqual([])
    // The critical path is the whole chain.
    expect(p.criticalPath).toHaveLength(N)
    expect(p.criticalPath[0].systems).toEqual([p.systems[0].ref])
    expect(p.criticalPath.at(-1)!.systems).toEqual([p.systems[N - 1].ref])
  })

  it('a fan-in (all on one hub) plans the hub first and the rest after it', async () => {
    const [department] = gen.fanInEstate(N)
    const p = await planFile('fan-in', department)
    checkCommon(p)
    const hub = p.systems[0]
    expect(hub.ref).toBe(`fan-in/${department.systems[0].id}`)
    expect(hub.wave).toBe(1)
    const bad = p.systems.filter((s, i) => i > 0 && (s.dependsOn.length !== 1 || s.dependsOn[0] !== hub.ref || s.wave === null || s.wave < 1))
    expect(bad.slice(0, 5).map((s) => s.ref)).toEqual([])
    expect(p.criticalPath.map((c) => c.systems[0])[0]).toBe(hub.ref)
    expect(p.criticalPath).toHaveLength(2)
  })
})

describe('100,000 deep on the graph', () => {
  it('a chain whose depth-first search goes 100,000 deep: 100,000 components, dependencies first', () => {
    // Node i depends on i+1: Tarjan from node 0 walks the whole chain before it finishes anything.
    const deps = Array.from({length: N}, (_, i) => (i + 1 < N ? [i + 1] : []))
    const {components, component} = stronglyConnected(deps)
    expect(components).toHaveLength(N)
    let order = 0
    for (let i = 0; i + 1 < N; i++) if (!(component[i + 1] < component[i])) order++
    expect(order, 'components out of dependency order').toBe(0)
    const groups: SchedGroup[] = Array.from({length: N}, (_, c) => {
      const m = components[c][0]
      return {deps: deps[m].map((d) => component[d]), size: 1, effort: 1, priority: [m], skip: false}
    })
    const r = schedule(groups, {systems: CAPACITY})
    expect(r.waves).toBe(N / CAPACITY)
    let early = 0
    for (let i = 0; i + 1 < N; i++) if (r.waveOf[component[i]] < r.waveOf[component[i + 1]]) early++
    expect(early, 'systems scheduled before their dependency').toBe(0)
  })

  it('a ring of 100,000 is one component: one oversized group in one wave', () => {
    const deps = Array.from({length: N}, (_, i) => [(i + 1) % N])
    const {components} = stronglyConnected(deps)
    expect(components).toHaveLength(1)
    expect(components[0]).toHaveLength(N)
    const r = schedule([{deps: [], size: N, effort: N, priority: [0], skip: false}], {systems: CAPACITY})
    expect(r.waves).toBe(1)
    expect(r.oversized).toEqual([0])
  })
})
