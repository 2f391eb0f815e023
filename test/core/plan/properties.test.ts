/**
 * The plan's invariants on generated estates (scripts/lib/generate-estate.js), through the real
 * pipeline: YAML written by the generator, parsed by the loader, validated, assessed and planned.
 * Fixed fast-check seeds: a failure prints its seed and path and reproduces.
 */
import {mkdirSync, mkdtempSync, rmSync, writeFileSync} from 'node:fs'
import {tmpdir} from 'node:os'
import path from 'node:path'

import fc from 'fast-check'
import {afterAll, describe, expect, it} from 'vitest'

import {UsageError} from '../../../src/core/errors.js'
import {runPlan} from '../../../src/core/index.js'
import {stronglyConnected} from '../../../src/core/graph.js'
import {schedule, type SchedGroup} from '../../../src/core/plan/schedule.js'
import {format as csv} from '../../../src/formatters/plan/csv.js'
import {format as json} from '../../../src/formatters/plan/json.js'
import {format as markdown} from '../../../src/formatters/plan/markdown.js'
import {format as table} from '../../../src/formatters/plan/table.js'
import {addEdges, AS_OF, checkPlan, componentsByReachability, gen, type GenDepartment, partitionKey, planDepartments, rng, shuffled} from './helpers.js'

const SEED = 20261127

/** An estate as the generator makes it: 20–400 systems, 1–3 departments, cycles on, any seed. */
const estateArb = fc.record({
  systems: fc.integer({min: 20, max: 400}),
  departments: fc.integer({min: 1, max: 3}),
  seed: fc.integer({min: 1, max: 2 ** 31 - 1}),
})

/** Flags: a capacity in systems or in person-months, a wave length, sometimes a start date. */
const optionsArb = fc.record(
  {
    capacity: fc.integer({min: 1, max: 40}),
    capacityEffort: fc.integer({min: 1, max: 150}),
    byEffort: fc.boolean(),
    waveLengthMonths: fc.integer({min: 1, max: 12}),
    start: fc.constantFrom(undefined, '2027-01-01', '2027-01-31', '2027-02-28', '2028-02-29', '2026-12-15'),
  },
  {requiredKeys: ['capacity', 'capacityEffort', 'byEffort', 'waveLengthMonths']},
).map(({capacity, capacityEffort, byEffort, waveLengthMonths, start}) => ({
  ...(byEffort ? {capacityEffort} : {capacity}),
  waveLengthMonths,
  ...(start === undefined ? {} : {start}),
}))

describe('plan invariants on generated estates', () => {
  it('holds for estates as generated', async () => {
    await fc.assert(
      fc.asyncProperty(estateArb, optionsArb, async (e, options) => {
        const departments = gen.generateEstate({...e, cycles: true})
        const {plan} = await planDepartments(departments, options)
        checkPlan(plan, departments, options)
      }),
      {seed: SEED, numRuns: 60},
    )
  })

  it('holds with random extra dependencies: cycles of any shape, across departments, and external ones', async () => {
    await fc.assert(
      fc.asyncProperty(
        estateArb.map((e) => ({...e, systems: Math.min(e.systems, 160)})),
        optionsArb,
        fc.integer({min: 1, max: 120}),
        fc.integer({min: 0, max: 4}),
        async (e, options, extra, external) => {
          const departments = addEdges(gen.generateEstate({...e, cycles: true}), extra, external, e.seed)
          const {plan} = await planDepartments(departments, options)
          checkPlan(plan, departments, options)
        },
      ),
      {seed: SEED + 1, numRuns: 60},
    )
  })

  it('puts every system of one big cycle in one wave, over the capacity, with a warning', async () => {
    const [dept] = gen.generateEstate({systems: 30, seed: 7, cycles: false})
    // A ring through all 30: each depends on the next.
    dept.systems.forEach((s, i) => (s.dependencies = [dept.systems[(i + 1) % 30].id]))
    // No retirement: a system the plan retires would break the ring (its retirement waits for its dependant instead).
    for (const s of dept.systems) s.migration = {status: 'not-started', strategy: 'replatform'}
    const options = {capacity: 4}
    const {plan} = await planDepartments([dept], options)
    checkPlan(plan, [dept], options)
    expect(plan.moveGroups).toHaveLength(1)
    const movers = plan.systems.filter((s) => s.status === 'planned').length
    // One start for all: the group's longest move sets how many waves it runs through.
    const months = Math.max(...plan.systems.filter((s) => s.status === 'planned').map((s) => s.months!))
    expect(plan.waves).toHaveLength(Math.ceil(months / 3))
    expect(plan.waves[0].systems).toHaveLength(movers)
    expect(plan.moveGroups[0].oversized).toBe(movers > 4)
  })

  it('refuses a start that is no calendar date or before asOf, and a plan that would end after the year 9999', async () => {
    const [dept] = gen.chainEstate(2000)
    // 2000 waves of 60 months from 2027: dates of five digits, which used to come out garbled (completion 2701-11-29).
    await expect(planDepartments([dept], {capacity: 1, waveLengthMonths: 60})).rejects.toThrow(UsageError)
    await expect(planDepartments([dept], {capacity: 1, waveLengthMonths: 60})).rejects.toThrow(/after the year 9999/)
    // 2027-13-01 used to roll over into 2028-01-01 while `start` still said 2027-13-01.
    for (const start of ['2027-13-01', '2027-02-30', '2027-1-01']) await expect(planDepartments([dept], {start}), start).rejects.toThrow(UsageError)
    // A start before asOf put waves in the past: systems that have not moved counted as done, a late estate called on time.
    await expect(planDepartments([dept], {start: '2020-01-01'})).rejects.toThrow(/before the day it is made \(2026-11-27\)/)
    expect((await planDepartments(gen.chainEstate(5), {start: AS_OF})).plan.waves[0].start).toBe(AS_OF)
    // Up to the last years of four digits is fine.
    const {plan} = await planDepartments(gen.chainEstate(39), {capacity: 1, waveLengthMonths: 60, start: '9800-01-01'})
    expect(plan.completion).toBe('9994-12-31')
  })

  it('plans an estate with nothing left to move: no waves, completion at asOf', async () => {
    const [dept] = gen.generateEstate({systems: 25, seed: 3})
    for (const s of dept.systems) s.migration = {status: 'migrated', strategy: 'rehost'}
    const {plan} = await planDepartments([dept])
    checkPlan(plan, [dept], {})
    expect(plan.waves).toEqual([])
    expect(plan.summary.toMove).toBe(0)
    expect(plan.criticalPath).toEqual([])
  })
})

// ---------------------------------------------------------------------------------------------
// Same input in another order: the same bytes

describe('order of files and of systems', () => {
  const roots: string[] = []
  afterAll(() => {
    for (const r of roots) rmSync(r, {recursive: true, force: true})
  })

  /** Writes one file per department into a fresh folder; returns the folder. */
  function write(departments: GenDepartment[]): string {
    const dir = mkdtempSync(path.join(tmpdir(), 'cloudready-plan-order-'))
    roots.push(dir)
    mkdirSync(dir, {recursive: true})
    for (const d of departments) writeFileSync(path.join(dir, `${d.id}.yaml`), gen.toYamlBuffer(gen.toInventory(d)))
    return dir
  }

  async function outputs(dir: string, files: string[], options: {capacity?: number; capacityEffort?: number}) {
    const {planReport, diagnostics} = await runPlan({paths: files, cwd: dir, config: false, asOf: AS_OF, version: '0.0.0-test', ...options})
    expect(diagnostics.filter((d) => d.severity === 'error')).toEqual([])
    const ctx = {color: false, version: '0.0.0-test'}
    return {report: planReport, json: json(planReport, ctx), csv: csv(planReport, ctx), markdown: markdown(planReport, ctx), table: table(planReport, ctx)}
  }

  it('shuffling files, systems within files and dependency lists changes no byte, source lines and the files list aside', async () => {
    await fc.assert(
      fc.asyncProperty(
        estateArb.map((e) => ({...e, systems: Math.min(e.systems, 200)})),
        fc.boolean(),
        fc.integer({min: 1, max: 12}),
        async (e, byEffort, capacity) => {
          const departments = gen.generateEstate({...e, cycles: true})
          const next = rng(e.seed ^ 0x5eed)
          const mixed = departments.map((d) => ({
            ...d,
            systems: shuffled(d.systems, next).map((s) => (s.dependencies ? {...s, dependencies: shuffled(s.dependencies, next)} : s)),
          }))
          const files = departments.map((d) => `${d.id}.yaml`)
          const options = byEffort ? {capacityEffort: capacity * 5} : {capacity}
          const a = await outputs(write(departments), files, options)
          const b = await outputs(write(mixed), shuffled(files, next), options)
          // Human and spreadsheet formats carry no source positions: byte for byte the same.
          expect(b.csv).toBe(a.csv)
          expect(b.markdown).toBe(a.markdown)
          expect(b.table).toBe(a.table)
          // JSON: the same bytes once each system's source line (which moved with it) is set aside,
          // and `files` (the inputs in the order given on the command line) compared as a set.
          expect([...b.report.files].sort()).toEqual([...a.report.files].sort())
          const normalise = (text: string) => {
            const data = JSON.parse(text) as {files: string[]; systems: Array<{line: number}>}
            data.files.sort()
            for (const s of data.systems) s.line = 0
            return JSON.stringify(data, null, 2)
          }
          expect(normalise(b.json)).toBe(normalise(a.json))
          if (b.report.files.join() === a.report.files.join()) expect(b.json.replace(/"line": \d+/g, '')).toBe(a.json.replace(/"line": \d+/g, ''))
        },
      ),
      {seed: SEED + 2, numRuns: 30},
    )
  })

  it('the same files given in another order give the same bytes, the files listed sorted', async () => {
    const departments = gen.generateEstate({systems: 120, departments: 3, seed: 11})
    const dir = write(departments)
    const files = departments.map((d) => `${d.id}.yaml`)
    const a = await outputs(dir, files, {capacity: 6})
    const b = await outputs(dir, [...files].reverse(), {capacity: 6})
    expect(b.json).toBe(a.json)
    expect(b.report.files).toEqual([...files].sort())
    // A folder is read in name order whatever the order on disk: byte-identical.
    const c = await outputs(dir, ['.'], {capacity: 6})
    const d = await outputs(dir, ['.'], {capacity: 6})
    expect(d.json).toBe(c.json)
  })
})

// ---------------------------------------------------------------------------------------------
// The building blocks on their own, on graphs no generator makes

/** A random directed graph of up to `max` nodes, as sorted adjacency lists without self-loops. */
const graphArb = (max: number) =>
  fc.integer({min: 1, max}).chain((n) =>
    fc
      .array(fc.tuple(fc.nat(n - 1), fc.nat(n - 1)), {maxLength: n * 3})
      .map((edges) => {
        const deps = Array.from({length: n}, () => new Set<number>())
        for (const [a, b] of edges) if (a !== b) deps[a].add(b)
        return deps.map((s) => [...s].sort((a, b) => a - b))
      }),
  )

describe('stronglyConnected (iterative Tarjan)', () => {
  it('finds the components mutual reachability finds, each after the components it depends on', () => {
    fc.assert(
      fc.property(graphArb(40), (deps) => {
        const {components, component} = stronglyConnected(deps)
        expect(partitionKey(components)).toEqual(partitionKey(componentsByReachability(deps.length, deps)))
        components.forEach((members, c) => {
          expect(members).toEqual([...members].sort((a, b) => a - b))
          for (const m of members) expect(component[m]).toBe(c)
          for (const m of members) for (const d of deps[m]) expect(component[d] <= c, `component ${c} comes after ${component[d]}, which it depends on`).toBe(true)
        })
      }),
      {seed: SEED + 3, numRuns: 300},
    )
  })
})

describe('schedule (wave packing)', () => {
  /** Groups in dependency order (a group depends on earlier ones only), as the planner gives them. */
  const groupsArb = fc.integer({min: 1, max: 40}).chain((n) =>
    fc.tuple(
      fc.array(
        fc.record({
          deps: fc.uniqueArray(fc.nat(), {maxLength: 4}),
          size: fc.integer({min: 1, max: 8}),
          effort: fc.integer({min: 0, max: 400}).map((x) => x / 10),
          priority: fc.tuple(fc.nat(2), fc.nat(3)),
        }),
        {minLength: n, maxLength: n},
      ),
      fc.array(fc.boolean(), {minLength: n, maxLength: n}),
    ),
  )

  it('places every group that moves, after its dependencies, within capacity unless alone and oversized', () => {
    fc.assert(
      fc.property(groupsArb, fc.integer({min: 1, max: 12}), fc.boolean(), ([raw, skips], cap, byEffort) => {
        const groups: SchedGroup[] = raw.map((g, i) => ({
          deps: i === 0 ? [] : [...new Set(g.deps.map((d) => d % i))].sort((a, b) => a - b),
          size: g.size,
          effort: g.effort,
          priority: g.priority,
          skip: skips[i] && i % 3 === 0,
        }))
        const capacity = byEffort ? {effort: cap * 3} : {systems: cap}
        const r = schedule(groups, capacity)
        const load = new Map<number, {size: number; effort: number; members: number[]}>()
        groups.forEach((g, i) => {
          if (g.skip) return expect(r.waveOf[i]).toBe(0)
          const w = r.waveOf[i]
          expect(w >= 1 && w <= r.waves).toBe(true)
          for (const d of g.deps) if (!groups[d].skip) expect(w >= r.waveOf[d], `group ${i} after its dependency ${d}`).toBe(true)
          const l = load.get(w) ?? {size: 0, effort: 0, members: []}
          l.size += g.size
          l.effort += g.effort
          l.members.push(i)
          load.set(w, l)
        })
        expect(load.size, 'no empty wave').toBe(r.waves)
        for (const [w, l] of load) {
          const over = byEffort ? l.effort > capacity.effort! + 1e-9 : l.size > capacity.systems!
          if (over) {
            expect(l.members, `wave ${w} is over capacity: one group alone`).toHaveLength(1)
            expect(r.oversized).toContain(l.members[0])
          } else {
            for (const m of l.members) expect(r.oversized).not.toContain(m)
          }
        }
      }),
      {seed: SEED + 4, numRuns: 300},
    )
  })

  it('starts independent groups in priority order, skipped groups (which carry no priority) among them or not', () => {
    fc.assert(
      fc.property(fc.array(fc.tuple(fc.nat(5), fc.nat(50)), {minLength: 1, maxLength: 300}), fc.array(fc.boolean(), {minLength: 300, maxLength: 300}), (priorities, skips) => {
        const groups: SchedGroup[] = priorities.map((p, i) => ({deps: [], size: 1, effort: 1, priority: skips[i] ? [] : p, skip: skips[i]}))
        const r = schedule(groups, {systems: 1})
        const moving = groups.map((_, i) => i).filter((i) => !skips[i])
        const byWave = [...moving].sort((a, b) => r.waveOf[a] - r.waveOf[b])
        const byPriority = [...moving].sort((a, b) => priorities[a][0] - priorities[b][0] || priorities[a][1] - priorities[b][1] || a - b)
        expect(byWave).toEqual(byPriority)
      }),
      {seed: SEED + 5, numRuns: 200},
    )
  })
})
