/**
 * Shared by the planner's property and scale tests: the estate generator (plain JS, imported by URL),
 * the real in-process pipeline (parse → validate → assess → plan), an independent strongly connected
 * components reference, and one checker for every invariant a plan must keep.
 */
import type {Buffer} from 'node:buffer'

import {expect} from 'vitest'

import {assess, type Assessment} from '../../../src/core/assess/index.js'
import {activeRules, EMPTY_CONFIG} from '../../../src/core/config/index.js'
import {defaultLifecycle} from '../../../src/core/lifecycle/index.js'
import {parseBuffer} from '../../../src/core/load/index.js'
import type {Estate} from '../../../src/core/model/types.js'
import {MIN_MONTHS, type Plan, plan, type PlanOptions} from '../../../src/core/plan/index.js'
import {hasErrors, validateDocuments} from '../../../src/core/validate/index.js'

// ---------------------------------------------------------------------------------------------
// The generator (scripts/lib/generate-estate.js)

export interface GenSystem {
  id: string
  name: string
  criticality: string
  hosting: string
  dependencies?: string[]
  migration?: {status?: string; strategy?: string; target_date?: string}
  [key: string]: unknown
}

export interface GenDepartment {
  id: string
  name: string
  systems: GenSystem[]
}

export interface Generator {
  generateEstate(options: {systems: number; departments?: number; seed?: number; cycles?: boolean; crossDepartment?: boolean}): GenDepartment[]
  chainEstate(n: number): GenDepartment[]
  fanInEstate(n: number): GenDepartment[]
  splitEstate(estate: GenDepartment[], parts: number): GenDepartment[]
  toInventory(department: GenDepartment): object
  toYaml(value: object): string
  toYamlBuffer(value: object): Buffer
}

// Plain JavaScript that runs without a build: imported by URL so TypeScript does not ask for its types.
const generatorUrl = new URL('../../../scripts/lib/generate-estate.js', import.meta.url).href
export const gen = (await import(generatorUrl)) as Generator

// ---------------------------------------------------------------------------------------------
// The real pipeline, in process

export const AS_OF = '2026-11-27'
export const DEADLINE = '2023-12-31'

const rules = await activeRules(EMPTY_CONFIG)
const lifecycle = defaultLifecycle()

export interface Planned {
  estate: Estate
  assessment: Assessment
  plan: Plan
}

/** Writes each department as YAML, then loads, validates, assesses and plans them as the CLI does. */
export async function planDepartments(departments: GenDepartment[], options: PlanOptions = {}, asOf = AS_OF): Promise<Planned> {
  const documents = departments.map((d) => {
    const parsed = parseBuffer(`${d.id}.yaml`, gen.toYamlBuffer(gen.toInventory(d)))
    expect(parsed.diagnostics, `${d.id}.yaml parses`).toEqual([])
    return parsed.document!
  })
  const {estate, diagnostics} = await validateDocuments(documents)
  expect(hasErrors(diagnostics), JSON.stringify(diagnostics.filter((d) => d.severity === 'error').slice(0, 3))).toBe(false)
  const assessment = assess(estate, {asOf, deadline: DEADLINE, lifecycle, rules})
  return {estate, assessment, plan: plan(estate, assessment, options)}
}

// ---------------------------------------------------------------------------------------------
// Small deterministic helpers

/** mulberry32, for the shuffles and extra edges a test derives from its seed. */
export function rng(seed: number): () => number {
  let a = seed | 0
  return () => {
    a = (a + 0x6d2b79f5) | 0
    let t = Math.imul(a ^ (a >>> 15), 1 | a)
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296
  }
}

export function shuffled<T>(items: readonly T[], next: () => number): T[] {
  const out = items.slice()
  for (let i = out.length - 1; i > 0; i--) {
    const j = Math.floor(next() * (i + 1))
    ;[out[i], out[j]] = [out[j], out[i]]
  }
  return out
}

/**
 * Adds `count` random dependencies between any two systems of the estate (cycles of any size and
 * shape, across departments too) and `external` ones on a department that is not loaded.
 */
export function addEdges(departments: GenDepartment[], count: number, external: number, seed: number): GenDepartment[] {
  const next = rng(seed)
  const copy = departments.map((d) => ({...d, systems: d.systems.map((s) => ({...s, ...(s.dependencies ? {dependencies: [...s.dependencies]} : {})}))}))
  const all = copy.flatMap((d) => d.systems.map((s) => ({d, s})))
  if (all.length < 2) return copy
  const pick = () => all[Math.floor(next() * all.length)]
  for (let k = 0; k < count + external; k++) {
    const from = pick()
    const to = pick()
    let ref: string
    if (k >= count) ref = `not-loaded/sys-${Math.floor(next() * 5) + 1}`
    else if (from.s === to.s) continue
    else ref = to.d === from.d && next() < 0.5 ? to.s.id : `${to.d.id}/${to.s.id}`
    const deps = (from.s.dependencies ??= [])
    const full = (r: string) => (r.includes('/') ? r : `${from.d.id}/${r}`)
    if (deps.some((r) => full(r) === full(ref))) continue
    deps.push(ref)
  }
  return copy
}

// ---------------------------------------------------------------------------------------------
// Dates, computed independently of src/core/dates.ts

const DAY = 86_400_000
const toDay = (date: string) => Date.UTC(Number(date.slice(0, 4)), Number(date.slice(5, 7)) - 1, Number(date.slice(8, 10))) / DAY
export const dayAfter = (date: string) => new Date((toDay(date) + 1) * DAY).toISOString().slice(0, 10)
export const daysFrom = (a: string, b: string) => Math.round(toDay(b) - toDay(a))

// ---------------------------------------------------------------------------------------------
// Strongly connected components, the slow obvious way: mutual reachability

/** The partition of nodes into strongly connected components, by breadth-first reachability from every node. */
export function componentsByReachability(n: number, deps: number[][]): number[][] {
  const reach: Uint8Array[] = []
  for (let s = 0; s < n; s++) {
    const seen = new Uint8Array(n)
    seen[s] = 1
    const queue = [s]
    while (queue.length) {
      for (const w of deps[queue.pop()!]) {
        if (seen[w]) continue
        seen[w] = 1
        queue.push(w)
      }
    }
    reach.push(seen)
  }
  const done = new Uint8Array(n)
  const out: number[][] = []
  for (let v = 0; v < n; v++) {
    if (done[v]) continue
    const members: number[] = []
    for (let w = v; w < n; w++) {
      if (!reach[v][w] || !reach[w][v]) continue
      members.push(w)
      done[w] = 1
    }
    out.push(members)
  }
  return out
}

/** A partition as sorted keys, for comparing two partitions whatever their order. */
export function partitionKey(groups: readonly (readonly (string | number)[])[]): string[] {
  return groups.map((g) => [...g].map(String).sort().join(' ')).sort()
}

// ---------------------------------------------------------------------------------------------
// The invariants

const round1 = (x: number) => Math.round(x * 10) / 10
const midpoint = (e: {low: number; high: number}) => (e.low + e.high) / 2

/** The raw dependency graph of the generated departments, resolved here rather than by src/core/graph.ts. */
export function rawGraph(departments: GenDepartment[]): {refs: string[]; deps: Map<string, string[]>; external: Map<string, string[]>} {
  const refs = departments.flatMap((d) => d.systems.map((s) => `${d.id}/${s.id}`))
  const known = new Set(refs)
  const deps = new Map<string, string[]>()
  const external = new Map<string, string[]>()
  for (const d of departments) {
    for (const s of d.systems) {
      const ref = `${d.id}/${s.id}`
      const full = (s.dependencies ?? []).map((r) => (r.includes('/') ? r : `${d.id}/${r}`))
      deps.set(ref, [...new Set(full.filter((r) => known.has(r)))])
      external.set(ref, full.filter((r) => !known.has(r)))
    }
  }
  return {refs, deps, external}
}

/**
 * Every invariant of a plan, checked against the generated input (not against the planner's own
 * graph): coverage, statuses, dependency order, move groups = strongly connected components,
 * capacity, dates, effort, summary, progress, critical path and external constraints.
 */
export function checkPlan(p: Plan, departments: GenDepartment[], options: PlanOptions, asOf = AS_OF): void {
  const {refs, deps, external} = rawGraph(departments)
  const input = new Map<string, GenSystem>(departments.flatMap((d) => d.systems.map((s): [string, GenSystem] => [`${d.id}/${s.id}`, s])))

  // Every system exactly once, in code-unit order of ref.
  const seen = p.systems.map((s) => s.ref)
  expect(seen, 'systems[] is every system once, sorted by ref').toEqual([...refs].sort((a, b) => (a < b ? -1 : a > b ? 1 : 0)))
  const sys = new Map(p.systems.map((s) => [s.ref, s]))

  // Status: done from the inventory, retained = retain strategy; only planned systems have a wave.
  for (const s of p.systems) {
    const status = input.get(s.ref)!.migration?.status
    const done = status === 'migrated' || status === 'retired'
    expect(s.status, `${s.ref} status`).toBe(done ? 'done' : s.strategy === 'retain' ? 'retained' : 'planned')
    if (s.status === 'planned') expect(Number.isInteger(s.wave) && s.wave! >= 1 && s.wave! <= p.waves.length, `${s.ref} has a wave`).toBe(true)
    else expect(s.wave, `${s.ref} (${s.status}) has no wave`).toBeNull()
    if (s.status === 'done') expect([s.effort.low, s.effort.high], `${s.ref} done: no effort`).toEqual([0, 0])
    expect(s.reasons.length, `${s.ref} has reasons`).toBeGreaterThan(0)
  }

  // Each planned system starts in exactly one wave, the one it names; waves hold nothing else. A
  // wave no move starts in is one a longer move runs through.
  const waveOf = new Map<string, number>()
  const running = (w: {start: string; end: string}) => p.systems.filter((s) => s.start !== null && s.start <= w.start && s.end! >= w.end)
  p.waves.forEach((w, k) => {
    expect(w.number).toBe(k + 1)
    expect(w.systems.length + running(w).length, `wave ${w.number} is not empty`).toBeGreaterThan(0)
    for (const r of w.systems) {
      expect(waveOf.has(r), `${r} in one wave only`).toBe(false)
      waveOf.set(r, w.number)
      expect(sys.get(r)?.wave, `${r} is in the wave it names`).toBe(w.number)
    }
  })
  expect(waveOf.size).toBe(p.systems.filter((s) => s.status === 'planned').length)

  // The links that order moves: every link (all tight here), except that a link to a system being
  // retired turns round: the retirement waits for the systems that depend on it (README "Planning").
  const retiring = (r: string) => sys.get(r)!.status === 'planned' && sys.get(r)!.strategy === 'retire'
  const order = new Map<string, string[]>(refs.map((r) => [r, []]))
  for (const r of refs) {
    for (const d of deps.get(r)!) {
      if (!retiring(d)) order.get(r)!.push(d)
      else if (d !== r && sys.get(r)!.status === 'planned') order.get(d)!.push(r)
      else if (d !== r && sys.get(r)!.status === 'retained') expect(p.warnings, `a warning: ${d} retired while ${r}, retained, depends on it`).toContain(`${d} is retired while ${r}, which is retained, still depends on it: repoint ${r} before the retirement`)
    }
  }

  // Move groups are exactly the strongly connected components of those links, recomputed by reachability.
  const index = new Map(refs.map((r, i) => [r, i]))
  const scc = componentsByReachability(
    refs.length,
    refs.map((r) => order.get(r)!.map((d) => index.get(d)!)),
  ).map((g) => g.map((i) => refs[i]))
  expect(partitionKey(p.moveGroups.map((g) => g.systems)), 'move groups = strongly connected components').toEqual(partitionKey(scc))
  const groupOf = new Map<string, string>()
  const groups = new Map(p.moveGroups.map((g) => [g.id, g]))
  p.moveGroups.forEach((g, k) => {
    expect(g.id).toBe(`mg-${String(k + 1).padStart(Math.max(3, String(p.moveGroups.length).length), '0')}`)
    for (const r of g.systems) groupOf.set(r, g.id)
    // Never split: every planned member in the group's wave; a group with none has no wave.
    const movers = g.systems.filter((r) => sys.get(r)!.status === 'planned')
    expect(g.wave, `${g.id} wave`).toBe(movers.length ? sys.get(movers[0])!.wave : null)
    for (const r of movers) expect(sys.get(r)!.wave, `${g.id} is not split across waves`).toBe(g.wave)
    // Its dependencies: the groups of its members' dependencies outside it, numbered before it (dependency order).
    const outside = new Set(g.systems.flatMap((r) => order.get(r)!.map((d) => groupOf.get(d) ?? '?')).filter((x) => x !== g.id))
    for (const d of g.dependsOn) expect(d < g.id, `${g.id} depends on ${d}, numbered before it`).toBe(true)
    expect(new Set(g.dependsOn), `${g.id} dependsOn`).toEqual(outside)
  })
  for (const s of p.systems) expect(s.moveGroup, `${s.ref} move group`).toBe(groupOf.get(s.ref))
  for (const w of p.waves) expect(new Set(w.moveGroups), `wave ${w.number} groups`).toEqual(new Set(w.systems.map((r) => groupOf.get(r)!)))

  // Moves take time: each runs from its wave's first day for at least its strategy's minimum (README "Planning").
  const endWave = (s: {end: string | null}) => p.waves.findIndex((w) => w.end === s.end) + 1
  for (const s of p.systems) {
    if (s.wave === null) {
      expect([s.start, s.end, s.months], `${s.ref} does not move`).toEqual([null, null, null])
      continue
    }
    expect(s.start, `${s.ref} starts with its wave`).toBe(p.waves[s.wave - 1].start)
    expect(endWave(s), `${s.ref} ends with a wave`).toBeGreaterThanOrEqual(s.wave)
    expect(s.months!, `${s.ref} months`).toBeGreaterThanOrEqual(MIN_MONTHS[s.strategy as keyof typeof MIN_MONTHS])
    expect(daysFrom(s.start!, s.end!) + 1, `${s.ref} runs at least its minimum`).toBeGreaterThanOrEqual(MIN_MONTHS[s.strategy as keyof typeof MIN_MONTHS] * 28)
  }

  // Dependency order (every link tight by default): never starting before the last wave of a dependency outside the group.
  for (const s of p.systems) {
    expect(s.dependsOn, `${s.ref} dependsOn`).toEqual([...deps.get(s.ref)!].sort())
    if (s.wave === null) continue
    for (const d of deps.get(s.ref)!) {
      const t = sys.get(d)!
      if (t.wave === null || t.moveGroup === s.moveGroup) continue
      if (retiring(d)) {
        // Retired only after every dependant has moved: the retirement starts in its last wave at the soonest and ends no earlier.
        expect(t.wave >= endWave(s) && t.end! >= s.end!, `${d} (retired, waves ${t.wave}–${endWave(t)}) not before its dependant ${s.ref} (waves ${s.wave}–${endWave(s)}) has moved`).toBe(true)
        continue
      }
      expect(s.wave >= endWave(t), `${s.ref} (wave ${s.wave}) starts once its dependency ${d} (waves ${t.wave}–${endWave(t)}) is in its last wave`).toBe(true)
    }
  }

  // The pilot wave holds only pilot systems (ready, low criticality) and moves already under way; or there is none, and the plan says why.
  const underWay = (r: string) => input.get(r)!.migration?.status === 'in-progress'
  if (p.pilot.wave === 1) {
    expect(p.pilot.systems.length, 'a pilot wave holds systems').toBeGreaterThan(0)
    for (const r of p.pilot.systems) expect([sys.get(r)!.readiness, sys.get(r)!.criticality, sys.get(r)!.wave], `${r} in the pilot`).toEqual(['ready', 'low', 1])
    const pilotGroups = new Set(p.pilot.systems.map((r) => groupOf.get(r)))
    for (const r of p.waves[0].systems) {
      const group = groups.get(groupOf.get(r)!)!
      expect(pilotGroups.has(group.id) || group.systems.some(underWay), `${r} starts in the pilot wave: a pilot system or a move under way`).toBe(true)
    }
  } else {
    expect(p.pilot, 'no pilot wave').toMatchObject({wave: null, systems: []})
    expect(p.pilot.reason.length).toBeGreaterThan(0)
  }

  // The range holds the plan's own date; every declared target date is kept or its slip reported.
  expect(p.completionRange.early <= p.completion && p.completion <= p.completionRange.late, `${p.completionRange.early} ≤ ${p.completion} ≤ ${p.completionRange.late}`).toBe(true)
  for (const s of p.systems) {
    const target = (input.get(s.ref)!.migration as {target_date?: string} | undefined)?.target_date
    if (s.end === null || !target) expect(s.slipDays, `${s.ref} slip`).toBeNull()
    else expect(s.slipDays, `${s.ref} slip against ${target}`).toBe(Math.max(0, daysFrom(target, s.end)))
  }
  expect(p.summary.slips.systems).toBe(p.systems.filter((s) => (s.slipDays ?? 0) > 0).length)

  // Capacity, except a wave holding one oversized group, which comes with a warning.
  const cap = p.capacity
  if (options.capacityEffort !== undefined) expect(cap).toEqual({effort: options.capacityEffort})
  else expect(cap).toEqual({systems: options.capacity ?? 10})
  // A move uses capacity in every wave it runs in; a group's effort is spread over its waves.
  for (const w of p.waves) {
    const here = running(w)
    const groupsHere = [...new Set(here.map((s) => s.moveGroup))]
    const spanOf = (id: string) => {
      const member = p.systems.find((s) => s.moveGroup === id && s.start !== null)!
      return endWave(member) - member.wave! + 1
    }
    const load = cap.systems !== undefined ? here.length : here.reduce((sum, s) => sum + midpoint(s.effort) / spanOf(s.moveGroup), 0)
    const limit = cap.systems ?? cap.effort!
    if (load > limit + 1e-9) {
      expect(groupsHere, `wave ${w.number} over capacity (${load} > ${limit}) runs a single group`).toHaveLength(1)
      expect(groups.get(groupsHere[0])!.oversized, `wave ${w.number}: its group is flagged oversized`).toBe(true)
      expect(p.warnings.some((x) => x.startsWith(`move group ${groupsHere[0]} `) && x.includes('exceeds the capacity')), `a warning for ${groupsHere[0]}`).toBe(true)
    }
  }
  for (const g of p.moveGroups) if (g.oversized) expect(g.wave, `${g.id} oversized but not scheduled`).not.toBeNull()
  expect(p.warnings.filter((x) => x.includes('exceeds the capacity')).length).toBe(p.moveGroups.filter((g) => g.oversized).length)

  // Dates: contiguous waves from start, completion the last wave's end, lateness consistent.
  const start = options.start ?? p.start
  expect(p.start).toBe(start)
  p.waves.forEach((w, k) => {
    expect(w.start <= w.end, `wave ${w.number} starts before it ends`).toBe(true)
    expect(w.start, `wave ${w.number} start`).toBe(k === 0 ? start : dayAfter(p.waves[k - 1].end))
  })
  expect(p.completion).toBe(p.waves.length ? p.waves.at(-1)!.end : asOf)
  // With nothing left to move there is no completion to be late by (migration dates are not recorded).
  expect(p.daysPastDeadline).toBe(p.waves.length === 0 ? 0 : Math.max(0, daysFrom(p.deadline, p.completion)))

  // Effort: ranges well formed; a wave's effort is the sum of its systems'.
  for (const s of p.systems) {
    expect(s.effort.low >= 0 && s.effort.low <= s.effort.high, `${s.ref} effort ${s.effort.low}–${s.effort.high}`).toBe(true)
    expect(s.effort.unit).toBe('person-months')
  }
  for (const w of p.waves) {
    expect(w.effort.low, `wave ${w.number} effort low`).toBeCloseTo(round1(w.systems.reduce((sum, r) => sum + sys.get(r)!.effort.low, 0)), 6)
    expect(w.effort.high, `wave ${w.number} effort high`).toBeCloseTo(round1(w.systems.reduce((sum, r) => sum + sys.get(r)!.effort.high, 0)), 6)
    expect(w.effort.low <= w.effort.high).toBe(true)
  }
  // The effort to move: systems in a wave only (retained and done ones have none ahead).
  const moving = p.systems.filter((s) => s.wave !== null)
  expect(p.summary.effort.low).toBeCloseTo(round1(moving.reduce((sum, s) => sum + s.effort.low, 0)), 6)
  expect(p.summary.effort.high).toBeCloseTo(round1(moving.reduce((sum, s) => sum + s.effort.high, 0)), 6)

  // Summary counts.
  const count = (status: string) => p.systems.filter((s) => s.status === status).length
  expect(p.summary).toMatchObject({systems: refs.length, toMove: count('planned'), done: count('done'), retained: count('retained'), waves: p.waves.length})
  expect(Object.values(p.summary.byStrategy).reduce((a, b) => a + b, 0)).toBe(refs.length)

  // Progress: in date order, never going backwards, everything that moves done at completion.
  for (let k = 1; k < p.progress.length; k++) {
    expect(p.progress[k - 1].date <= p.progress[k].date).toBe(true)
    expect(p.progress[k - 1].systemsDone <= p.progress[k].systemsDone).toBe(true)
  }
  expect(p.progress.find((x) => x.label === 'completion')!.systemsDone).toBe(count('planned') + count('done'))

  // Critical path: the longest chain of dependent moves, as long in waves as the constraint says, and no longer than the plan.
  const path = p.criticalPath
  if (count('planned') === 0) expect(path).toEqual([])
  else expect(p.constraint.longestChain).toBeLessThanOrEqual(p.waves.length)
  for (let k = 1; k < path.length; k++) {
    expect(groups.get(path[k].moveGroup)!.dependsOn, 'each step of the critical path depends on the one before').toContain(path[k - 1].moveGroup)
    expect(path[k - 1].wave <= path[k].wave).toBe(true)
  }

  // External constraints: the dependencies on departments that were not loaded.
  const expected = [...external].flatMap(([ref, list]) => list.map((d) => `${ref} -> ${d}`)).sort()
  expect(p.externalConstraints.map((e) => `${e.ref} -> ${e.dependsOn}`).sort()).toEqual(expected)
}
