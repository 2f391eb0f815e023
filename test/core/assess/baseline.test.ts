/**
 * The base-versus-head gate at unit level (src/core/assess/baseline.ts): a finding's identity across
 * runs, reading a baseline (the JSON `audit --format json` printed), and narrowing a head report to
 * what it adds or makes worse. Reports come from the real loader and assessment, and from the JSON
 * formatter, as `audit --baseline` sees them.
 */
import {describe, expect, it} from 'vitest'
import {stringify} from 'yaml'

import {applyBaseline, BASELINE_RULES, findingKey, parseBaseline} from '../../../src/core/assess/baseline.js'
import {assess} from '../../../src/core/assess/index.js'
import type {AuditReport} from '../../../src/core/assess/report.js'
import {activeRules, EMPTY_CONFIG} from '../../../src/core/config/index.js'
import {UsageError} from '../../../src/core/errors.js'
import {defaultLifecycle} from '../../../src/core/lifecycle/index.js'
import {parseBuffer} from '../../../src/core/load/index.js'
import type {Diagnostic} from '../../../src/core/model/types.js'
import {validateDocuments} from '../../../src/core/validate/index.js'
import {auditData} from '../../../src/formatters/audit/data.js'

const AS_OF = '2026-11-27'
type SystemData = Record<string, unknown>

const SYSTEMS: SystemData[] = [
  {
    id: 'payments',
    name: 'Payments',
    owner: 'Payments team',
    criticality: 'high',
    hosting: 'on-premises',
    platform: {os: {name: 'rhel', version: '7'}, hardware: 'x86', virtualised: true},
    data: {classification: 'OFFICIAL', personal_data: true, dpia_completed: true, residency: 'uk'},
    security: {last_health_check: '2026-06-01', critical_vulnerabilities: 2},
    dependencies: ['ledger'],
    migration: {status: 'planned', target: 'public-cloud', target_date: '2028-06-30'},
  },
  {
    id: 'ledger',
    name: 'Ledger',
    owner: 'Finance IT',
    criticality: 'medium',
    hosting: 'on-premises',
    platform: {os: {name: 'rhel', version: '9'}, hardware: 'x86', virtualised: true},
    data: {classification: 'OFFICIAL', personal_data: false, residency: 'uk'},
    security: {last_health_check: '2026-06-01', critical_vulnerabilities: 0},
    migration: {status: 'planned', target: 'public-cloud', target_date: '2028-06-30'},
  },
  {id: 'archive', name: 'Archive', criticality: 'low', hosting: 'on-premises'},
]

const clone = <T>(x: T): T => JSON.parse(JSON.stringify(x)) as T

/** An audit report of one department, as runAudit builds it (config defaults, the shipped lifecycle table). */
async function report(systems: SystemData[], options: {deadline?: string; warnings?: Diagnostic[]} = {}): Promise<AuditReport> {
  const text = stringify({apiVersion: 'cloudready/v1', kind: 'Inventory', department: {id: 'fin', name: 'Finance'}, systems})
  const {document, diagnostics} = parseBuffer('fin.yaml', Buffer.from(text))
  expect(diagnostics).toEqual([])
  const validated = await validateDocuments([document!])
  expect(validated.diagnostics.filter((d) => d.severity === 'error')).toEqual([])
  const rules = await activeRules(EMPTY_CONFIG)
  const lifecycle = defaultLifecycle()
  const assessment = assess(validated.estate, {asOf: AS_OF, deadline: options.deadline ?? '2030-12-31', lifecycle, rules})
  return {
    tool: {name: 'cloudready', version: '0.0.0-test'},
    ...assessment,
    failOn: 'high',
    files: ['fin.yaml'],
    warnings: options.warnings ?? [],
    rules: rules.map((r) => ({...r.rule.meta, severity: r.severity})),
    lifecycleSource: lifecycle.source,
  }
}

/** The baseline file a previous run would have written: `audit --format json`. */
const baselineOf = (r: AuditReport) => parseBaseline(JSON.stringify(auditData(r), null, 2), 'base.audit.json')
const keys = (r: AuditReport) => r.systems.flatMap((s) => s.findings.map((f) => `${s.ref} ${f.rule} ${f.pointer.replace(/^\/systems\/\d+/, '')}`)).sort()

describe('findingKey', () => {
  it("is the rule, the system and the place within the system: not the system's index in its file", () => {
    expect(findingKey('fin/payments', 'platform-end-of-support', '/systems/0/platform/os/version')).toBe(findingKey('fin/payments', 'platform-end-of-support', '/systems/12/platform/os/version'))
    expect(findingKey('fin/payments', 'people-no-owner', '/systems/3')).toBe(findingKey('fin/payments', 'people-no-owner', '/systems/0'))
  })

  it.each([
    ['another rule', ['fin/payments', 'platform-support-ending', '/systems/0/platform/os/version']],
    ['another system', ['fin/ledger', 'platform-end-of-support', '/systems/0/platform/os/version']],
    ['another place in the system', ['fin/payments', 'platform-end-of-support', '/systems/0/platform/database/version']],
    ['the system itself rather than a field', ['fin/payments', 'platform-end-of-support', '/systems/0']],
  ])('tells apart %s', (_what, [ref, rule, pointer]) => {
    expect(findingKey(ref, rule, pointer)).not.toBe(findingKey('fin/payments', 'platform-end-of-support', '/systems/0/platform/os/version'))
  })

  it('cannot be confused by names that run into each other', () => {
    expect(findingKey('a/b', 'c', '/systems/0/d')).not.toBe(findingKey('a', 'b/c', '/systems/0/d'))
    expect(findingKey('fin/x', 'rule', '/systems/1/dependencies/10')).not.toBe(findingKey('fin/x', 'rule', '/systems/1/dependencies/1'))
    // Only the leading /systems/N is the system's index; one deeper in the pointer is part of the place.
    expect(findingKey('fin/x', 'rule', '/systems/1/x-systems/systems/2')).not.toBe(findingKey('fin/x', 'rule', '/systems/1/x-systems/systems/3'))
  })
})

describe('parseBaseline', () => {
  it('reads what audit --format json printed', async () => {
    const base = baselineOf(await report(SYSTEMS))
    expect(base.asOf).toBe(AS_OF)
    expect([...base.systems.keys()].sort()).toEqual(['fin/archive', 'fin/ledger', 'fin/payments'])
    expect(base.systems.get('fin/archive')!.readiness).toBe('unknown')
  })

  it.each([
    ['not JSON', 'readiness: ready\n', /--baseline b\.json is not JSON \(.*\): give the output of 'cloudready audit --format json'/],
    ['a list', '[]', /has no systems\[\]/],
    ['null', 'null', /has no systems\[\]/],
    ['the JSON of validate', '{"valid": true, "errors": [], "warnings": [], "files": []}', /has no systems\[\]/],
    ['a system with an unknown readiness', '{"systems": [{"ref": "a/b", "readiness": "nearly", "deadlineStatus": "met", "findings": []}]}', /systems\[0\] is not an audited system/],
    ['a system without findings[]', '{"systems": [{"ref": "a/b", "readiness": "ready", "deadlineStatus": "met"}]}', /systems\[0\] is not an audited system/],
    ['a readiness named like an Object member', '{"systems": [{"ref": "a/b", "readiness": "toString", "deadlineStatus": "met", "findings": []}]}', /systems\[0\] is not an audited system/],
    ['a finding without a pointer', '{"systems": [{"ref": "a/b", "readiness": "ready", "deadlineStatus": "met", "findings": [{"rule": "x"}]}]}', /systems\[0\] has a finding without rule and pointer/],
  ])('%s: a UsageError (exit 2) that says what to give it', (_what, text, message) => {
    let error: unknown
    try {
      parseBaseline(text, 'b.json')
    } catch (error_) {
      error = error_
    }
    expect(error).toBeInstanceOf(UsageError)
    expect((error as Error).message).toMatch(message)
    expect((error as Error).message).not.toContain('\n')
  })
})

describe('applyBaseline', () => {
  it('an unchanged estate: no findings, nothing new, resolved, dropped or worse', async () => {
    const head = await report(SYSTEMS)
    expect(keys(head).length).toBeGreaterThan(5)
    const out = applyBaseline(head, baselineOf(await report(SYSTEMS)), 'base.json')
    expect(out.systems.flatMap((s) => s.findings)).toEqual([])
    expect(out.baseline).toMatchObject({file: 'base.json', asOf: AS_OF, newFindings: 0, resolvedFindings: 0, readinessDropped: [], deadlineWorse: [], newSystems: []})
    expect(out.summary.bySeverity).toEqual({critical: 0, high: 0, medium: 0, low: 0, info: 0})
    // Readiness, scores and the rest of each system are the head's.
    expect(out.systems.map((s) => [s.ref, s.readiness, s.score])).toEqual(head.systems.map((s) => [s.ref, s.readiness, s.score]))
    expect(out.rules.map((r) => r.id).slice(-2)).toEqual(BASELINE_RULES.map((r) => r.id))
  })

  it('systems reordered and lines moved (a comment above, a system added before): still nothing new', async () => {
    const base = baselineOf(await report(SYSTEMS))
    const moved = [{id: 'intro', name: 'Introduced first', criticality: 'low', hosting: 'saas', migration: {status: 'migrated'}}, ...clone(SYSTEMS).reverse()]
    const head = await report(moved)
    const out = applyBaseline(head, base, 'base.json')
    expect(out.baseline!.newSystems).toEqual(['fin/intro'])
    const intro = head.systems.find((s) => s.ref === 'fin/intro')!
    expect(out.systems.flatMap((s) => s.findings.map((f) => f.ref))).toEqual(intro.findings.map(() => 'fin/intro'))
    expect(out.baseline!.newFindings).toBe(intro.findings.length)
    expect(out.baseline!.resolvedFindings).toBe(0)
  })

  it('a new finding on an old system is kept, with where it is; the old ones are not', async () => {
    const baseReport = await report(SYSTEMS)
    expect(baseReport.systems.find((s) => s.ref === 'fin/payments')!.readiness).toBe('ready-with-conditions')
    const changed = clone(SYSTEMS)
    delete changed[0].owner
    const head = await report(changed)
    const out = applyBaseline(head, baselineOf(baseReport), 'base.json')
    const findings = out.systems.flatMap((s) => s.findings)
    expect(findings.map((f) => [f.ref, f.rule, f.severity, f.pointer])).toEqual([['fin/payments', 'people-no-owner', 'medium', '/systems/0']])
    expect(findings[0].line).toBeGreaterThan(1)
    expect(out.baseline).toMatchObject({newFindings: 1, resolvedFindings: 0, readinessDropped: [], newSystems: []})
    expect(out.summary.bySeverity).toEqual({critical: 0, high: 0, medium: 1, low: 0, info: 0})
  })

  it('a new condition on a ready system: the finding and the readiness drop', async () => {
    const changed = clone(SYSTEMS)
    ;(changed[1].data as Record<string, unknown>).personal_data = true
    const out = applyBaseline(await report(changed), baselineOf(await report(SYSTEMS)), 'base.json')
    expect(out.systems.flatMap((s) => s.findings).map((f) => [f.ref, f.rule, f.pointer])).toEqual([
      ['fin/ledger', 'data-dpia-missing', '/systems/1/data'],
      ['fin/ledger', 'baseline-readiness-dropped', '/systems/1'],
    ])
    expect(out.baseline!.readinessDropped).toEqual([{ref: 'fin/ledger', from: 'ready', to: 'ready-with-conditions'}])
  })

  it('a system removed and a finding fixed: counted as resolved', async () => {
    const baseReport = await report(SYSTEMS)
    const fixed = clone(SYSTEMS).filter((s) => s.id !== 'archive')
    ;(fixed[0].security as Record<string, unknown>).critical_vulnerabilities = 0
    const out = applyBaseline(await report(fixed), baselineOf(baseReport), 'base.json')
    const archive = baseReport.systems.find((s) => s.ref === 'fin/archive')!.findings.length
    expect(archive).toBeGreaterThan(0)
    expect(out.baseline).toMatchObject({newFindings: 0, resolvedFindings: archive + 1, newSystems: [], readinessDropped: []})
    expect(out.systems.flatMap((s) => s.findings)).toEqual([])
  })

  it('a readiness drop: baseline-readiness-dropped, high, at the system; an improvement: nothing', async () => {
    const worse = clone(SYSTEMS)
    ;(worse[1].data as Record<string, unknown>).classification = 'SECRET'
    const baseReport = await report(SYSTEMS)
    expect(baseReport.systems.find((s) => s.ref === 'fin/ledger')!.readiness).toBe('ready')
    const head = await report(worse)
    const out = applyBaseline(head, baselineOf(baseReport), 'base.json')
    const ledger = out.systems.find((s) => s.ref === 'fin/ledger')!
    expect(ledger.readiness).toBe('not-ready')
    const dropped = ledger.findings.find((f) => f.rule === 'baseline-readiness-dropped')!
    expect(dropped).toMatchObject({category: 'architecture', severity: 'high', file: ledger.file, line: ledger.line, column: ledger.column, pointer: ledger.pointer, ref: 'fin/ledger'})
    expect(dropped.message).toBe('readiness dropped from ready to not-ready since the baseline')
    expect(out.baseline!.readinessDropped).toEqual([{ref: 'fin/ledger', from: 'ready', to: 'not-ready'}])
    // payments depends on ledger, now not ready: a new condition, reported as a new finding there.
    expect(out.systems.find((s) => s.ref === 'fin/payments')!.findings.map((f) => f.rule)).toEqual(['architecture-depends-on-not-ready'])

    // The other way round (the head better than the base): no gate finding.
    const back = applyBaseline(baseReport, baselineOf(head), 'head.json')
    expect(back.baseline!.readinessDropped).toEqual([])
    expect(back.systems.flatMap((s) => s.findings).filter((f) => f.rule.startsWith('baseline-'))).toEqual([])
    expect(back.baseline!.resolvedFindings).toBeGreaterThan(0)
  })

  it('a deadline status made worse: baseline-deadline-worse (a deadline finding: readiness unaffected)', async () => {
    const later = clone(SYSTEMS)
    ;(later[1].migration as Record<string, unknown>).target_date = '2031-03-31'
    const baseReport = await report(SYSTEMS)
    const head = await report(later)
    expect(baseReport.systems.find((s) => s.ref === 'fin/ledger')!.deadlineStatus).toBe('on-track')
    const out = applyBaseline(head, baselineOf(baseReport), 'base.json')
    const ledger = out.systems.find((s) => s.ref === 'fin/ledger')!
    expect(ledger.findings.map((f) => [f.rule, f.category, f.severity])).toEqual([
      ['deadline-target-after-deadline', 'deadline', 'high'],
      ['baseline-deadline-worse', 'deadline', 'high'],
    ])
    expect(out.baseline!.deadlineWorse).toEqual([{ref: 'fin/ledger', from: 'on-track', to: 'at-risk'}])
    expect(ledger.readiness).toBe(head.systems.find((s) => s.ref === 'fin/ledger')!.readiness)
  })

  it("validation warnings the base already had are not repeated; new ones are kept", async () => {
    const old: Diagnostic = {severity: 'warning', code: 'external-dependency', message: "depends on 'dvla/x'", file: 'fin.yaml', line: 3, column: 5, pointer: '/systems/0/dependencies/0'}
    const moved = {...old, line: 9}
    const fresh = {...old, message: "depends on 'dvla/y'"}
    const out = applyBaseline(await report(SYSTEMS, {warnings: [moved, fresh]}), baselineOf(await report(SYSTEMS, {warnings: [old]})), 'base.json')
    expect(out.warnings).toEqual([fresh])
  })

  it('a baseline of another estate: every head system is new, every base finding resolved', async () => {
    const head = await report(SYSTEMS)
    const other = parseBaseline(JSON.stringify({asOf: '2026-01-01', systems: [{ref: 'dwp/cis', readiness: 'not-ready', deadlineStatus: 'missed', findings: [{rule: 'r', pointer: '/systems/0'}]}]}), 'other.json')
    const out = applyBaseline(head, other, 'other.json')
    expect(out.baseline!.newSystems).toEqual(head.systems.map((s) => s.ref))
    expect(out.baseline!.newFindings).toBe(keys(head).length)
    expect(out.baseline!.resolvedFindings).toBe(1)
    expect(out.baseline!.asOf).toBe('2026-01-01')
    expect(keys(out)).toEqual(keys(head))
  })
})
