/**
 * The catalogue as a whole: one rule per file named by its id, complete documentation, and an
 * example that its own rule flags. `cloudready rules`, `explain` and SARIF are generated from it.
 */
import {readdirSync} from 'node:fs'
import {afterEach, describe, expect, it, vi} from 'vitest'
import {parse} from 'yaml'

import {fieldPresent} from '../../src/core/assess/index.js'
import {CATEGORIES, SEVERITIES, type System} from '../../src/core/model/types.js'
import {RULES, ruleById} from '../../src/rules/index.js'
import type {Rule} from '../../src/rules/types.js'
import {contextFor, type RuleCase} from './tester.js'

const RULES_DIR = new URL('../../src/rules/', import.meta.url)
const NOT_RULES = new Set(['index.ts', 'types.ts', 'shared.ts', 'sources.ts'])
const FILES = readdirSync(RULES_DIR).filter((f) => f.endsWith('.ts') && !NOT_RULES.has(f)).sort()

// What the example alone cannot say: the rest of the estate around it.
const ESTATE: Record<string, Partial<RuleCase>> = {
  'architecture-dependency-cycle': {cycle: ['dept/sys', 'dept/payments-gw']},
  'architecture-depends-on-not-ready': {readiness: {'dept/mainframe-ledger': 'not-ready'}},
  'architecture-hybrid-dependency': {others: {'dept/mainframe-ledger': {id: 'mainframe-ledger', name: 'Ledger', criticality: 'high', hosting: 'on-premises'}}},
  // Judged before the deadline: after it, deadline-missed reports the lateness instead.
  'deadline-target-after-deadline': {asOf: '2023-06-01'},
}

function exampleCase(rule: Rule): RuleCase {
  return {name: rule.meta.id, system: parse(rule.meta.example) as Partial<System>, ...ESTATE[rule.meta.id]}
}

function deepFreeze<T>(value: T): T {
  if (value && typeof value === 'object') {
    for (const child of Object.values(value)) deepFreeze(child)
    Object.freeze(value)
  }
  return value
}

/** Whether a JSON pointer (relative to the system) names a value that exists in it. */
function resolves(system: unknown, pointer: string): boolean {
  let node = system
  for (const part of pointer.split('/').slice(1)) {
    if (node === null || typeof node !== 'object') return false
    node = (node as Record<string, unknown>)[part.replace(/~1/g, '/').replace(/~0/g, '~')]
    if (node === undefined) return false
  }
  return true
}

describe('rule catalogue', () => {
  it('has one rule per file, whose id is the file name', async () => {
    expect(FILES.length).toBeGreaterThanOrEqual(26)
    for (const file of FILES) {
      const mod = (await import(new URL(file, RULES_DIR).href)) as {rule?: Rule}
      expect(mod.rule?.meta.id, file).toBe(file.replace(/\.ts$/, ''))
      expect(RULES, `${file} is registered in index.ts`).toContain(mod.rule)
    }
    expect(RULES).toHaveLength(FILES.length)
  })

  it('has unique ids, sorted', () => {
    const ids = RULES.map((r) => r.meta.id)
    expect(new Set(ids).size).toBe(ids.length)
    expect(ids).toEqual([...ids].sort())
  })

  it('finds rules by id', () => {
    for (const r of RULES) expect(ruleById(r.meta.id)).toBe(r)
    expect(ruleById('no-such-rule')).toBeUndefined()
    expect(ruleById('constructor')).toBeUndefined()
  })

  it('uses every category, and each id starts with its category', () => {
    expect(new Set(RULES.map((r) => r.meta.category))).toEqual(new Set(CATEGORIES))
    for (const r of RULES) expect(r.meta.id.startsWith(`${r.meta.category}-`), r.meta.id).toBe(true)
  })

  it.each(RULES.map((r) => [r.meta.id, r] as const))('%s documents itself', (_id, r) => {
    const m = r.meta
    expect(SEVERITIES).toContain(m.severity)
    expect(m.description).not.toMatch(/\n/)
    expect(m.description).toMatch(/\.$/)
    expect(m.rationale.length).toBeGreaterThan(40)
    expect(m.remedy.length).toBeGreaterThan(20)
    expect(m.sources.length).toBeGreaterThan(0)
    for (const s of m.sources) {
      expect(s.title.length).toBeGreaterThan(5)
      if (s.url !== undefined) expect(s.url).toMatch(/^https:\/\/(www\.gov\.uk|www\.ncsc\.gov\.uk|ico\.org\.uk|www\.legislation\.gov\.uk)\//)
    }
    for (const f of m.fields) expect(f).toMatch(/^[a-z_]+(\.[a-z_]+)*$/)
    for (const [name, value] of Object.entries(m.options ?? {})) {
      expect(name).toMatch(/^[a-z][A-Za-z]*$/)
      if (typeof value === 'number') expect(value).toBeGreaterThanOrEqual(0)
    }
    // Options a description names in backticks are options the rule has.
    for (const [, name] of m.description.matchAll(/`([a-zA-Z]+)`/g)) {
      if (name !== 'any') expect(m.options ?? {}, `${m.id}: ${name}`).toHaveProperty(name!)
    }
  })

  it.each(RULES.map((r) => [r.meta.id, r] as const))('%s flags its own example, with data to judge it', (_id, r) => {
    const parsed: unknown = parse(r.meta.example)
    expect(parsed).toBeTypeOf('object')
    expect(Array.isArray(parsed)).toBe(false)
    const {system, ctx} = contextFor(r, exampleCase(r))
    const has = r.hasData ? r.hasData(system, ctx) : r.meta.fields.every((f) => fieldPresent(system, f))
    expect(has === true || has === 1).toBe(true)
    const reports = r.check(deepFreeze(system), ctx)
    expect(reports.length).toBeGreaterThan(0)
    for (const report of reports) {
      expect(report.message).not.toMatch(/\n|undefined|NaN|\[object/)
      expect(resolves(system, report.pointer), `${r.meta.id}: ${report.pointer}`).toBe(true)
    }
  })
})

describe('rules are pure', () => {
  afterEach(() => {
    vi.useRealTimers()
  })

  // Every field of the inventory, set to values most rules flag.
  const RICH: Partial<System> = {
    criticality: 'critical',
    users: 50,
    platform: {os: {name: 'rhel', version: '6'}, database: {name: 'oracle-database', version: '11.2'}, runtime: {name: 'java', version: '8'}, hardware: 'mainframe', virtualised: false, architecture: 'monolith'},
    data: {classification: 'SECRET', personal_data: true, dpia_completed: false, residency: 'any', volume_gb: 1200},
    security: {last_health_check: '2022-06-30', critical_vulnerabilities: 7},
    resilience: {dr_tested: '2023-01-15'},
    contracts: [{supplier: 'Fujitsu', ends: '2028-03-31', break_clause: false}],
    licensing: {model: 'perpetual', cloud_portable: false},
    skills: {scarce: ['cobol'], in_house: 'none'},
    dependencies: ['payments-gw', 'dwp/benefits-core'],
    costs: {annual_run_gbp: 340000},
    migration: {status: 'in-progress', strategy: 'rehost', target: 'public-cloud', target_date: '2024-06-30'},
  }
  const estate: Partial<RuleCase> = {cycle: ['dept/sys', 'dept/payments-gw'], readiness: {'dwp/benefits-core': 'not-ready'}}

  it.each(RULES.map((r) => [r.meta.id, r] as const))('%s neither mutates the system nor reads the clock', (_id, r) => {
    const run = () => {
      const {system, ctx} = contextFor(r, {name: '', system: structuredClone(RICH), ...estate})
      return r.check(deepFreeze(system), ctx)
    }
    vi.useFakeTimers({toFake: ['Date']})
    vi.setSystemTime(new Date('2000-01-01T00:00:00Z'))
    const early = run()
    vi.setSystemTime(new Date('2099-12-31T23:59:59Z'))
    expect(run()).toEqual(early)
    const {system} = contextFor(r, {name: '', system: structuredClone(RICH)})
    for (const report of early) expect(resolves(system, report.pointer), `${r.meta.id}: ${report.pointer}`).toBe(true)
  })

  it('exercises every rule but those the rich system cannot trigger', () => {
    const silent = RULES.filter((r) => {
      const {system, ctx} = contextFor(r, {name: '', system: structuredClone(RICH), ...estate})
      return r.check(system, ctx).length === 0
    }).map((r) => r.meta.id)
    // It has a classification and a target date, a mainframe (so no x86 to virtualise), and only
    // products the table knows, long past or far from their end of support; it is judged after the
    // deadline, when deadline-missed (not deadline-target-after-deadline) reports the lateness. Its
    // dependencies are not in the estate (no hybrid link to judge), its data is 1.2 TB and its OS is RHEL.
    expect(silent).toEqual([
      'architecture-hybrid-dependency',
      'data-classification-missing',
      'data-large-volume',
      'deadline-no-target-date',
      'deadline-target-after-deadline',
      'platform-not-virtualised',
      'platform-os-no-cloud',
      'platform-support-ending',
      'platform-unknown-lifecycle',
    ])
  })
})

describe('what the catalogue says of each rule, in words a user reads (rules, explain, the README, SARIF)', () => {
  it.each(RULES.map((r) => [r.meta.id, r] as const))('%s: names the fields it reads, and its thresholds as values, not as placeholders', (_id, rule) => {
    const reads = rule.meta.reads ?? rule.meta.fields
    expect(reads.length, 'the fields it reads').toBeGreaterThan(0)
    for (const option of Object.keys(rule.meta.options ?? {})) {
      expect(rule.meta.description, `the option ${option} is not a placeholder in the description`).not.toContain(`\`${option}\``)
    }
  })
})
