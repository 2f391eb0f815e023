/**
 * `cloudready compare` end to end, through the built CLI. Each mode's numbers are recomputed here,
 * independently, from what `plan --format json` and `audit --format json` print for the same
 * inputs — never by calling the comparison's own code — and every JSON output is checked against
 * schemas/compare.schema.json.
 */
import {cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync} from 'node:fs'
import {tmpdir} from 'node:os'
import path from 'node:path'

import type * as AjvModule from 'ajv'
import Ajv2020Module from 'ajv/dist/2020.js'
import addFormatsModule from 'ajv-formats'
import {afterAll, beforeAll, describe, expect, it} from 'vitest'

import {cliInProcess, ROOT, type RunResult, STACK_TRACE} from '../helpers/cli.js'

const AS_OF = '2026-11-27'

type AjvInstance = AjvModule.default
const Ajv2020 = ((Ajv2020Module as unknown as {default?: unknown}).default ?? Ajv2020Module) as unknown as new (options: object) => AjvInstance
const addFormats = ((addFormatsModule as unknown as {default?: unknown}).default ?? addFormatsModule) as unknown as (ajv: AjvInstance, formats: string[]) => void

// ----- The shapes this test reads (written out here, not imported: the test must not trust the code). -----

interface PlanJson {
  asOf: string
  deadline: string
  start: string
  completion: string
  daysPastDeadline: number
  waveLengthMonths: number
  capacity: {systems?: number; effort?: number}
  summary: {systems: number; waves: number; shareDoneByDeadline: number}
  waves: Array<{number: number; start: string; end: string; systems: string[]}>
  systems: Array<{ref: string; department: string; name: string; readiness: string; status: string; strategy: string; wave: number | null; moveGroup: string; effort: {low: number; high: number}; annualRunGbp: number | null; completed: string | null; end: string | null}>
  audit: {summary: {bySeverity: Record<string, number>; annualRunGbp: number; annualRunGbpAtRisk: number}; departments: Array<{id: string; name: string; summary: {systems: number; byReadiness: Record<string, number>; bySeverity: Record<string, number>; shareReady: number; annualRunGbpAtRisk: number}}>}
}

interface AuditJson {
  failOn: string
  systems: Array<{ref: string; department: string; readiness: string; pastEndOfSupport: boolean; migrationStatus: string; annualRunGbp: number | null; confidence: number; retainedBy: string | null; hosting: string; findings: Array<{rule: string; severity: string; pointer: string; message: string}>}>
}

interface Column {
  label: string
  kind: string
  inputs: string[]
  department: {id: string; name: string} | null
  scenario: string | null
  asOf: string
  deadline: string
  capacity: {systems?: number; effort?: number}
  waveLengthMonths: number
  systems: number
  toMove: number
  done: number
  retained: number
  byReadiness: Record<string, number>
  shareReady: number
  findings: number
  bySeverity: Record<string, number>
  byStrategy: Record<string, number>
  waves: number
  lastWave: number | null
  effort: {low: number; high: number}
  completion: string
  daysPastDeadline: number
  shareDoneByDeadline: number
  annualRunGbp: number
  annualRunGbpAtRisk: number
  pastEndOfSupport: number
  shareDone: number
  readyToMove: {count: number; share: number}
  unsupportedRunCost: {gbp: number; noCostRecorded: number} | null
  confidence: number | null
}

interface LeagueRow {
  rank: number
  tied: boolean
  department: {id: string; name: string}
  systems: number
  shareDoneByDeadline: number
  shareDone: number
  completion: string
  daysPastDeadline: number
  readyToMove: {count: number; share: number}
  unsupportedRunCost: {gbp: number; noCostRecorded: number} | null
  confidence: number | null
}

interface FindingChange {
  rule: string
  severity: string
  was: string | null
  pointer: string
}

interface CompareJson {
  tool: {name: string; version: string}
  mode: string
  asOf: string | null
  columns: Column[]
  diff: null | {
    completion: {base: string; head: string; days: number}
    findingsCompared: boolean
    counts: Record<string, number>
    systems: Array<{ref: string; change: string; readiness: 'up' | 'down' | null; strategyChanged: boolean; waveMoved: boolean; newFindings: FindingChange[]; resolvedFindings: FindingChange[]; worseFindings: FindingChange[]}>
    regression: boolean
    regressions: string[]
  }
  league: null | {order: string; baseline: string | null; rows: LeagueRow[]}
  notes: string[]
}

type Change = NonNullable<CompareJson['diff']>['systems'][number]

// ----- Independent arithmetic -----

function days(from: string, to: string): number {
  const utc = (d: string) => Date.UTC(Number(d.slice(0, 4)), Number(d.slice(5, 7)) - 1, Number(d.slice(8, 10)))
  return Math.round((utc(to) - utc(from)) / 86_400_000)
}

function tally<T>(items: T[], key: (t: T) => string): Record<string, number> {
  const out: Record<string, number> = {}
  for (const i of items) out[key(i)] = (out[key(i)] ?? 0) + 1
  return out
}

/** Counts with the zero entries dropped, so two tallies compare whatever keys each spells out. */
function nonZero(counts: Record<string, number>): Record<string, number> {
  return Object.fromEntries(Object.entries(counts).filter(([, n]) => n > 0))
}

const RANK: Record<string, number> = {ready: 0, 'ready-with-conditions': 1, unknown: 2, 'not-ready': 3}
const SEV: Record<string, number> = {critical: 0, high: 1, medium: 2, low: 3, info: 4}

/** What a column over these systems of a plan must say, worked out from the plan JSON (and the audit's systems). */
function expectColumn(col: Column, plan: PlanJson, audit: AuditJson, department?: string): void {
  const mine = plan.systems.filter((s) => department === undefined || s.department === department)
  const audited = audit.systems.filter((s) => department === undefined || s.department === department)
  expect(col.systems).toBe(mine.length)
  expect(col.done).toBe(mine.filter((s) => s.status === 'done').length)
  expect(col.retained).toBe(mine.filter((s) => s.status === 'retained').length)
  expect(col.toMove).toBe(mine.filter((s) => s.status === 'planned').length)
  expect(nonZero(col.byStrategy)).toEqual(tally(mine, (s) => s.strategy))
  expect(nonZero(col.byReadiness)).toEqual(tally(mine, (s) => s.readiness))
  expect(col.shareReady).toBeCloseTo(mine.filter((s) => s.readiness === 'ready').length / mine.length, 3)
  const findings = audited.flatMap((s) => s.findings)
  expect(col.findings).toBe(findings.length)
  expect(nonZero(col.bySeverity)).toEqual(tally(findings, (f) => f.severity))
  expect(col.pastEndOfSupport).toBe(audited.filter((s) => s.pastEndOfSupport).length)
  expect(col.annualRunGbp).toBe(mine.reduce((sum, s) => sum + (s.annualRunGbp ?? 0), 0))
  const waves = [...new Set(mine.flatMap((s) => (s.wave === null ? [] : [s.wave])))]
  expect(col.waves).toBe(department === undefined ? plan.waves.length : waves.length)
  // The last move to end: a move may run on past the wave it starts in.
  const ends = mine.flatMap((s) => (s.end === null ? [] : [s.end])).sort()
  const completion = department === undefined ? (plan.waves.length ? plan.waves.at(-1)!.end : plan.asOf) : (ends.at(-1) ?? plan.asOf)
  expect(col.lastWave).toBe(waves.length ? plan.waves.findIndex((w) => w.end === completion) + 1 : null)
  expect(col.completion).toBe(completion)
  expect(col.daysPastDeadline).toBe(Math.max(0, days(plan.deadline, completion)))
  // The effort of moving: the systems planned into a wave.
  const moving = mine.filter((s) => s.wave !== null)
  expect(col.effort.low).toBeCloseTo(moving.reduce((sum, s) => sum + s.effort.low, 0), 1)
  expect(col.effort.high).toBeCloseTo(moving.reduce((sum, s) => sum + s.effort.high, 0), 1)
  // A system already moved counts from when it got there (the as-of date when not recorded); the others at the end of their wave.
  const doneByDeadline = mine.filter((s) => (s.status === 'done' ? (s.completed ?? plan.asOf) <= plan.deadline : s.wave !== null && plan.waves[s.wave - 1].end <= plan.deadline)).length
  expect(col.shareDoneByDeadline).toBeCloseTo(doneByDeadline / mine.length, 3)
  expect(col.asOf).toBe(plan.asOf)
  expect(col.deadline).toBe(plan.deadline)
  // The league table's figures, counted here from the plan's and the audit's systems.
  expect(col.shareDone).toBeCloseTo(mine.filter((s) => s.status === 'done').length / mine.length, 3)
  const left = mine.filter((s) => s.status === 'planned')
  expect(col.readyToMove.count).toBe(left.filter((s) => s.readiness === 'ready').length)
  expect(col.readyToMove.share).toBeCloseTo(left.length ? col.readyToMove.count / left.length : 0, 3)
  // README "Money": still to move, not retained, not in public cloud or SaaS, on a platform past security support.
  const unsupported = audited.filter((s) => s.pastEndOfSupport && s.migrationStatus !== 'migrated' && s.migrationStatus !== 'retired' && s.retainedBy === null && s.hosting !== 'public-cloud' && s.hosting !== 'saas')
  expect(col.unsupportedRunCost).toEqual({gbp: unsupported.reduce((sum, s) => sum + (s.annualRunGbp ?? 0), 0), noCostRecorded: unsupported.filter((s) => s.annualRunGbp === null).length})
  expect(col.confidence).toBeCloseTo(audited.reduce((sum, s) => sum + s.confidence, 0) / audited.length, 3)
}

// ----- Running the CLI -----

const outputs: Array<{args: string[]; json: unknown}> = []

function run(args: string[]): Promise<RunResult> {
  return cliInProcess(args).then((r) => {
  expect(r.stderr, `no stack trace from ${args.join(' ')}`).not.toMatch(STACK_TRACE)
  return r
  })
}

async function json<T>(args: string[], code = 0): Promise<T> {
  const r = await run([...args, '--format', 'json'])
  expect(r.code, `${args.join(' ')}: ${r.stderr}`).toBe(code)
  const parsed = JSON.parse(r.stdout) as T
  if (args[0] === 'compare') outputs.push({args, json: parsed})
  return parsed
}

/** Edits one system's block of an inventory file (from its `- id:` line to the next system). */
function editSystem(file: string, id: string, edit: (block: string) => string): void {
  const text = readFileSync(file, 'utf8')
  const start = text.indexOf(`\n  - id: ${id}\n`)
  expect(start, `${id} in ${file}`).toBeGreaterThan(-1)
  const next = text.indexOf('\n  - id: ', start + 1)
  const end = next === -1 ? text.length : next
  writeFileSync(file, text.slice(0, start) + edit(text.slice(start, end)) + text.slice(end))
}

let dir: string
let base: string
let head: string
let basePlanFile: string
let headPlanFile: string

beforeAll(async () => {
  dir = mkdtempSync(path.join(tmpdir(), 'cloudready-compare-'))
  base = path.join(dir, 'base')
  head = path.join(dir, 'head')
  cpSync(path.join(ROOT, 'examples'), base, {recursive: true})
  cpSync(path.join(ROOT, 'examples'), head, {recursive: true})
  // The head: a system gets worse (more critical vulnerabilities), one fixes its DPIA, one is
  // decommissioned from the inventory, one is added.
  editSystem(path.join(head, 'hmrc.yaml'), 'email', (b) => b.replace(/critical_vulnerabilities: \d+/, 'critical_vulnerabilities: 9'))
  editSystem(path.join(head, 'hmrc.yaml'), 'idms', (b) => b.replace('dpia_completed: false', 'dpia_completed: true'))
  editSystem(path.join(head, 'dwp.yaml'), 'stat-xplore', () => '\n')
  writeFileSync(path.join(head, 'home-office.yaml'), `${readFileSync(path.join(head, 'home-office.yaml'), 'utf8').trimEnd()}\n\n  - id: new-portal\n    name: New Visa Portal\n    criticality: medium\n    hosting: on-premises\n`)
  basePlanFile = path.join(dir, 'base.plan.json')
  headPlanFile = path.join(dir, 'head.plan.json')
  expect((await run(['plan', base, '--as-of', AS_OF, '--format', 'json', '-o', basePlanFile])).code).toBe(0)
  expect((await run(['plan', head, '--as-of', AS_OF, '--format', 'json', '-o', headPlanFile])).code).toBe(0)
})

afterAll(async () => {
  if (dir) rmSync(dir, {recursive: true, force: true})
})

describe('compare --by-department', () => {
  it('puts each department of the inventories beside the others, with numbers that add up from the plan', async () => {
    const plan = await json<PlanJson>(['plan', 'examples', '--as-of', AS_OF])
    const audit = await json<AuditJson>(['audit', 'examples', '--as-of', AS_OF], 1)
    const report = await json<CompareJson>(['compare', 'examples', '--by-department', '--as-of', AS_OF])
    expect(report.mode).toBe('departments')
    expect(report.columns.map((c) => c.label)).toEqual(plan.audit.departments.map((d) => d.id))
    for (const col of report.columns) {
      expect(col.kind).toBe('department')
      expect(col.department?.name).toBe(plan.audit.departments.find((d) => d.id === col.label)!.name)
      expectColumn(col, plan, audit, col.label)
    }
    // The departments add up to the estate.
    expect(report.columns.reduce((sum, c) => sum + c.systems, 0)).toBe(plan.systems.length)
    expect(report.columns.map((c) => c.completion).sort().at(-1)).toBe(plan.completion)
  })

  it('gives the same numbers from a saved plan JSON (past end of support from its share)', async () => {
    const fromInventories = await json<CompareJson>(['compare', base, '--by-department', '--as-of', AS_OF])
    const fromPlan = await json<CompareJson>(['compare', basePlanFile, '--by-department'])
    // A plan JSON does not say how sure each verdict is: that is unknown, never guessed.
    const known = (c: Column) => ({...c, inputs: [], kind: '', confidence: null})
    expect(fromPlan.columns.map(known)).toEqual(fromInventories.columns.map(known))
    for (const c of fromPlan.columns) expect(c.confidence).toBeNull()
  })

  it('ranks the departments in a league table: by completion, then done by the deadline, done now and ready; ties share a rank', async () => {
    const report = await json<CompareJson>(['compare', 'examples', '--by-department', '--as-of', AS_OF])
    const rows = report.league!.rows
    expect(rows.map((r) => r.department.id).sort()).toEqual(report.columns.map((c) => c.label).sort())
    for (const r of rows) {
      const col = report.columns.find((c) => c.label === r.department.id)!
      expect([r.systems, r.completion, r.daysPastDeadline, r.shareDone, r.shareDoneByDeadline, r.readyToMove, r.unsupportedRunCost, r.confidence]).toEqual([col.systems, col.completion, col.daysPastDeadline, col.shareDone, col.shareDoneByDeadline, col.readyToMove, col.unsupportedRunCost, col.confidence])
    }
    const key = (r: LeagueRow) => [r.completion, -r.shareDoneByDeadline, -r.shareDone, -r.readyToMove.share]
    const cmp = (a: LeagueRow, b: LeagueRow) => {
      const [x, y] = [key(a), key(b)]
      for (let i = 0; i < x.length; i++) if (x[i] !== y[i]) return x[i] < y[i] ? -1 : 1
      return 0
    }
    for (let i = 1; i < rows.length; i++) {
      expect(cmp(rows[i - 1], rows[i])).toBeLessThanOrEqual(0)
      // Equal on every figure: the same rank, both marked tied; else the position.
      if (cmp(rows[i - 1], rows[i]) === 0) expect([rows[i].rank, rows[i].tied, rows[i - 1].tied]).toEqual([rows[i - 1].rank, true, true])
      else expect(rows[i].rank).toBe(i + 1)
    }
    expect(report.league!.order).toMatch(/^Ranked by completion/)
    const table = (await run(['compare', 'examples', '--by-department', '--as-of', AS_OF, '--no-color'])).stdout
    expect(table).toContain('League table')
    expect(table).toContain(report.league!.order)
    const md = (await run(['compare', 'examples', '--by-department', '--as-of', AS_OF, '--format', 'markdown'])).stdout
    for (const r of rows) expect(md).toMatch(new RegExp(`\\| ${r.rank}=? \\| [^|]*\\(${r.department.id}\\) \\| ${r.systems} \\|`))
  })

  it('keeps ties as ties: two departments alike in every ranked figure share a rank', async () => {
    const twin = (id: string) => `apiVersion: cloudready/v1
kind: Inventory
department: {id: ${id}, name: ${id}}
systems:
  - {id: app, name: App, criticality: low, hosting: on-premises, platform: {os: {name: rhel, version: "9"}}, owner: Team, costs: {annual_run_gbp: 1000}, users: 10}
`
    writeFileSync(path.join(dir, 'twin-a.yaml'), twin('twin-a'))
    writeFileSync(path.join(dir, 'twin-b.yaml'), twin('twin-b'))
    const report = await json<CompareJson>(['compare', path.join(dir, 'twin-a.yaml'), path.join(dir, 'twin-b.yaml'), '--by-department', '--as-of', AS_OF])
    expect(report.league!.rows.map((r) => [r.department.id, r.rank, r.tied])).toEqual([
      ['twin-a', 1, true],
      ['twin-b', 1, true],
    ])
    expect((await run(['compare', path.join(dir, 'twin-a.yaml'), path.join(dir, 'twin-b.yaml'), '--by-department', '--as-of', AS_OF, '--no-color'])).stdout).toMatch(/^\s*1=\s+twin-a/m)
  })

  it('has no league table for one department: nothing to rank it against', async () => {
    const report = await json<CompareJson>(['compare', 'examples/dwp.yaml', '--by-department', '--as-of', AS_OF])
    expect(report.league).toBeNull()
  })
})

describe('compare --scenario', () => {
  it('plans the estate once per scenario, each column the plan those flags give', async () => {
    const report = await json<CompareJson>(['compare', 'examples', '--as-of', AS_OF, '--scenario', 'small:--capacity=4', '--scenario', 'big:--capacity 12 --wave-length=6'])
    const audit = await json<AuditJson>(['audit', 'examples', '--as-of', AS_OF], 1)
    const small = await json<PlanJson>(['plan', 'examples', '--as-of', AS_OF, '--capacity', '4'])
    const big = await json<PlanJson>(['plan', 'examples', '--as-of', AS_OF, '--capacity', '12', '--wave-length', '6'])
    expect(report.mode).toBe('scenarios')
    expect(report.columns.map((c) => [c.label, c.scenario])).toEqual([
      ['small', '--capacity=4'],
      ['big', '--capacity=12 --wave-length=6'],
    ])
    expectColumn(report.columns[0], small, audit)
    expectColumn(report.columns[1], big, audit)
    expect(report.columns[0].capacity).toEqual({systems: 4})
    expect(report.columns[1].capacity).toEqual({systems: 12})
    expect(report.columns[1].waveLengthMonths).toBe(6)
    // Each plan's completion is the end of its last wave.
    expect(report.columns[0].completion).toBe(small.waves.at(-1)!.end)
    expect(report.columns[1].completion).toBe(big.waves.at(-1)!.end)
  })

  it('applies the command line\'s plan flags under each scenario\'s own', async () => {
    const report = await json<CompareJson>(['compare', 'examples', '--as-of', AS_OF, '--wave-length', '4', '--scenario', 'a:--capacity=5', '--scenario', 'b:--capacity-effort=200'])
    expect(report.columns.map((c) => [c.capacity, c.waveLengthMonths])).toEqual([
      [{systems: 5}, 4],
      [{effort: 200}, 4],
    ])
  })

  it('says what capacity buys, first line first', async () => {
    const r = await run(['compare', 'examples', '--as-of', AS_OF, '--scenario', 'small:--capacity=4', '--scenario', 'big:--capacity=12', '--format', 'markdown'])
    expect(r.code).toBe(0)
    expect(r.stdout.split('\n')[0]).toMatch(/^(❌|✅) \*\*2 scenarios: big completes first, on \d{4}-\d{2}-\d{2} .*small last.*\*\*$/)
  })
})

describe('compare base → head', () => {
  let basePlan: PlanJson
  let headPlan: PlanJson
  let baseAudit: AuditJson
  let headAudit: AuditJson

  beforeAll(async () => {
    basePlan = JSON.parse(readFileSync(basePlanFile, 'utf8')) as PlanJson
    headPlan = JSON.parse(readFileSync(headPlanFile, 'utf8')) as PlanJson
    baseAudit = await json<AuditJson>(['audit', base, '--as-of', AS_OF], 1)
    headAudit = await json<AuditJson>(['audit', head, '--as-of', AS_OF], 1)
  })

  /** Per system, worked out from the two plan JSONs. */
  function expectSystems(report: CompareJson): void {
    const d = report.diff!
    const b = new Map(basePlan.systems.map((s) => [s.ref, s]))
    const h = new Map(headPlan.systems.map((s) => [s.ref, s]))
    const refsOf = (pred: (c: Change) => boolean) => d.systems.filter(pred).map((c) => c.ref)
    expect(refsOf((c) => c.change === 'added')).toEqual([...h.keys()].filter((r) => !b.has(r)).sort())
    expect(refsOf((c) => c.change === 'removed')).toEqual([...b.keys()].filter((r) => !h.has(r)).sort())
    const both = [...h.keys()].filter((r) => b.has(r)).sort()
    expect(refsOf((c) => c.readiness === 'down')).toEqual(both.filter((r) => RANK[h.get(r)!.readiness] > RANK[b.get(r)!.readiness]))
    expect(refsOf((c) => c.readiness === 'up')).toEqual(both.filter((r) => RANK[h.get(r)!.readiness] < RANK[b.get(r)!.readiness]))
    expect(refsOf((c) => c.strategyChanged)).toEqual(both.filter((r) => h.get(r)!.strategy !== b.get(r)!.strategy))
    expect(refsOf((c) => c.waveMoved)).toEqual(both.filter((r) => h.get(r)!.wave !== b.get(r)!.wave))
    expect(d.completion).toEqual({base: basePlan.completion, head: headPlan.completion, days: days(basePlan.completion, headPlan.completion)})
    expect(d.counts.added).toBe(1)
    expect(d.counts.removed).toBe(1)
    expect(refsOf((c) => c.readiness === 'down')).toContain('hmrc/email')
  }

  it('compares two inventories system by system, findings included, and fails on the regression', async () => {
    const report = await json<CompareJson>(['compare', '--base', base, '--head', head, '--as-of', AS_OF, '--fail-on-regression'], 1)
    expect(report.mode).toBe('diff')
    expect(report.columns.map((c) => [c.label, c.inputs])).toEqual([
      ['base', [base]],
      ['head', [head]],
    ])
    expectColumn(report.columns[0], basePlan, baseAudit)
    expectColumn(report.columns[1], headPlan, headAudit)
    expectSystems(report)
    const d = report.diff!
    expect(d.findingsCompared).toBe(true)
    // Findings keyed by rule, system and place within the system, from the two audits.
    const keyed = (a: AuditJson) => {
      const m = new Map<string, string[]>()
      for (const s of a.systems) for (const f of s.findings) {
        const k = `${s.ref} ${f.rule} ${f.pointer.replace(/^\/systems\/\d+/, '')}`
        m.set(k, [...(m.get(k) ?? []), f.severity])
      }
      return m
    }
    const before = keyed(baseAudit)
    const after = keyed(headAudit)
    let added = 0
    let resolved = 0
    let worse = 0
    for (const [k, sevs] of after) {
      const old = [...(before.get(k) ?? [])]
      for (const s of sevs) {
        if (old.length === 0) {
          added++
          continue
        }
        const i = old.indexOf(s) === -1 ? 0 : old.indexOf(s)
        if (SEV[s] < SEV[old[i]]) worse++
        old.splice(i, 1)
      }
    }
    for (const [k, sevs] of before) resolved += Math.max(0, sevs.length - (after.get(k)?.length ?? 0))
    expect({added, resolved, worse}).toEqual({added: d.counts.newFindings, resolved: d.counts.resolvedFindings, worse: d.counts.worseFindings})
    expect(resolved).toBeGreaterThan(0)
    const email = d.systems.find((s) => s.ref === 'hmrc/email')!
    expect(email.worseFindings.map((f) => [f.rule, f.was, f.severity, f.pointer])).toEqual([['security-critical-vulnerabilities', 'high', 'critical', '/security/critical_vulnerabilities']])
    expect(d.systems.find((s) => s.ref === 'hmrc/idms')!.resolvedFindings.map((f) => f.rule)).toContain('data-dpia-missing')
    expect(d.regression).toBe(true)
    expect(d.regressions.join('\n')).toMatch(/readiness dropped for 1 system: hmrc\/email/)
  })

  it('exits 0 on the same regression without --fail-on-regression, and 0 when nothing got worse', async () => {
    expect((await json<CompareJson>(['compare', base, head, '--diff', '--as-of', AS_OF])).diff!.regression).toBe(true)
    const same = await json<CompareJson>(['compare', base, basePlanFile, '--diff', '--as-of', AS_OF, '--fail-on-regression'])
    expect(same.diff!.regression).toBe(false)
    expect(same.diff!.systems).toEqual([])
  })

  it('takes two inputs with --fail-on-regression as base → head (the SPEC\'s CI use), exit 1 on a regression, 0 without', async () => {
    const worse = await json<CompareJson>(['compare', basePlanFile, headPlanFile, '--fail-on-regression'], 1)
    expect(worse.mode).toBe('diff')
    expect(worse.columns.map((c) => c.inputs)).toEqual([[basePlanFile], [headPlanFile]])
    expect(worse.diff!.regressions.join('\n')).toMatch(/readiness dropped for 1 system: hmrc\/email/)
    const same = await json<CompareJson>(['compare', basePlanFile, basePlanFile, '--fail-on-regression'])
    expect(same.mode).toBe('diff')
    expect(same.diff!.regression).toBe(false)
  })

  it('compares two plan JSONs without findings, and says so', async () => {
    const report = await json<CompareJson>(['compare', basePlanFile, headPlanFile, '--diff'])
    expectSystems(report)
    expect(report.diff!.findingsCompared).toBe(false)
    expect(report.diff!.systems.every((s) => s.newFindings.length + s.resolvedFindings.length + s.worseFindings.length === 0)).toBe(true)
    expect(report.notes.join('\n')).toMatch(/findings are not compared/)
    expect(report.columns.map((c) => c.kind)).toEqual(['plan', 'plan'])
  })

  it('writes a pull-request comment: the verdict line first, then the tables, cells escaped', async () => {
    const r = await run(['compare', '--base', basePlanFile, '--head', head, '--as-of', AS_OF, '--format', 'markdown', '--fail-on-regression'])
    expect(r.code).toBe(1)
    const lines = r.stdout.split('\n')
    expect(lines[0]).toMatch(/^❌ \*\*Regression: .*readiness down for 1 system.*\*\*$/)
    expect(r.stdout).toContain('| hmrc/email | changed | ready-with-conditions → not-ready ↓ |')
    expect(r.stdout).toContain('### Systems that changed')
  })

  it('prints a table on a terminal', async () => {
    const r = await run(['compare', '--base', basePlanFile, '--head', headPlanFile])
    expect(r.code, r.stderr).toBe(0)
    expect(r.stdout.split('\n')[0]).toMatch(/^Regression: /)
    expect(r.stdout).toMatch(/Systems that changed\nsystem +change +readiness/)
  })
})

describe('compare side by side', () => {
  it('puts two plan JSONs beside each other, each column its plan', async () => {
    const report = await json<CompareJson>(['compare', basePlanFile, headPlanFile])
    expect(report.mode).toBe('side-by-side')
    expect(report.diff).toBeNull()
    const plans = [basePlanFile, headPlanFile].map((f) => JSON.parse(readFileSync(f, 'utf8')) as PlanJson)
    report.columns.forEach((c, i) => {
      // The same departments and planning parameters: only the path tells the two apart.
      expect(c.label).toBe(`dwp + hmrc + home-office · ${[basePlanFile, headPlanFile][i]}`)
      expect(c.systems).toBe(plans[i].systems.length)
      expect(c.completion).toBe(plans[i].waves.at(-1)!.end)
      expect(c.daysPastDeadline).toBe(Math.max(0, days(plans[i].deadline, plans[i].completion)))
      expect(nonZero(c.byStrategy)).toEqual(tally(plans[i].systems, (s) => s.strategy))
      expect(nonZero(c.bySeverity)).toEqual(nonZero(plans[i].audit.summary.bySeverity))
      expect(c.annualRunGbpAtRisk).toBe(plans[i].audit.summary.annualRunGbpAtRisk)
    })
  })

  it('names each column by what it compares: the department of a one-department plan, then the parameter that differs', async () => {
    const planOf = async (name: string, args: string[]) => {
      const f = path.join(dir, `${name}.plan.json`)
      expect((await run(['plan', ...args, '--as-of', AS_OF, '--format', 'json', '-o', f])).code).toBe(0)
      return f
    }
    const dwp = await planOf('dwp', [path.join(ROOT, 'examples/dwp.yaml')])
    const hmrc = await planOf('hmrc', [path.join(ROOT, 'examples/hmrc.yaml')])
    const hmrc12 = await planOf('hmrc12', [path.join(ROOT, 'examples/hmrc.yaml'), '--capacity', '12'])
    const report = await json<CompareJson>(['compare', dwp, hmrc, hmrc12])
    expect(report.columns.map((c) => [c.label, c.department?.name])).toEqual([
      ['dwp', 'Department for Work and Pensions'],
      ['hmrc · capacity 10', 'HM Revenue & Customs'],
      ['hmrc · capacity 12', 'HM Revenue & Customs'],
    ])
    const table = await run(['compare', dwp, hmrc, hmrc12, '--no-color'])
    const heading = table.stdout.split('\n').find((l) => l.includes('Department for Work and Pensions'))!
    expect(heading).toContain('HM Revenue & Customs (hmrc · capacity 12)')
    expect(heading).not.toContain('.plan.json')
  })

  it('names every column that ties for first or last, never one of them alone', async () => {
    const report = await json<CompareJson>(['compare', 'examples', '--by-department', '--as-of', AS_OF])
    const byDate = new Map<string, string[]>()
    for (const c of report.columns) byDate.set(c.completion, [...(byDate.get(c.completion) ?? []), c.label])
    const dates = [...byDate.keys()].sort()
    const firsts = byDate.get(dates[0])!
    const line = (await run(['compare', 'examples', '--by-department', '--as-of', AS_OF, '--no-color'])).stdout.split('\n')[0]
    for (const label of firsts) expect(line).toMatch(new RegExp(`${label}[^;]*first`))
    if (firsts.length > 1) expect(line).toMatch(/ complete first/)
    else expect(line).toMatch(/ completes first/)
  })

  it('mixes a plan JSON and an inventory folder, and says the flags did not apply to the plan', async () => {
    const report = await json<CompareJson>(['compare', basePlanFile, 'examples', '--as-of', AS_OF, '--capacity', '5'])
    expect(report.columns.map((c) => [c.kind, c.capacity])).toEqual([
      ['plan', {systems: 10}],
      ['inventory', {systems: 5}],
    ])
    expect(report.notes.join('\n')).toMatch(/--capacity does not apply to plan JSON inputs/)
  })

  it('writes the same bytes for the same inputs, in every format', async () => {
    for (const format of ['json', 'table', 'markdown', 'html']) {
      const args = ['compare', 'examples', '--by-department', '--as-of', AS_OF, '--format', format]
      expect((await run(args)).stdout).toBe((await run(args)).stdout)
    }
  })

  it('writes an HTML page with the same building blocks as the report, escaped', async () => {
    const evil = path.join(dir, 'evil')
    cpSync(path.join(ROOT, 'examples', 'dwp.yaml'), path.join(evil, 'dwp.yaml'))
    const file = path.join(evil, 'dwp.yaml')
    writeFileSync(file, readFileSync(file, 'utf8').replace('name: Department for Work and Pensions', 'name: "<img src=x onerror=alert(1)> | </script>"'))
    const r = await run(['compare', evil, '--by-department', '--as-of', AS_OF, '--format', 'html'])
    expect(r.code, r.stderr).toBe(0)
    expect(r.stdout).toMatch(/^<!DOCTYPE html>/)
    expect(r.stdout).toContain('&lt;img src=x onerror=alert(1)&gt; | &lt;/script&gt;')
    expect(r.stdout).not.toMatch(/<(img|script|link)\b/i)
    expect(r.stdout).toMatch(/<svg class="chart[^"]*" [^>]*role="img"/)
    const md = await run(['compare', evil, '--by-department', '--as-of', AS_OF, '--format', 'markdown'])
    expect(md.stdout).toContain('&lt;img src=x onerror=alert(1)&gt; \\| &lt;/script&gt;')
  })
})

describe('compare rejects what it cannot compare, with exit 2 and a message', () => {
  const auditFile = async () => {
    const f = path.join(dir, 'audit.json')
    writeFileSync(f, (await run(['audit', 'examples', '--as-of', AS_OF, '--format', 'json'])).stdout)
    return f
  }
  const truncated = () => {
    const f = path.join(dir, 'truncated.plan.json')
    const plan = JSON.parse(readFileSync(basePlanFile, 'utf8')) as Record<string, unknown>
    delete plan.summary
    writeFileSync(f, JSON.stringify(plan))
    return f
  }
  const cases: Array<[string, () => string[] | Promise<string[]>, RegExp]> = [
    ['one input', () => ['compare', 'examples'], /two or more inputs/],
    ['an unknown scenario flag', () => ['compare', 'examples', '--scenario', 'a:--capacty=4', '--scenario', 'b:--capacity=5'], /unknown flag --capacty/],
    ['a scenario flag without a value', () => ['compare', 'examples', '--scenario', 'a:--capacity', '--scenario', 'b:--capacity=5'], /--capacity needs a value/],
    ['a scenario out of range', () => ['compare', 'examples', '--scenario', 'a:--capacity=0', '--scenario', 'b:--capacity=5'], /whole number from 1/],
    ['a scenario with a bad date', () => ['compare', 'examples', '--scenario', 'a:--start=2027-02-30', '--scenario', 'b:--capacity=5'], /not a date/],
    ['two scenarios with one name', () => ['compare', 'examples', '--scenario', 'a:--capacity=4', '--scenario', 'a:--capacity=5'], /given twice/],
    ['one scenario', () => ['compare', 'examples', '--scenario', 'a:--capacity=4'], /at least two --scenario/],
    ['scenarios over a plan JSON', () => ['compare', basePlanFile, '--scenario', 'a:--capacity=4', '--scenario', 'b:--capacity=5'], /is a plan JSON: scenarios re-plan/],
    ['--by-department over two plan JSONs', () => ['compare', basePlanFile, headPlanFile, '--by-department'], /is a plan JSON: --by-department takes one/],
    ['--fail-on-regression with three inputs', () => ['compare', basePlanFile, headPlanFile, 'examples', '--fail-on-regression'], /needs a base → head comparison.*got 3 inputs/],
    ['--fail-on-regression by department', () => ['compare', 'examples', '--by-department', '--fail-on-regression'], /needs a base → head comparison/],
    ['--base without --head', () => ['compare', '--base', basePlanFile], /give both --base and --head/],
    ['--base and --head with more inputs', () => ['compare', '--base', basePlanFile, '--head', headPlanFile, 'examples'], /give no other inputs/],
    ['--diff with three inputs', () => ['compare', basePlanFile, headPlanFile, 'examples', '--diff'], /exactly two inputs/],
    ['--diff and --scenario', () => ['compare', basePlanFile, headPlanFile, '--diff', '--scenario', 'a:--capacity=4'], /cannot be combined/],
    ['an audit report given as a plan', async () => ['compare', await auditFile(), basePlanFile], /is an audit report .*compare takes plans/],
    ['a plan JSON without its summary', () => ['compare', truncated(), basePlanFile], /its summary is not an object/],
    ['a missing input', () => ['compare', basePlanFile, path.join(dir, 'nope')], /nope/],
    ['an invalid inventory', () => ['compare', basePlanFile, path.join(ROOT, 'test/fixtures/invalid/bad-enum.yaml')], /bad-enum\.yaml\n\s+\d+:\d+\s+error/],
    ['a bad format', () => ['compare', basePlanFile, headPlanFile, '--format', 'sarif'], /Expected --format=sarif to be one of/],
  ]
  it.each(cases)('%s', async (_name, args, message) => {
    const r = await run(await args())
    expect(r.code, r.stdout).toBe(2)
    expect(r.stderr).toMatch(message)
    expect(r.stdout).toBe('')
  })
})

describe('schemas/compare.schema.json', () => {
  it('is a strict JSON Schema 2020-12 that every JSON output of this file matches', async () => {
    const ajv = new Ajv2020({strict: true, allErrors: true, allowUnionTypes: true})
    addFormats(ajv, ['date'])
    const schema = JSON.parse(readFileSync(path.join(ROOT, 'schemas/compare.schema.json'), 'utf8')) as {$schema: string}
    expect(schema.$schema).toBe('https://json-schema.org/draft/2020-12/schema')
    const validate = ajv.compile(schema)
    expect(outputs.map((o) => o.args[0])).toContain('compare')
    expect(new Set(outputs.map((o) => (o.json as CompareJson).mode))).toEqual(new Set(['departments', 'scenarios', 'diff', 'side-by-side']))
    for (const o of outputs) expect(validate(o.json), `${o.args.join(' ')}: ${JSON.stringify(validate.errors)}`).toBe(true)
    // And it says no more than the output holds.
    expect(validate({...(outputs[0].json as object), extra: 1})).toBe(false)
  })
})
