/**
 * `cloudready audit` end to end, through the built CLI as a department's IT lead and an inventory
 * repository's CI run it: the bundled examples in every format, exit codes, the JSON contract
 * (schemas/audit-report.schema.json), where findings point, determinism, colour, output files,
 * invalid inventories, the command line's mistakes and the base-versus-head gate (--baseline).
 *
 * Every run is at --as-of 2026-11-27, so the results do not move with the calendar.
 */
import {cpSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync} from 'node:fs'
import {tmpdir} from 'node:os'
import path from 'node:path'

import type * as AjvModule from 'ajv'
import Ajv2020Module from 'ajv/dist/2020.js'
import addFormatsModule from 'ajv-formats'
import {afterAll, beforeAll, describe, expect, it} from 'vitest'
import {parse as parseYaml} from 'yaml'

import type {cli} from '../helpers/cli.js'
import {cliRun, ROOT, type RunResult, STACK_TRACE, userLines} from '../helpers/cli.js'
import {markdownCells, parseCsv} from '../helpers/formats.js'

const AS_OF = '2026-11-27'
/** Days from the 2023-12-31 deadline to AS_OF. */
const DAYS_LATE = 1062
const FORMATS = ['stylish', 'json', 'yaml', 'markdown', 'csv', 'sarif', 'junit', 'github', 'gitlab'] as const
type Format = (typeof FORMATS)[number]
/** What a program reads: never a colour code in them. Markdown is for people but has no colour either. */
const UNCOLOURED: Format[] = ['json', 'yaml', 'markdown', 'csv', 'sarif', 'junit', 'github', 'gitlab']
const CI_FORMATS: Format[] = ['sarif', 'junit', 'github', 'gitlab']

type Severity = 'critical' | 'high' | 'medium' | 'low' | 'info'
type Readiness = 'ready' | 'ready-with-conditions' | 'not-ready' | 'unknown'
type DeadlineStatus = 'met' | 'met-late' | 'on-track' | 'at-risk' | 'missed' | 'exempt'

interface FindingJson {
  rule: string
  category: string
  severity: Severity
  message: string
  file: string
  line: number
  column: number
  pointer: string
}

interface SystemJson {
  ref: string
  department: string
  id: string
  name: string
  file: string
  line: number
  column: number
  migrationStatus: string
  readiness: Readiness
  score: number
  confidence: number
  deadlineStatus: DeadlineStatus
  daysLate: number
  annualRunGbp: number | null
  hosting: string
  completed: string | null
  retainedBy: 'declared' | 'classification' | null
  blockers: string[]
  pathToReady: Array<{rule: string; severity: Severity; blocker: boolean; message: string; remedy: string}>
  pastEndOfSupport: boolean
  platform: Record<string, {name: string; version?: string; phase: string}>
  findings: FindingJson[]
}

interface MoneyJson {
  gbp: number
  systems: number
  noCostRecorded: number
}

interface SummaryJson {
  systems: number
  byReadiness: Record<Readiness, number>
  bySeverity: Record<Severity, number>
  byCategory: Record<string, number>
  byDeadlineStatus: Record<DeadlineStatus, number>
  done: number
  shareReady: number
  shareReadyOrConditional: number
  sharePastEndOfSupport: number
  annualRunGbp: number
  toMove: number
  retained: number
  doneByDeadline: {count: number; share: number; undated: number}
  runCost: Record<'toMove' | 'pastSecuritySupport' | 'extendedSupportOnly' | 'notReady' | 'retained', MoneyJson>
}

/** The rules whose findings block a move whatever their severity (README "Readiness"). */
const BLOCKER_RULES = new Set(['platform-specialist-hardware', 'platform-os-no-cloud', 'data-secret-public-cloud'])
const blocks = (f: FindingJson) => f.category !== 'deadline' && (f.severity === 'critical' || BLOCKER_RULES.has(f.rule))
/** README "Score": the raw score placed in its readiness class's band. */
const BANDS: Record<Readiness, [number, number]> = {ready: [70, 100], 'ready-with-conditions': [35, 69], 'not-ready': [0, 34], unknown: [0, 34]}
const banded = (raw: number, r: Readiness) => BANDS[r][0] + Math.round((Math.max(0, raw) * (BANDS[r][1] - BANDS[r][0])) / 100)

interface AuditJson {
  asOf: string
  deadline: string
  failOn: string
  files: string[]
  summary: SummaryJson
  departments: Array<{id: string; name: string; file: string; summary: SummaryJson}>
  systems: SystemJson[]
  warnings: Array<{code: string; message: string}>
  baseline?: {newFindings: number; resolvedFindings: number; readinessDropped: Array<{ref: string; from: string; to: string}>; deadlineWorse: Array<{ref: string; from: string; to: string}>; newSystems: string[]}
}

// ajv and ajv-formats are CommonJS: under ESM the class may sit one `default` deeper.
type AjvInstance = AjvModule.default
const Ajv2020 = ((Ajv2020Module as unknown as {default?: unknown}).default ?? Ajv2020Module) as unknown as new (options: object) => AjvInstance
const addFormats = ((addFormatsModule as unknown as {default?: unknown}).default ?? addFormatsModule) as unknown as (ajv: AjvInstance, formats: string[]) => void

// eslint-disable-next-line no-control-regex
const ANSI = /\u001b\[[0-9;]*m/
// eslint-disable-next-line no-control-regex
const stripAnsi = (s: string) => s.replace(/\u001b\[[0-9;]*m/g, '')
/** Standard error without Node's own process warnings (FORCE_COLOR beside NO_COLOR makes Node warn). */

async function audit(args: string[], options: Parameters<typeof cli>[1] = {}): Promise<RunResult> {
  const run = await cliRun(['audit', ...args, '--as-of', AS_OF], options)
  expect(run.stderr, 'no stack trace on standard error').not.toMatch(STACK_TRACE)
  return run
}

function parseJson(run: RunResult): AuditJson {
  try {
    return JSON.parse(run.stdout) as AuditJson
  } catch {
    throw new Error(`standard output is not JSON (exit ${run.code}):\n${run.stdout.slice(0, 2000)}\n${run.stderr}`)
  }
}

/** Every JSON report these tests printed, checked against schemas/audit-report.schema.json at the end. */
const reports: Array<{what: string; json: AuditJson}> = []
async function auditJson(args: string[], options: Parameters<typeof cli>[1] = {}): Promise<{run: RunResult; json: AuditJson}> {
  const run = await audit([...args, '--format', 'json'], options)
  const json = parseJson(run)
  reports.push({what: args.join(' '), json})
  return {run, json}
}

const allFindings = (json: AuditJson) => json.systems.flatMap((s) => s.findings.map((f) => ({...f, ref: s.ref})))
const system = (json: AuditJson, ref: string) => {
  const s = json.systems.find((x) => x.ref === ref)
  if (!s) throw new Error(`no system ${ref} in the report`)
  return s
}

/** The value at a JSON pointer, or undefined. */
function at(data: unknown, pointer: string): unknown {
  let node = data
  for (const raw of pointer.split('/').slice(1)) {
    const key = raw.replace(/~1/g, '/').replace(/~0/g, '~')
    if (node === null || typeof node !== 'object') return undefined
    node = (node as Record<string, unknown>)[key]
  }
  return node
}

/** Counts by readiness, severity, category and deadline status, recomputed here from systems[]. */
function recount(systems: SystemJson[]): Omit<SummaryJson, 'shareReady' | 'shareReadyOrConditional' | 'sharePastEndOfSupport' | 'toMove' | 'retained' | 'doneByDeadline'> & {ready: number; past: number; toMove: number; retained: number} {
  const zero = <K extends string>(keys: K[]) => Object.fromEntries(keys.map((k) => [k, 0])) as Record<K, number>
  const out = {
    systems: systems.length,
    byReadiness: zero<Readiness>(['ready', 'ready-with-conditions', 'not-ready', 'unknown']),
    bySeverity: zero<Severity>(['critical', 'high', 'medium', 'low', 'info']),
    byCategory: zero(['deadline', 'platform', 'data', 'security', 'commercial', 'people', 'architecture', 'cost']),
    byDeadlineStatus: zero<DeadlineStatus>(['met', 'met-late', 'on-track', 'at-risk', 'missed', 'exempt']),
    done: 0,
    toMove: 0,
    retained: 0,
    annualRunGbp: 0,
    runCost: {toMove: money(), pastSecuritySupport: money(), extendedSupportOnly: money(), notReady: money(), retained: money()},
    ready: 0,
    past: 0,
  }
  for (const s of systems) {
    out.byReadiness[s.readiness]++
    out.byDeadlineStatus[s.deadlineStatus]++
    for (const f of s.findings) {
      out.bySeverity[f.severity]++
      out.byCategory[f.category as keyof typeof out.byCategory]++
    }
    const done = s.migrationStatus === 'migrated' || s.migrationStatus === 'retired'
    if (done) out.done++
    if (s.pastEndOfSupport) out.past++
    out.annualRunGbp += s.annualRunGbp ?? 0
    if (!done && s.retainedBy !== null) out.retained++
    else if (!done) out.toMove++
    // README "Money": nothing done or already in public cloud or SaaS; retained apart; no cost recorded counted beside.
    if (done || s.hosting === 'public-cloud' || s.hosting === 'saas') continue
    const add = (m: MoneyJson) => {
      m.systems++
      if (s.annualRunGbp === null) m.noCostRecorded++
      else m.gbp += s.annualRunGbp
    }
    if (s.retainedBy !== null) {
      add(out.runCost.retained)
      continue
    }
    add(out.runCost.toMove)
    const phases = Object.values(s.platform).map((p) => p.phase)
    if (phases.includes('unsupported') || phases.includes('extended-only')) add(out.runCost.pastSecuritySupport)
    if (phases.includes('extended-only') && !phases.includes('unsupported')) add(out.runCost.extendedSupportOnly)
    if (s.readiness === 'not-ready') add(out.runCost.notReady)
  }
  return out
}

function money(): MoneyJson {
  return {gbp: 0, systems: 0, noCostRecorded: 0}
}

function expectSummary(summary: SummaryJson, systems: SystemJson[]): void {
  const r = recount(systems)
  expect(summary.systems).toBe(r.systems)
  expect(summary.byReadiness).toEqual(r.byReadiness)
  expect(summary.bySeverity).toEqual(r.bySeverity)
  expect(summary.byCategory).toEqual(r.byCategory)
  expect(summary.byDeadlineStatus).toEqual(r.byDeadlineStatus)
  expect(summary.done).toBe(r.done)
  expect(summary.annualRunGbp).toBe(r.annualRunGbp)
  expect(summary.runCost).toEqual(r.runCost)
  expect([summary.toMove, summary.retained]).toEqual([r.toMove, r.retained])
  const n = systems.length || 1
  expect(summary.shareReady).toBeCloseTo(r.byReadiness.ready / n, 3)
  expect(summary.shareReadyOrConditional).toBeCloseTo((r.byReadiness.ready + r.byReadiness['ready-with-conditions']) / n, 3)
  expect(summary.sharePastEndOfSupport).toBeCloseTo(r.past / n, 3)
}

const EXAMPLE_FILES = ['examples/dwp.yaml', 'examples/hmrc.yaml', 'examples/home-office.yaml']
/** The examples' data as YAML reads it, by file, for checks made independently of cloudready. */
const exampleData = new Map<string, {text: string; data: {systems: Array<Record<string, unknown>>}}>()

let tmp: string
/** One run of `audit examples` per format, all with FORCE_COLOR=1 (colour must still stay out of machine formats). */
const runs = {} as Record<Format, RunResult>
let report: AuditJson

beforeAll(async () => {
  tmp = mkdtempSync(path.join(tmpdir(), 'cloudready-audit-'))
  for (const f of EXAMPLE_FILES) {
    const text = readFileSync(path.join(ROOT, f), 'utf8')
    exampleData.set(f, {text, data: parseYaml(text) as {systems: Array<Record<string, unknown>>}})
  }
  for (const format of FORMATS) runs[format] = await audit(['examples', '--format', format], {env: {FORCE_COLOR: '1', NO_COLOR: ''}})
  report = parseJson(runs.json)
  reports.push({what: 'examples', json: report})
})

afterAll(async () => {
  if (tmp) rmSync(tmp, {recursive: true, force: true})
})

describe('audit examples, in every format', () => {
  it.each(FORMATS)('%s: exit 1 (the examples have critical and high findings), the result on standard output only', async (format) => {
    const run = runs[format]
    expect(run.code, run.stderr).toBe(1)
    expect(run.stdout.length).toBeGreaterThan(0)
    expect(userLines(run.stderr), run.stderr).toEqual([])
  })

  it.each(UNCOLOURED)('%s: no colour codes, even with FORCE_COLOR=1', async (format) => {
    expect(runs[format].stdout).not.toMatch(ANSI)
    expect(runs[format].stdout).not.toContain('\u001b')
  })

  it('stylish: colour under FORCE_COLOR=1; none with --no-color or NO_COLOR, and otherwise the same text', async () => {
    const coloured = runs.stylish.stdout
    expect(coloured).toMatch(ANSI)
    const noColorFlag = await audit(['examples', '--no-color'], {env: {FORCE_COLOR: '1', NO_COLOR: ''}})
    const noColorEnv = await audit(['examples'], {env: {FORCE_COLOR: '1', NO_COLOR: '1'}})
    for (const run of [noColorFlag, noColorEnv]) {
      expect(run.code).toBe(1)
      expect(run.stdout).not.toContain('\u001b')
      expect(run.stdout).toBe(stripAnsi(coloured))
    }
  })

  it('stylish: grouped by file, line:col, severity, system: message and rule id, then the summary for an email', async () => {
    const text = stripAnsi(runs.stylish.stdout)
    for (const f of EXAMPLE_FILES) expect(text).toContain(`${f}\n`)
    expect(text).toMatch(/^ {2}579:15\s+critical\s+fis-intelligence: SECRET data cannot move to public-cloud.*data-secret-public-cloud$/m)
    expect(text).toContain(`cloudready audit of 3 departments, 83 systems, as of ${AS_OF} (deadline 2023-12-31, passed ${DAYS_LATE.toLocaleString('en-GB')} days ago)`)
    const s = report.summary
    expect(text).toContain(`Readiness: ${s.byReadiness.ready} ready (${Math.round(s.shareReady * 100)}%), ${s.byReadiness['ready-with-conditions']} ready with conditions, ${s.byReadiness['not-ready']} not ready, ${s.byReadiness.unknown} unknown`)
    expect(text).toContain(`Findings:  ${s.bySeverity.critical} critical, ${s.bySeverity.high} high, ${s.bySeverity.medium} medium, ${s.bySeverity.low} low, ${s.bySeverity.info} info`)
  })

  it('--json is the same as --format json', async () => {
    const run = await audit(['examples', '--json'])
    expect(run.code).toBe(1)
    expect(run.stdout).toBe(runs.json.stdout)
  })

  it('yaml parses to the same data as the json', async () => {
    expect(parseYaml(runs.yaml.stdout)).toEqual(report)
  })

  it('csv: RFC 4180 with CRLF, one row per finding plus one per system with none, in the order of the json', async () => {
    const text = runs.csv.stdout
    expect(text.endsWith('\r\n')).toBe(true)
    const [header, ...rows] = parseCsv(text)
    expect(header).toEqual(['file', 'line', 'column', 'department', 'system', 'name', 'readiness', 'score', 'confidence', 'deadlineStatus', 'rule', 'category', 'severity', 'message'])
    for (const r of rows) expect(r).toHaveLength(header.length)
    const expected = report.systems.flatMap((s) =>
      s.findings.length === 0
        ? [[s.file, String(s.line), String(s.column), s.department, s.id, s.readiness, String(s.score), '']]
        : s.findings.map((f) => [f.file, String(f.line), String(f.column), s.department, s.id, s.readiness, String(s.score), f.rule]),
    )
    expect(rows.map((r) => [r[0], r[1], r[2], r[3], r[4], r[6], r[7], r[10]])).toEqual(expected)
    // The messages come back whole, commas, quotes and all.
    const messages = new Set(allFindings(report).map((f) => f.message))
    for (const r of rows) if (r[10]) expect(messages.has(r[13].replace(/^'/, '')), r[13]).toBe(true)
    expect(rows.some((r) => r[13].includes(','))).toBe(true)
    expect(rows.filter((r) => r[10] === '')).toHaveLength(report.systems.filter((s) => s.findings.length === 0).length)
  })

  it('markdown: every table has the same number of cells in every row, and one row per system and finding', async () => {
    const lines = runs.markdown.stdout.split('\n')
    const tables: string[][] = []
    let current: string[] | undefined
    for (const line of lines) {
      if (line.startsWith('|')) {
        if (!current) tables.push((current = []))
        current.push(line)
      } else current = undefined
    }
    expect(tables).toHaveLength(3)
    for (const table of tables) {
      const width = markdownCells(table[0]).length
      expect(markdownCells(table[1]).every((c) => /^ ?-{3,} ?$/.test(c))).toBe(true)
      for (const row of table) expect(markdownCells(row), row).toHaveLength(width)
    }
    const [departments, systems, findings] = tables
    expect(departments.length - 2).toBe(report.departments.length)
    expect(systems.length - 2).toBe(report.systems.length)
    expect(findings.length - 2).toBe(allFindings(report).length)
  })

  it('sarif, junit, github and gitlab carry every finding', async () => {
    const findings = allFindings(report)
    const sarif = JSON.parse(runs.sarif.stdout) as {version: string; runs: Array<{results: Array<{ruleId: string}>; tool: {driver: {rules: Array<{id: string}>}}}>}
    expect(sarif.version).toBe('2.1.0')
    // The one warning (a dependency on a department not loaded) is a result too.
    expect(sarif.runs[0].results.filter((r) => r.ruleId !== 'external-dependency')).toHaveLength(findings.length)
    const gitlab = JSON.parse(runs.gitlab.stdout) as Array<{check_name: string}>
    expect(gitlab.filter((g) => g.check_name !== 'external-dependency')).toHaveLength(findings.length)
    const annotations = runs.github.stdout.split('\n').filter((l) => l.startsWith('::'))
    expect(annotations.filter((l) => !l.includes('external-dependency'))).toHaveLength(findings.length)
    expect(runs.junit.stdout).toMatch(/^<\?xml version="1\.0" encoding="UTF-8"\?>\n<testsuites /)
    const failures = findings.filter((f) => f.severity === 'critical' || f.severity === 'high').length
    expect(Number(/<testsuites [^>]*failures="(\d+)"/.exec(runs.junit.stdout)?.[1])).toBeLessThanOrEqual(failures)
    expect(runs.junit.stdout.match(/<failure /g)?.length).toBeGreaterThan(0)
  })
})

describe('exit codes and --fail-on', () => {
  it('--fail-on critical: 1 (there are critical findings); --fail-on none: 0', async () => {
    const critical = await auditJson(['examples', '--fail-on', 'critical'])
    expect(critical.run.code).toBe(1)
    expect(critical.json.failOn).toBe('critical')
    expect(critical.json.summary.bySeverity.critical).toBeGreaterThan(0)
    const none = await auditJson(['examples', '--fail-on', 'none'])
    expect(none.run.code).toBe(0)
    expect(none.json.failOn).toBe('none')
    // The threshold changes the exit code, not the findings.
    expect(none.json.systems).toEqual(report.systems)
  })

  it('a clean inventory (a migrated system on RHEL 9 in public cloud, every field known) exits 0 at --fail-on low', async () => {
    const dir = path.join(tmp, 'clean')
    mkdirSync(dir)
    writeFileSync(
      path.join(dir, 'clean.yaml'),
      [
        'apiVersion: cloudready/v1',
        'kind: Inventory',
        'department: {id: clean, name: A Clean Department}',
        'systems:',
        '  - id: tax-portal',
        '    name: Tax Portal',
        '    owner: Digital Services team',
        '    criticality: high',
        '    users: 50000',
        '    hosting: public-cloud',
        '    platform:',
        '      os: {name: rhel, version: "9"}',
        '      database: {name: postgresql, version: "17"}',
        '      runtime: {name: java, version: "21"}',
        '      hardware: x86',
        '      virtualised: true',
        '      architecture: microservices',
        '    data: {classification: OFFICIAL, personal_data: true, dpia_completed: true, residency: uk, volume_gb: 200}',
        '    security: {last_health_check: 2026-06-01, critical_vulnerabilities: 0}',
        '    resilience: {rto_hours: 4, dr_tested: 2026-05-01}',
        '    contracts:',
        '      - {supplier: A Cloud Provider, ends: 2028-03-31, break_clause: true}',
        '    licensing: {model: open-source, cloud_portable: true}',
        '    skills: {scarce: [], in_house: adequate}',
        '    costs: {annual_run_gbp: 120000}',
        '    migration: {status: migrated, strategy: refactor, target: public-cloud, target_date: 2023-06-30}',
        '',
      ].join('\n'),
    )
    const {run, json} = await auditJson([dir, '--fail-on', 'low'])
    expect(run.code, run.stdout).toBe(0)
    expect(json.systems).toHaveLength(1)
    expect(json.systems[0]).toMatchObject({ref: 'clean/tax-portal', readiness: 'ready', score: 100, confidence: 1, deadlineStatus: 'met', daysLate: 0, findings: []})
    expect(json.summary).toMatchObject({shareReady: 1, sharePastEndOfSupport: 0, doneByDeadline: {count: 1, share: 1, undated: 0}})
  })
})

describe('the JSON contract', () => {
  it('has the keys CI scripts and dashboards rely on', async () => {
    expect(report).toMatchObject({asOf: AS_OF, deadline: '2023-12-31', failOn: 'high', files: EXAMPLE_FILES})
    for (const s of report.systems) {
      expect(s.ref).toBe(`${s.department}/${s.id}`)
      for (const f of s.findings) {
        for (const key of ['rule', 'category', 'severity', 'message', 'file', 'line', 'column', 'pointer']) expect(f).toHaveProperty(key)
      }
    }
  })

  it('scores are whole numbers 0–100, confidences 0–1, and the score is the README arithmetic over non-deadline findings', async () => {
    const penalty: Record<Severity, number> = {critical: 40, high: 20, medium: 10, low: 4, info: 0}
    for (const s of report.systems) {
      expect(Number.isInteger(s.score) && s.score >= 0 && s.score <= 100, `${s.ref} score ${s.score}`).toBe(true)
      expect(s.confidence >= 0 && s.confidence <= 1, `${s.ref} confidence ${s.confidence}`).toBe(true)
      const lost = s.findings.filter((f) => f.category !== 'deadline').reduce((sum, f) => sum + penalty[f.severity], 0)
      expect(s.score, s.ref).toBe(banded(100 - lost, s.readiness))
    }
  })

  it('readiness follows from the findings and the confidence as the README says', async () => {
    for (const s of report.systems) {
      const judged = s.findings.filter((f) => f.category !== 'deadline')
      const critical = s.findings.some(blocks)
      const unknown = s.confidence < 0.5 || s.findings.some((f) => f.rule === 'data-classification-missing')
      const conditions = judged.some((f) => f.severity === 'high' || f.severity === 'medium')
      const expected: Readiness = critical ? 'not-ready' : unknown ? 'unknown' : conditions ? 'ready-with-conditions' : 'ready'
      expect(s.readiness, s.ref).toBe(expected)
    }
  })

  it('the summary and each department summary equal the counts recomputed from systems[]', async () => {
    expectSummary(report.summary, report.systems)
    expect(report.departments.map((d) => d.id)).toEqual(['dwp', 'hmrc', 'home-office'])
    for (const d of report.departments) expectSummary(d.summary, report.systems.filter((s) => s.department === d.id))
    expect(report.departments.reduce((n, d) => n + d.summary.systems, 0)).toBe(report.summary.systems)
  })

  it("every finding's file:line:column is where the value its pointer names is written", async () => {
    let checked = 0
    for (const f of allFindings(report)) {
      const source = exampleData.get(f.file)
      expect(source, f.file).toBeDefined()
      const value = at(source!.data, f.pointer)
      expect(value, `${f.rule} ${f.pointer} names a value that is in the file`).not.toBeUndefined()
      const text = source!.text.split('\n')[f.line - 1].slice(f.column - 1)
      const where = `${f.file}:${f.line}:${f.column} ${f.rule} ${f.pointer}: ${JSON.stringify(text)}`
      if (value !== null && typeof value === 'object') {
        // A mapping or list: its flow bracket, its first key, or its first item.
        const first = Array.isArray(value) ? '- ' : `${Object.keys(value)[0]}:`
        expect(text.startsWith('{') || text.startsWith('[') || text.startsWith(first), where).toBe(true)
      } else {
        const scalar = String(value)
        expect(text.startsWith(scalar) || text.startsWith(`"${scalar}"`) || text.startsWith(`'${scalar}'`), where).toBe(true)
      }
      checked++
    }
    expect(checked).toBe(allFindings(report).length)
    // Named cases: an end-of-support finding is on the line that holds the version.
    const eos = allFindings(report).filter((f) => f.rule === 'platform-end-of-support')
    expect(eos.length).toBeGreaterThan(20)
    for (const f of eos) {
      const version = at(exampleData.get(f.file)!.data, f.pointer)
      expect(typeof version).toBe('string')
      expect(exampleData.get(f.file)!.text.split('\n')[f.line - 1]).toContain(version as string)
      expect(f.message).toContain(' has had no security support since ')
    }
  })

  it('validates against schemas/audit-report.schema.json (ajv 2020-12, strict), here and for every report below', async () => {
    const ajv = new Ajv2020({strict: true, allErrors: true, allowUnionTypes: true})
    addFormats(ajv, ['date'])
    const validate = ajv.compile(JSON.parse(readFileSync(path.join(ROOT, 'schemas/audit-report.schema.json'), 'utf8')) as object)
    expect(validate(report), JSON.stringify(validate.errors, null, 2)).toBe(true)
    expect(validate({...report, summary: undefined})).toBe(false)
  })
})

describe("a department IT lead's sanity checks on the examples", () => {
  it('hmrc/fis-intelligence (SECRET data, declared for public cloud) is not-ready, blocked by data-secret-public-cloud', async () => {
    const s = system(report, 'hmrc/fis-intelligence')
    expect(s.readiness).toBe('not-ready')
    const blocker = s.findings.find((f) => f.rule === 'data-secret-public-cloud')
    expect(blocker).toMatchObject({severity: 'critical', category: 'data', pointer: expect.stringMatching(/\/migration\/target$/)})
    expect(blocker!.message).toContain('SECRET')
    expect(s.findings.map((f) => f.rule)).toContain('architecture-strategy-contradicted')
  })

  it('hmrc/cesa (a mainframe declared for rehost) has platform-specialist-hardware and architecture-strategy-contradicted', async () => {
    const s = system(report, 'hmrc/cesa')
    const rules = s.findings.map((f) => f.rule)
    expect(rules).toContain('platform-specialist-hardware')
    expect(rules).toContain('architecture-strategy-contradicted')
    expect(s.findings.find((f) => f.rule === 'platform-specialist-hardware')!.message).toContain('mainframe')
    expect(s.findings.find((f) => f.rule === 'architecture-strategy-contradicted')!.pointer).toMatch(/\/migration\/strategy$/)
    // z/OS is not in the lifecycle table: said so, not guessed.
    expect(s.platform.os.phase).toBe('unknown')
    expect(rules).toContain('platform-unknown-lifecycle')
  })

  it('migrated and retired systems have no deadline finding: met by their dates, met-late after the deadline with its days, undated apart', async () => {
    const done = report.systems.filter((s) => s.migrationStatus === 'migrated' || s.migrationStatus === 'retired')
    expect(done.length).toBe(11)
    let byDeadline = 0
    let undated = 0
    for (const s of done) {
      // When it got there, read from the YAML: completed, else a migrated system's passed target date.
      const raw = exampleData.get(s.file)!.data.systems.find((x) => x.id === s.id)!
      const m = raw.migration as {status: string; completed?: string; target_date?: string}
      const date = m.completed ?? (m.status === 'migrated' && m.target_date && m.target_date <= AS_OF ? m.target_date : null)
      expect(s.completed, s.ref).toBe(date)
      if (date === null) undated++
      else if (date <= '2023-12-31') byDeadline++
      expect(s.deadlineStatus, s.ref).toBe(date !== null && date > '2023-12-31' ? 'met-late' : 'met')
      expect(s.daysLate, s.ref).toBe(date !== null && date > '2023-12-31' ? Math.round((Date.parse(date) - Date.parse('2023-12-31')) / 86_400_000) : 0)
      expect(s.findings.filter((f) => f.category === 'deadline'), s.ref).toEqual([])
    }
    expect(report.summary.doneByDeadline).toEqual({count: byDeadline, share: Math.round((byDeadline / report.systems.length) * 1000) / 1000, undated})
    // The examples record moves after the deadline: fewer are done by it than are done.
    expect(byDeadline).toBeLessThan(done.length)
  })

  it('a system retained because its classification requires it is exempt, with no deadline finding', async () => {
    const exempt = report.systems.filter((s) => s.retainedBy === 'classification')
    expect(exempt.length).toBeGreaterThan(0)
    for (const s of exempt) {
      expect(s.deadlineStatus, s.ref).toBe('exempt')
      expect(s.findings.filter((f) => f.category === 'deadline'), s.ref).toEqual([])
    }
  })

  it(`every other system not yet moved has missed the 2023 deadline, by ${DAYS_LATE} days, in one deadline finding`, async () => {
    for (const s of report.systems.filter((x) => !['met', 'met-late', 'exempt'].includes(x.deadlineStatus))) {
      expect(s.findings.filter((f) => f.category === 'deadline'), s.ref).toHaveLength(1)
      expect(s.deadlineStatus, s.ref).toBe('missed')
      expect(s.daysLate, s.ref).toBe(DAYS_LATE)
      expect(s.findings.map((f) => f.rule), s.ref).toContain('deadline-missed')
    }
  })

  it('systems with no data classification (read from the YAML, not from cloudready) are unknown', async () => {
    let seen = 0
    for (const [file, {data}] of exampleData) {
      const department = (data as unknown as {department: {id: string}}).department.id
      for (const raw of data.systems) {
        const classification = (raw.data as {classification?: string} | undefined)?.classification
        const status = (raw.migration as {status?: string} | undefined)?.status
        if (classification || status === 'retired') continue
        seen++
        const s = system(report, `${department}/${String(raw.id)}`)
        expect(s.file).toBe(file)
        expect(s.readiness, s.ref).toBe('unknown')
      }
    }
    expect(seen).toBeGreaterThanOrEqual(5)
  })

  it('not-ready means a blocker: every not-ready system names one in blockers[], and every blocker makes one', async () => {
    for (const s of report.systems) {
      const blocked = s.findings.some(blocks)
      expect(s.readiness === 'not-ready', s.ref).toBe(blocked)
      expect(s.blockers.length > 0, s.ref).toBe(blocked)
      expect(new Set(s.blockers), s.ref).toEqual(new Set(s.findings.filter(blocks).map((f) => f.rule)))
    }
  })

  it('every system still to move that is not ready has a path to ready, blockers first, each step with a remedy', async () => {
    for (const s of report.systems) {
      const done = s.migrationStatus === 'migrated' || s.migrationStatus === 'retired'
      if (done || s.readiness === 'ready') {
        expect(s.pathToReady, s.ref).toEqual([])
        continue
      }
      expect(s.pathToReady.length, s.ref).toBeGreaterThan(0)
      for (const step of s.pathToReady) expect(step.remedy.length, `${s.ref} ${step.rule}`).toBeGreaterThan(10)
      const firstCondition = s.pathToReady.findIndex((p) => !p.blocker && p.rule !== 'too-little-data')
      if (firstCondition !== -1) expect(s.pathToReady.slice(firstCondition).every((p) => !p.blocker), s.ref).toBe(true)
      if (s.readiness === 'unknown') expect(s.pathToReady[0].rule, s.ref).toBe('too-little-data')
    }
  })
})

describe('determinism', () => {
  it('two runs print the same bytes', async () => {
    const again = await audit(['examples', '--format', 'json'])
    expect(again.stdout).toBe(runs.json.stdout)
  })

  // The estate is the set of files read: the order they are named in, or a file named twice, changes nothing.
  it.each(['json', 'stylish', 'junit'] as const)('%s: the files named in another order (or one twice) give the same bytes as the folder', async (format) => {
    const named = await audit(['examples/hmrc.yaml', 'examples/dwp.yaml', 'examples/home-office.yaml', '--format', format])
    expect(named.code).toBe(1)
    expect(named.stdout).toBe(format === 'stylish' ? stripAnsi(runs.stylish.stdout) : runs[format].stdout)
    if (format === 'json') {
      const twice = await audit(['examples/home-office.yaml', 'examples', '--format', format])
      expect(twice.stdout).toBe(runs.json.stdout)
    }
  })
})

describe('output options', () => {
  it('--quiet: only the findings at or above --fail-on (ESLint\'s sense), no summary, nothing on standard error, the same exit code', async () => {
    const failing = allFindings(report).filter((f) => f.severity === 'critical' || f.severity === 'high')
    for (const [flags, expected] of [
      [[], failing],
      [['--fail-on', 'critical'], failing.filter((f) => f.severity === 'critical')],
    ] as const) {
      const run = await audit(['examples', '--quiet', ...flags])
      expect(run.code).toBe(1)
      expect(userLines(run.stderr)).toEqual([])
      const lines = run.stdout.split('\n').filter((l) => /^ {2}\d+:\d+ /.test(l))
      expect(lines).toHaveLength(expected.length)
      expect(run.stdout).not.toContain('cloudready audit of')
      // The same lines as the full output has for them.
      const full = stripAnsi(runs.stylish.stdout).split('\n')
      for (const l of lines) expect(full).toContain(l)
    }
    const none = await audit(['examples', '--quiet', '--fail-on', 'none'])
    expect([none.code, none.stdout, none.stderr]).toEqual([0, '', ''])
  })

  it('-o FILE writes the whole result there, nothing to standard output, no colour and no temporary file left', async () => {
    const json = path.join(tmp, 'out', 'audit.json')
    mkdirSync(path.dirname(json))
    const a = await audit(['examples', '--format', 'json', '-o', json])
    expect(a.code).toBe(1)
    expect(a.stdout).toBe('')
    // One line on standard error says what was written and why the exit code is 1.
    const failing = allFindings(report).filter((f) => f.severity === 'critical' || f.severity === 'high').length
    expect(userLines(a.stderr)).toEqual([`wrote ${json}: 83 systems, ${failing} findings at high or above; exit 1 because of --fail-on high`])
    expect((await audit(['examples', '--format', 'json', '-o', json, '--quiet'])).stderr).toBe('')
    expect(readFileSync(json, 'utf8')).toBe(runs.json.stdout)
    const text = path.join(tmp, 'out', 'audit.txt')
    const b = await audit(['examples', '-o', text], {env: {FORCE_COLOR: '1', NO_COLOR: ''}})
    expect(b.code).toBe(1)
    expect(b.stdout).toBe('')
    expect(readFileSync(text, 'utf8')).toBe(stripAnsi(runs.stylish.stdout))
    expect(readdirSync(path.dirname(json)).sort()).toEqual(['audit.json', 'audit.txt'])
  })
})

describe('an invalid inventory', () => {
  const BAD = 'test/fixtures/invalid/bad-enum.yaml'
  const invalid = {} as Record<Format, RunResult>
  beforeAll(async () => {
    for (const format of FORMATS) invalid[format] = await audit([BAD, '--format', format])
  })

  it.each(FORMATS)('%s: exit 2 and the error with its file:line:col on standard error', async (format) => {
    const run = invalid[format]
    expect(run.code).toBe(2)
    expect(run.stderr).toContain(BAD)
    expect(run.stderr).toMatch(/13:14\s+error\s+system 'payments': 'hosting' must be one of/)
  })

  it.each(['stylish', 'json', 'yaml', 'markdown', 'csv'] as const)('%s: nothing on standard output (no half report, no document of another shape)', async (format) => {
    expect(invalid[format].stdout).toBe('')
  })

  it.each(CI_FORMATS)('%s: still a report on standard output, holding the validation error, so an upload step has a file', async (format) => {
    const out = invalid[format].stdout
    expect(out.length).toBeGreaterThan(0)
    expect(out).toContain('bad-enum.yaml')
    expect(out).toMatch(/hosting/)
    if (format === 'sarif' || format === 'gitlab') expect(() => JSON.parse(out) as unknown).not.toThrow()
    if (format === 'github') expect(out).toMatch(/^::error file=test\/fixtures\/invalid\/bad-enum\.yaml,line=13,col=14/m)
  })
})

describe('the command line', () => {
  it.each([
    ['--as-of', '2026-02-30'],
    ['--deadline', 'nope'],
    ['--fail-on', 'extreme'],
  ])('%s %s: exit 2, a short message naming the flag, no stack trace', async (flag, value) => {
    const run = await cliRun(['audit', 'examples', flag, value])
    expect(run.code).toBe(2)
    expect(run.stdout).toBe('')
    expect(run.stderr).not.toMatch(STACK_TRACE)
    expect(run.stderr).toContain(flag)
    expect(run.stderr).toContain(value)
    expect(userLines(run.stderr).length, run.stderr).toBeLessThanOrEqual(2)
  })

  it('--deadline 2030-12-31: nothing missed yet; target dates before it are on track unless overdue or blocked', async () => {
    const {run, json} = await auditJson(['examples', '--deadline', '2030-12-31'])
    expect(run.code).toBe(1)
    expect(json.deadline).toBe('2030-12-31')
    expect(json.summary.byDeadlineStatus.missed).toBe(0)
    expect(json.summary.byDeadlineStatus['on-track']).toBeGreaterThan(0)
    expect(json.summary.byDeadlineStatus['at-risk']).toBeGreaterThan(0)
    // The README's rule, applied here to the YAML's own target dates.
    for (const [, {data}] of exampleData) {
      const department = (data as unknown as {department: {id: string}}).department.id
      for (const raw of data.systems) {
        const s = system(json, `${department}/${String(raw.id)}`)
        const migration = (raw.migration ?? {}) as {status?: string; target_date?: string}
        const blocked = s.findings.some((f) => f.severity === 'critical' && f.category !== 'deadline')
        const target = migration.target_date
        const done = migration.status === 'migrated' || migration.status === 'retired'
        const expected: DeadlineStatus = done
          ? s.deadlineStatus === 'met-late' ? 'met-late' : 'met'
          : s.retainedBy === 'classification' ? 'exempt' : !target || target > '2030-12-31' || target < AS_OF || blocked ? 'at-risk' : 'on-track'
        expect(s.deadlineStatus, s.ref).toBe(expected)
        expect(s.daysLate).toBe(0)
        expect(s.findings.map((f) => f.rule)).not.toContain('deadline-missed')
      }
    }
    // Readiness is not a deadline matter: the same classes as against the 2023 deadline.
    expect(json.systems.map((s) => s.readiness)).toEqual(report.systems.map((s) => s.readiness))
  })
})

describe('--baseline: only what is new or worse', () => {
  let estate: string
  let base: string
  let baseJson: AuditJson

  /** A copy of the base estate to change, as a pull request would. */
  const copy = (name: string) => {
    const dir = path.join(tmp, name)
    cpSync(estate, dir, {recursive: true})
    return dir
  }
  /** The text of one system's block in a file, from its `- id:` line to the next. */
  const block = (text: string, id: string): string => {
    const start = text.indexOf(`  - id: ${id}\n`)
    expect(start).toBeGreaterThan(-1)
    const next = text.indexOf('\n  - id: ', start + 1)
    return text.slice(start, next === -1 ? undefined : next)
  }
  /** Replaces `from` by `to` within one system's block of `file`. */
  const replaceInSystem = (file: string, id: string, from: string, to: string) => {
    const text = readFileSync(file, 'utf8')
    const b = block(text, id)
    expect(b).toContain(from)
    writeFileSync(file, text.replace(b, b.replace(from, to)))
  }

  beforeAll(async () => {
    estate = path.join(tmp, 'estate')
    cpSync(path.join(ROOT, 'examples'), estate, {recursive: true})
    base = path.join(tmp, 'base.audit.json')
    const run = await audit([estate, '--format', 'json', '-o', base, '--fail-on', 'none'])
    expect(run.code).toBe(0)
    baseJson = JSON.parse(readFileSync(base, 'utf8')) as AuditJson
  })

  it('an unchanged estate: exit 0, no findings, nothing new or resolved', async () => {
    const {run, json} = await auditJson([estate, '--baseline', base])
    expect(run.code).toBe(0)
    expect(allFindings(json)).toEqual([])
    expect(json.warnings).toEqual([])
    expect(json.baseline).toMatchObject({newFindings: 0, resolvedFindings: 0, readinessDropped: [], deadlineWorse: [], newSystems: []})
    expect(json.summary.systems).toBe(baseJson.summary.systems)
    const stylish = await audit([estate, '--baseline', base])
    expect(stylish.code).toBe(0)
    expect(stylish.stdout).toContain('Findings:  0 critical, 0 high, 0 medium, 0 low, 0 info')
  })

  it('a Windows Server 2008 system added: exactly that system’s findings, exit 1', async () => {
    const head = copy('head-win2008')
    const file = path.join(head, 'hmrc.yaml')
    writeFileSync(
      file,
      `${readFileSync(file, 'utf8').trimEnd()}\n\n  - id: vat-refunds\n    name: VAT Refunds\n    owner: VAT team\n    criticality: high\n    hosting: on-premises\n    platform: {os: {name: windows-server, version: "2008-r2"}, hardware: x86, virtualised: true}\n    data: {classification: OFFICIAL}\n    migration: {status: planned, target: public-cloud, target_date: 2027-06-30}\n`,
    )
    const full = await auditJson([head, '--fail-on', 'none'])
    const added = system(full.json, 'hmrc/vat-refunds')
    expect(added.findings.map((f) => f.rule)).toContain('platform-end-of-support')
    const {run, json} = await auditJson([head, '--baseline', base])
    expect(run.code).toBe(1)
    expect(json.baseline).toMatchObject({newSystems: ['hmrc/vat-refunds'], newFindings: added.findings.length, resolvedFindings: 0, readinessDropped: []})
    expect(allFindings(json)).toEqual(added.findings.map((f) => ({...f, ref: 'hmrc/vat-refunds'})))
    expectSummary(json.summary, json.systems)
  })

  it('a system removed and a finding fixed: counted as resolved, nothing new, exit 0', async () => {
    const head = copy('head-resolved')
    const file = path.join(head, 'hmrc.yaml')
    replaceInSystem(file, 'cesa', 'critical_vulnerabilities: 2', 'critical_vulnerabilities: 0')
    const text = readFileSync(file, 'utf8')
    writeFileSync(file, text.replace(block(text, 'iht-legacy'), ''))
    const {run, json} = await auditJson([head, '--baseline', base])
    expect(run.code, JSON.stringify(allFindings(json))).toBe(0)
    const gone = system(baseJson, 'hmrc/iht-legacy').findings.length
    expect(gone).toBeGreaterThan(0)
    expect(system(baseJson, 'hmrc/cesa').findings.filter((f) => f.rule === 'security-critical-vulnerabilities')).toHaveLength(1)
    expect(json.baseline).toMatchObject({newFindings: 0, resolvedFindings: gone + 1, newSystems: [], readinessDropped: []})
    expect(allFindings(json)).toEqual([])
  })

  it('a readiness drop (SECRET data now bound for public cloud): the blocker and baseline-readiness-dropped, exit 1', async () => {
    const head = copy('head-secret')
    expect(system(baseJson, 'hmrc/trade-statistics').readiness).toBe('ready')
    const file = path.join(head, 'hmrc.yaml')
    replaceInSystem(file, 'trade-statistics', 'classification: OFFICIAL', 'classification: SECRET')
    replaceInSystem(file, 'trade-statistics', 'migration: {status: not-started}', 'migration: {status: not-started, target: public-cloud}')
    const {run, json} = await auditJson([head, '--baseline', base, '--fail-on', 'critical'])
    expect(run.code).toBe(1)
    expect(json.baseline!.readinessDropped).toEqual([{ref: 'hmrc/trade-statistics', from: 'ready', to: 'not-ready'}])
    const s = system(json, 'hmrc/trade-statistics')
    expect(s.findings.map((f) => f.rule).sort()).toEqual(['baseline-readiness-dropped', 'data-secret-public-cloud'])
    const dropped = s.findings.find((f) => f.rule === 'baseline-readiness-dropped')!
    expect(dropped).toMatchObject({severity: 'high', line: s.line, column: s.column, message: 'readiness dropped from ready to not-ready since the baseline'})
    expect(allFindings(json).every((f) => f.ref === 'hmrc/trade-statistics')).toBe(true)
  })

  it('a deadline status made worse (a target date moved past the deadline): baseline-deadline-worse', async () => {
    const head = copy('head-later')
    const late = path.join(tmp, 'base-2030.audit.json')
    expect((await audit([head, '--deadline', '2030-12-31', '--format', 'json', '-o', late, '--fail-on', 'none'])).code).toBe(0)
    const before = system(JSON.parse(readFileSync(late, 'utf8')) as AuditJson, 'dwp/appointments-booking')
    expect(before.deadlineStatus).toBe('on-track')
    const file = path.join(head, 'dwp.yaml')
    const target = /target_date: (\d{4}-\d{2}-\d{2})/.exec(block(readFileSync(file, 'utf8'), 'appointments-booking'))![1]
    replaceInSystem(file, 'appointments-booking', `target_date: ${target}`, 'target_date: 2031-06-30')
    const {run, json} = await auditJson([head, '--deadline', '2030-12-31', '--baseline', late])
    expect(run.code).toBe(1)
    expect(json.baseline!.deadlineWorse).toEqual([{ref: 'dwp/appointments-booking', from: 'on-track', to: 'at-risk'}])
    expect(allFindings(json).map((f) => `${f.ref} ${f.rule}`).sort()).toEqual(['dwp/appointments-booking baseline-deadline-worse', 'dwp/appointments-booking deadline-target-after-deadline'])
  })

  it.each([
    ['not JSON', 'not-json.json', 'this is { not json\n', /is not JSON .*give the output of 'cloudready audit --format json'/],
    ['JSON of the wrong shape', 'wrong-shape.json', '{"valid": true, "errors": []}\n', /has no systems\[\]: give the output of 'cloudready audit --format json'/],
    ['a system without readiness', 'bad-system.json', '{"systems": [{"ref": "a/b", "findings": []}]}\n', /systems\[0\] is not an audited system/],
    ['missing', 'no-such-baseline.json', undefined, /cannot read the baseline .*no-such-baseline\.json: no such file/],
  ])('a baseline that is %s: exit 2 with a clear one-line message', async (_what, name, content, message) => {
    const file = path.join(tmp, name)
    if (content !== undefined) writeFileSync(file, content)
    const run = await audit(['examples', '--baseline', file, '--format', 'json'])
    expect(run.code).toBe(2)
    expect(run.stdout).toBe('')
    expect(run.stderr).toMatch(message)
    expect(userLines(run.stderr)).toHaveLength(1)
  })
})

describe('schemas/audit-report.schema.json', () => {
  it('describes every JSON report printed above (plain, --fail-on, --deadline, --baseline)', async () => {
    const ajv = new Ajv2020({strict: true, allErrors: true, allowUnionTypes: true})
    addFormats(ajv, ['date'])
    const validate = ajv.compile(JSON.parse(readFileSync(path.join(ROOT, 'schemas/audit-report.schema.json'), 'utf8')) as object)
    expect(reports.length).toBeGreaterThan(8)
    expect(reports.some((r) => r.json.baseline)).toBe(true)
    for (const {what, json} of reports) expect(validate(json), `${what}: ${JSON.stringify(validate.errors, null, 2)}`).toBe(true)
  })
})
