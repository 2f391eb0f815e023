/**
 * How a system is judged (README "How a system is judged"), in-process on small estates read by the
 * real loader and validator: readiness, score, confidence and deadline status, each derived exactly
 * as the README states, one table per verdict. Findings of chosen severities come from custom rules
 * (rules written as data, with every built-in rule off), so the arithmetic is tested on its own.
 */
import {describe, expect, it} from 'vitest'
import {stringify} from 'yaml'

import {assess, type Assessment, deadlineStatus, fieldPresent, MIN_CONFIDENCE, SCORE_PENALTY, summarise, type SystemAssessment} from '../../../src/core/assess/index.js'
import {activeRules, type Config, type CustomRuleConfig, EMPTY_CONFIG} from '../../../src/core/config/index.js'
import {defaultLifecycle} from '../../../src/core/lifecycle/index.js'
import {parseBuffer} from '../../../src/core/load/index.js'
import type {Category, Estate, Finding, Severity} from '../../../src/core/model/types.js'
import {validateDocuments} from '../../../src/core/validate/index.js'
import {RULES} from '../../../src/rules/index.js'
import {contextFor} from '../../rules/tester.js'

const AS_OF = '2026-11-27'

type SystemData = Record<string, unknown>
interface Department {
  id: string
  systems: SystemData[]
}

/** Writes each department as YAML, reads it back with the real loader and validator: an estate as the CLI sees it. */
async function estateOf(departments: Department[]): Promise<Estate> {
  const documents = departments.map((d) => {
    const text = stringify({apiVersion: 'cloudready/v1', kind: 'Inventory', department: {id: d.id, name: `Department ${d.id}`}, systems: d.systems})
    const {document, diagnostics} = parseBuffer(`${d.id}.yaml`, Buffer.from(text))
    expect(diagnostics).toEqual([])
    return document!
  })
  const {estate, diagnostics} = await validateDocuments(documents)
  expect(diagnostics.filter((d) => d.severity === 'error')).toEqual([])
  return estate
}

interface JudgeOptions {
  asOf?: string
  deadline?: string
  config?: Config
}

async function judgeEstate(departments: Department[], options: JudgeOptions = {}): Promise<Assessment> {
  const estate = await estateOf(departments)
  const rules = await activeRules(options.config ?? EMPTY_CONFIG)
  return assess(estate, {asOf: options.asOf ?? AS_OF, deadline: options.deadline ?? '2023-12-31', lifecycle: defaultLifecycle(), rules})
}

/** One department of these systems; the assessment of each, by id. */
async function judge(systems: SystemData[], options: JudgeOptions = {}): Promise<Map<string, SystemAssessment>> {
  const a = await judgeEstate([{id: 'dept', systems}], options)
  return new Map(a.systems.map((s) => [s.id, s]))
}

async function judgeOne(system: SystemData, options: JudgeOptions = {}): Promise<SystemAssessment> {
  return (await judge([system], options)).get(String(system.id))!
}

/** Only the required fields. */
const MINIMAL: SystemData = {id: 'sys', name: 'A system', criticality: 'medium', hosting: 'on-premises'}

/** Every field known, nothing wrong: planned for public cloud in mid-2027. */
const FULL: SystemData = {
  id: 'sys',
  name: 'A well-kept system',
  owner: 'Digital team',
  criticality: 'high',
  users: 50_000,
  hosting: 'on-premises',
  platform: {
    os: {name: 'rhel', version: '9'},
    database: {name: 'postgresql', version: '17'},
    runtime: {name: 'java', version: '21'},
    hardware: 'x86',
    virtualised: true,
    architecture: 'n-tier',
  },
  data: {classification: 'OFFICIAL', personal_data: true, dpia_completed: true, residency: 'uk', volume_gb: 200},
  security: {last_health_check: '2026-06-01', critical_vulnerabilities: 0},
  resilience: {rto_hours: 4, dr_tested: '2026-05-01'},
  contracts: [{supplier: 'A Supplier', ends: '2027-09-30', break_clause: true}],
  licensing: {model: 'open-source', cloud_portable: true},
  skills: {scarce: [], in_house: 'adequate'},
  dependencies: [],
  costs: {annual_run_gbp: 120_000},
  migration: {status: 'planned', strategy: 'rehost', target: 'public-cloud', target_date: '2027-06-30'},
}

/** FULL with some parts replaced (a shallow merge of each top-level section). */
function full(over: Record<string, unknown> = {}): SystemData {
  const out: SystemData = {...FULL}
  for (const [k, v] of Object.entries(over)) {
    const base = FULL[k]
    out[k] = v !== null && typeof v === 'object' && !Array.isArray(v) && base !== null && typeof base === 'object' && !Array.isArray(base) ? {...base, ...v} : v
  }
  return out
}

/** A config with every built-in rule off but these, plus these custom rules. */
function only(ids: string[], customRules: CustomRuleConfig[] = [], rules: Config['rules'] = {}): Config {
  const off = Object.fromEntries(RULES.filter((r) => !ids.includes(r.meta.id)).map((r) => [r.meta.id, 'off' as const]))
  return {...EMPTY_CONFIG, rules: {...off, ...rules}, customRules}
}

/** A custom rule that flags every system, with this severity and category. */
function flag(i: number, severity: Severity, category: Category = 'platform'): CustomRuleConfig {
  return {id: `flag-${i}`, category, severity, message: `flag ${i} (${severity}, ${category})`, when: {}}
}

const rules = (s: SystemAssessment) => s.findings.map((f) => f.rule).sort()

/** README "Score": the raw score (100 less the penalties) placed in its readiness class's band. */
const BANDS: Record<string, [number, number]> = {ready: [70, 100], 'ready-with-conditions': [35, 69], 'not-ready': [0, 34], unknown: [0, 34]}
const banded = (raw: number, readiness: string) => BANDS[readiness][0] + Math.round((Math.max(0, raw) * (BANDS[readiness][1] - BANDS[readiness][0])) / 100)

describe('readiness', () => {
  // A deadline of 2030 keeps deadline findings out of the way of the other verdicts.
  const LATER = {deadline: '2030-12-31'}
  // [case, readiness, system, options, every rule that finds something, score]
  it.each<[string, string, SystemData, JudgeOptions, string[], number]>([
    ['nothing found', 'ready', full(), LATER, [], 100],
    ['only deadline findings (the 2023 deadline passed, target after it)', 'ready', full(), {}, ['deadline-missed'], 100],
    [
      'a deadline rule made critical by the config still changes nothing',
      'ready',
      full(),
      {config: {...EMPTY_CONFIG, rules: {'deadline-missed': 'critical'}}},
      ['deadline-missed'],
      100,
    ],
    ['an info finding (an OS the lifecycle table does not know)', 'ready', full({platform: {os: {name: 'acme-os'}}}), LATER, ['platform-unknown-lifecycle'], 100],
    ['a blocker of high severity: an OS no cloud runs', 'not-ready', full({platform: {os: {name: 'vme'}}}), LATER, ['platform-os-no-cloud', 'platform-unknown-lifecycle'], 80],
    ['a blocker of high severity: SPARC hardware', 'not-ready', full({platform: {hardware: 'sparc'}}), LATER, ['architecture-strategy-contradicted', 'platform-specialist-hardware'], 60],
    ['a low finding (security support ends within 12 months, after the move)', 'ready', full({platform: {os: {name: 'windows-server', version: '2016'}}, migration: {target_date: '2026-12-31'}}), LATER, ['platform-support-ending'], 96],
    ['a medium finding (security support ends before the move)', 'ready-with-conditions', full({platform: {os: {name: 'windows-server', version: '2016'}}}), LATER, ['platform-support-ending'], 90],
    ['a medium finding (IT Health Check over a year old)', 'ready-with-conditions', full({security: {last_health_check: '2025-01-10'}}), LATER, ['security-health-check-stale'], 90],
    ['a high finding (personal data, no DPIA)', 'ready-with-conditions', full({data: {dpia_completed: false}}), LATER, ['data-dpia-missing'], 80],
    [
      'a critical finding: SECRET data bound for public cloud',
      'not-ready',
      full({data: {classification: 'SECRET'}, migration: {strategy: 'replatform'}}),
      LATER,
      ['architecture-strategy-contradicted', 'data-secret-public-cloud'],
      40,
    ],
    ['a critical finding: five critical vulnerabilities', 'not-ready', full({security: {critical_vulnerabilities: 5}}), LATER, ['security-critical-vulnerabilities'], 60],
    [
      'critical beats unknown: SECRET on public cloud with little else known',
      'not-ready',
      {...MINIMAL, hosting: 'public-cloud', data: {classification: 'SECRET'}},
      LATER,
      // Retained by its classification: exempt from the deadline, so no deadline finding.
      ['data-quality-gaps', 'data-secret-public-cloud', 'people-no-owner', 'security-health-check-stale'],
      36,
    ],
    ['no classification, everything else known: unknown', 'unknown', full({data: {classification: undefined}}), LATER, ['data-classification-missing'], 90],
    ['only the required fields: unknown', 'unknown', MINIMAL, LATER, ['data-classification-missing', 'data-quality-gaps', 'deadline-no-target-date', 'people-no-owner', 'security-health-check-stale'], 66],
    ['a classification but little else: unknown (confidence under 0.5)', 'unknown', {...MINIMAL, data: {classification: 'OFFICIAL'}}, LATER, ['data-quality-gaps', 'deadline-no-target-date', 'people-no-owner', 'security-health-check-stale'], 76],
  ])('%s → %s', async (name, readiness, system, options, expectedRules, score) => {
    const s = await judgeOne(JSON.parse(JSON.stringify(system)) as SystemData, options)
    expect(s.readiness).toBe(readiness)
    expect(rules(s)).toEqual(expectedRules)
    expect(s.score).toBe(banded(score, readiness))
    // A not-ready system names what blocks it; a system that is not ready has a path to ready; a ready one has none.
    expect(s.blockers.length > 0).toBe(readiness === 'not-ready')
    expect(s.pathToReady.length > 0).toBe(readiness !== 'ready')
    if (readiness === 'unknown') expect(s.pathToReady[0].rule).toBe('too-little-data')
    if (readiness === 'unknown' && !expectedRules.includes('data-classification-missing')) expect(s.confidence, name).toBeLessThan(MIN_CONFIDENCE)
    if (readiness !== 'unknown' && readiness !== 'not-ready') expect(s.confidence, name).toBeGreaterThanOrEqual(MIN_CONFIDENCE)
  })

  it('a dependency on a not-ready system adds a condition (medium), never a blocker; on an unknown one, nothing', async () => {
    const judged = await judge(
      [
        {...full(), id: 'blocked', security: {last_health_check: '2026-06-01', critical_vulnerabilities: 9}},
        {...MINIMAL, id: 'vague'},
        {...full(), id: 'needs-blocked', dependencies: ['blocked']},
        {...full(), id: 'needs-vague', dependencies: ['vague']},
      ],
      LATER,
    )
    expect(judged.get('blocked')!.readiness).toBe('not-ready')
    expect(judged.get('vague')!.readiness).toBe('unknown')
    const a = judged.get('needs-blocked')!
    expect(a.readiness).toBe('ready-with-conditions')
    expect(a.findings.map((f) => [f.rule, f.severity, f.pointer])).toEqual([['architecture-depends-on-not-ready', 'medium', '/systems/2/dependencies/0']])
    // Nothing for depending on an unknown system; but 'vague' stays on premises while 'needs-vague' is
    // bound for public cloud: a hybrid link, a condition of its own.
    expect(judged.get('needs-vague')!.findings.map((f) => [f.rule, f.severity])).toEqual([['architecture-hybrid-dependency', 'medium']])
  })

  it('a dependency on a not-ready system in another department counts too', async () => {
    const a = await judgeEstate(
      [
        {id: 'hmrc', systems: [{...full(), id: 'nps', dependencies: ['dwp/cis']}]},
        {id: 'dwp', systems: [{...full(), id: 'cis', data: {...(FULL.data as object), classification: 'TOP-SECRET'}}]},
      ],
      LATER,
    )
    const bySystem = new Map(a.systems.map((s) => [s.ref, s]))
    expect(bySystem.get('dwp/cis')!.readiness).toBe('not-ready')
    expect(bySystem.get('hmrc/nps')!.readiness).toBe('ready-with-conditions')
    expect(rules(bySystem.get('hmrc/nps')!)).toEqual(['architecture-depends-on-not-ready'])
  })
})

describe('score: 100 − 40 per critical, 20 per high, 10 per medium, 4 per low (info 0), floored at 0, deadline findings aside', () => {
  it('the penalties are the README table', () => {
    expect(SCORE_PENALTY).toEqual({critical: 40, high: 20, medium: 10, low: 4, info: 0})
  })

  // [case, score, readiness, the findings' severities (and categories)]
  it.each<[string, number, string, Array<[Severity, Category?]>]>([
    ['no finding', 100, 'ready', []],
    ['one critical', 60, 'not-ready', [['critical']]],
    ['one high', 80, 'ready-with-conditions', [['high']]],
    ['one medium', 90, 'ready-with-conditions', [['medium']]],
    ['one low', 96, 'ready', [['low']]],
    ['one info', 100, 'ready', [['info']]],
    ['one of each', 26, 'not-ready', [['critical'], ['high'], ['medium'], ['low'], ['info']]],
    ['two high and three low', 48, 'ready-with-conditions', [['high'], ['high'], ['low'], ['low'], ['low']]],
    ['five high: exactly 0', 0, 'ready-with-conditions', [['high'], ['high'], ['high'], ['high'], ['high']]],
    ['three critical: floored at 0, not −20', 0, 'not-ready', [['critical'], ['critical'], ['critical']]],
    ['deadline findings of any severity: not counted, readiness unchanged', 100, 'ready', [['critical', 'deadline'], ['high', 'deadline'], ['medium', 'deadline']]],
    ['a deadline critical beside a low', 96, 'ready', [['critical', 'deadline'], ['low', 'cost']]],
  ])('%s → %i, %s', async (_name, score, readiness, severities) => {
    const config = only([], severities.map(([severity, category], i) => flag(i, severity, category)))
    const s = await judgeOne(MINIMAL, {config})
    // One fact, one finding: the deadline findings become one, the most severe, carrying the rest.
    const deadline = severities.filter(([, c]) => c === 'deadline').length
    expect(s.findings).toHaveLength(severities.length - deadline + Math.min(1, deadline))
    expect(s.score).toBe(banded(score, readiness))
    expect(s.readiness).toBe(readiness)
    // Every rule had what it needed (custom rules with no fields): full confidence.
    expect(s.confidence).toBe(1)
  })

  it('a severity set by the config is the one that counts', async () => {
    const stale = full({security: {last_health_check: '2025-01-10'}})
    const base = await judgeOne(stale, {deadline: '2030-12-31'})
    const raised = await judgeOne(stale, {deadline: '2030-12-31', config: {...EMPTY_CONFIG, rules: {'security-health-check-stale': {severity: 'critical'}}}})
    expect(base.score).toBe(banded(90, 'ready-with-conditions'))
    expect(raised.score).toBe(banded(60, 'not-ready'))
    expect(raised.readiness).toBe('not-ready')
    const off = await judgeOne(stale, {deadline: '2030-12-31', config: {...EMPTY_CONFIG, rules: {'security-health-check-stale': 'off'}}})
    expect(off.score).toBe(banded(100, 'ready'))
    expect(off.readiness).toBe('ready')
  })
})

describe('confidence = the share of the enabled rules that had the data they need', () => {
  // Four rules, each needing one field.
  const FOUR = ['platform-not-virtualised', 'people-scarce-skills', 'commercial-licence-not-portable', 'data-dpia-missing']
  const fields: SystemData[] = [{platform: {virtualised: true}}, {skills: {scarce: []}}, {licensing: {cloud_portable: true}}, {data: {personal_data: false}}]
  const withFields = (n: number): SystemData => Object.assign({}, MINIMAL, ...fields.slice(0, n)) as SystemData

  it.each([
    [0, 0, 'unknown'],
    [1, 0.25, 'unknown'],
    [2, 0.5, 'ready'],
    [3, 0.75, 'ready'],
    [4, 1, 'ready'],
  ])('%i of 4 rules with their data → %d (%s: unknown only under 0.5)', async (n, confidence, readiness) => {
    const s = await judgeOne(withFields(n), {config: only(FOUR)})
    expect(s.findings).toEqual([])
    expect(s.confidence).toBe(confidence)
    expect(s.readiness).toBe(readiness)
  })

  it('a second-pass rule counts the same in the readiness it decides and in the confidence it reports', async () => {
    // architecture-depends-on-not-ready runs after every system is judged, and always has its data:
    // one of three first-pass rules plus it is 2 of 4 = 0.5, which is not under 0.5.
    const s = await judgeOne(withFields(1), {config: only(['architecture-depends-on-not-ready', ...FOUR.slice(0, 3)])})
    expect(s.confidence).toBe(0.5)
    expect(s.readiness).toBe('ready')
  })

  it('a custom rule is one more criterion, judged only when its fields are there', async () => {
    const needsCost: CustomRuleConfig = {id: 'needs-cost', category: 'cost', severity: 'info', message: 'x', fields: ['costs.annual_run_gbp'], when: {not: {}}}
    const without = await judgeOne(withFields(2), {config: only(FOUR, [needsCost])})
    expect(without.confidence).toBe(0.4)
    expect(without.readiness).toBe('unknown')
    const withCost = await judgeOne({...withFields(2), costs: {annual_run_gbp: 1}}, {config: only(FOUR, [needsCost])})
    expect(withCost.confidence).toBe(0.6)
  })

  it('with every rule, the share of the catalogue whose fields (or own data check) the system has', async () => {
    for (const system of [MINIMAL, {...MINIMAL, data: {classification: 'OFFICIAL'}, platform: {os: {name: 'rhel', version: '8'}}}, full(), full({contracts: undefined, costs: undefined})]) {
      const clean = JSON.parse(JSON.stringify(system)) as SystemData
      const s = await judgeOne(clean)
      const judged = RULES.filter((rule) => {
        const {system: sys, ctx} = contextFor(rule, {name: rule.meta.id, system: clean as never})
        return rule.hasData ? rule.hasData(sys, ctx) : rule.meta.fields.every((f) => fieldPresent(sys, f))
      }).length
      expect(s.confidence, JSON.stringify(clean)).toBe(Math.round((judged / RULES.length) * 100) / 100)
    }
    expect((await judgeOne(FULL)).confidence).toBe(1)
  })

  it('a product the lifecycle table does not know counts as missing data', async () => {
    const known = await judgeOne({...MINIMAL, platform: {os: {name: 'rhel', version: '9'}}})
    const unknown = await judgeOne({...MINIMAL, platform: {os: {name: 'zos', version: '2.4'}}})
    const badVersion = await judgeOne({...MINIMAL, platform: {os: {name: 'rhel', version: '99'}}})
    // The three support rules (end of support, extended only, support ending) cannot judge an unknown product.
    expect(Math.round((known.confidence - unknown.confidence) * RULES.length)).toBe(3)
    expect(badVersion.confidence).toBe(unknown.confidence)
    expect(rules(unknown)).toContain('platform-unknown-lifecycle')
  })
})

describe('deadline status, separate from readiness', () => {
  const DEADLINE = '2025-12-31'
  const at = (migration: Record<string, unknown> | undefined, extra: Record<string, unknown> = {}): SystemData => ({...full(extra), migration})

  // [case, status, days late, the system, --as-of]; the deadline is 2025-12-31
  it.each<[string, string, number, SystemData, string]>([
    ['migrated, after the deadline', 'met', 0, at({status: 'migrated'}), '2026-01-10'],
    ['retired, after the deadline', 'met', 0, at({status: 'retired'}), '2026-01-10'],
    ['migrated, before the deadline', 'met', 0, at({status: 'migrated'}), '2025-06-01'],
    ['not moved, ten days after the deadline', 'missed', 10, at({status: 'in-progress', target: 'public-cloud', target_date: '2025-09-30'}), '2026-01-10'],
    ['not moved, no migration at all, a year after', 'missed', 365, at(undefined), '2026-12-31'],
    ['on the deadline day itself: not yet missed', 'on-track', 0, at({status: 'planned', target: 'public-cloud', target_date: DEADLINE}), DEADLINE],
    ['before it, target date between today and the deadline', 'on-track', 0, at({status: 'planned', target: 'public-cloud', target_date: '2025-09-30'}), '2025-06-01'],
    ['before it, target date today', 'on-track', 0, at({status: 'planned', target: 'public-cloud', target_date: '2025-06-01'}), '2025-06-01'],
    ['before it, no target date', 'at-risk', 0, at({status: 'planned', target: 'public-cloud'}), '2025-06-01'],
    ['before it, target date after the deadline', 'at-risk', 0, at({status: 'planned', target: 'public-cloud', target_date: '2026-03-31'}), '2025-06-01'],
    ['before it, target date already passed', 'at-risk', 0, at({status: 'in-progress', target: 'public-cloud', target_date: '2025-05-31'}), '2025-06-01'],
    ['before it, a blocker in the way', 'at-risk', 0, at({status: 'planned', target: 'public-cloud', target_date: '2025-09-30'}, {security: {critical_vulnerabilities: 9}}), '2025-06-01'],
    ['SECRET data with no declared move: retained by classification, exempt', 'exempt', 0, at({status: 'planned', target: 'public-cloud', target_date: '2025-09-30'}, {data: {classification: 'SECRET'}}), '2026-06-01'],
    ['SECRET data declared retain: exempt, never missed', 'exempt', 0, at({status: 'not-started', strategy: 'retain'}, {data: {classification: 'TOP-SECRET'}}), '2026-06-01'],
    ['migrated after the deadline (completed): met-late with its days', 'met-late', 181, at({status: 'migrated', completed: '2026-06-30'}), '2026-11-01'],
    ['migrated on the deadline (completed): met', 'met', 0, at({status: 'migrated', completed: '2025-12-31'}), '2026-11-01'],
    ['migrated, no completed date, target date passed: the target date counts', 'met-late', 90, at({status: 'migrated', target_date: '2026-03-31'}), '2026-11-01'],
  ])('%s → %s', async (_name, status, daysLate, system, asOf) => {
    const s = await judgeOne(system, {asOf, deadline: DEADLINE})
    expect(s.deadlineStatus).toBe(status)
    expect(s.daysLate).toBe(daysLate)
    if (status === 'met') expect(s.findings.filter((f) => f.category === 'deadline')).toEqual([])
  })

  it('readiness is the same whatever the deadline', async () => {
    for (const system of [full(), full({data: {dpia_completed: false}}), full({data: {classification: 'SECRET'}}), MINIMAL]) {
      const before = await judgeOne(system, {deadline: '2030-12-31'})
      const after = await judgeOne(system, {deadline: '2020-12-31'})
      expect(after.readiness).toBe(before.readiness)
      expect(after.score).toBe(before.score)
    }
  })

  it('only a non-deadline critical finding is a blocker (deadlineStatus, directly)', () => {
    const entry = {system: {...MINIMAL, migration: {status: 'planned', target_date: '2025-09-30'}}} as never
    const f = (category: Category, severity: Severity) => ({rule: 'r', category, severity, message: '', ref: 'd/s', file: 'x', line: 1, column: 1, pointer: ''}) as Finding
    const opts = {asOf: '2025-06-01', deadline: '2025-12-31'}
    expect(deadlineStatus(entry, [], opts)).toEqual({status: 'on-track', daysLate: 0})
    expect(deadlineStatus(entry, [f('deadline', 'critical')], opts)).toEqual({status: 'on-track', daysLate: 0})
    expect(deadlineStatus(entry, [f('security', 'high')], opts)).toEqual({status: 'on-track', daysLate: 0})
    expect(deadlineStatus(entry, [f('security', 'critical')], opts)).toEqual({status: 'at-risk', daysLate: 0})
    expect(deadlineStatus(entry, [], {asOf: '2026-01-01', deadline: '2025-12-31'})).toEqual({status: 'missed', daysLate: 1})
  })
})

describe('summaries', () => {
  it('count by readiness, severity, category and deadline status, with shares rounded to 3 places', async () => {
    const a = await judgeEstate(
      [
        {
          id: 'a',
          systems: [
            {...full(), id: 'ok', costs: {annual_run_gbp: 100}},
            {...full({data: {classification: 'SECRET'}}), id: 'blocked', costs: {annual_run_gbp: 1000}},
            {...full({platform: {os: {name: 'rhel', version: '6'}}}), id: 'old', costs: {annual_run_gbp: 10_000}},
          ],
        },
        {id: 'b', systems: [{...full({migration: {status: 'migrated'}, platform: {os: {name: 'rhel', version: '6'}}}), id: 'moved', costs: {annual_run_gbp: 100_000}}]},
      ],
      {deadline: '2030-12-31'},
    )
    const s = a.summary
    expect(s.systems).toBe(4)
    expect(s.byReadiness).toEqual({ready: 1, 'ready-with-conditions': 2, 'not-ready': 1, unknown: 0})
    // SECRET data with no declared move is retained on accredited infrastructure: exempt, not at risk.
    expect(s.byDeadlineStatus).toEqual({met: 1, 'met-late': 0, 'on-track': 2, 'at-risk': 0, missed: 0, exempt: 1})
    expect([s.toMove, s.retained]).toEqual([2, 1])
    // 'moved' has no completion date: done, but not counted as done by the deadline.
    expect(s.doneByDeadline).toEqual({count: 0, share: 0, undated: 1})
    expect(s.done).toBe(1)
    expect(s.shareReady).toBe(0.25)
    expect(s.shareReadyOrConditional).toBe(0.75)
    // rhel 6 is past its support on 'old' and on 'moved'.
    expect(s.sharePastEndOfSupport).toBe(0.5)
    expect(s.annualRunGbp).toBe(111_100)
    // Named parts: 'moved' is done and in none; 'blocked' is retained, apart.
    expect(s.runCost).toEqual({
      toMove: {gbp: 10_100, systems: 2, noCostRecorded: 0},
      pastSecuritySupport: {gbp: 10_000, systems: 1, noCostRecorded: 0},
      extendedSupportOnly: {gbp: 0, systems: 0, noCostRecorded: 0},
      notReady: {gbp: 0, systems: 0, noCostRecorded: 0},
      retained: {gbp: 1000, systems: 1, noCostRecorded: 0},
    })
    const findings = a.systems.flatMap((x) => x.findings)
    for (const sev of ['critical', 'high', 'medium', 'low', 'info'] as const) expect(s.bySeverity[sev]).toBe(findings.filter((f) => f.severity === sev).length)
    expect(Object.values(s.byCategory).reduce((x, y) => x + y, 0)).toBe(findings.length)
    expect(a.departments.map((d) => [d.id, d.summary.systems])).toEqual([
      ['a', 3],
      ['b', 1],
    ])
  })

  it('of nothing: zeros, not NaN; of three, a third rounded', () => {
    const empty = summarise([])
    expect(empty.systems).toBe(0)
    expect([empty.shareReady, empty.shareReadyOrConditional, empty.sharePastEndOfSupport]).toEqual([0, 0, 0])
    const one = {readiness: 'ready', deadlineStatus: 'met', findings: [], migrationStatus: 'migrated', pastEndOfSupport: false, annualRunGbp: null} as unknown as SystemAssessment
    const other = {...one, readiness: 'unknown'} as SystemAssessment
    expect(summarise([one, other, other]).shareReady).toBe(0.333)
  })
})

describe('determinism', () => {
  it('the order of files, and of systems within a file, changes no verdict', async () => {
    const a = {id: 'a', systems: [{...full(), id: 'one'}, {...MINIMAL, id: 'two'}, {...full({data: {classification: 'SECRET'}}), id: 'three', dependencies: ['one']}]}
    const b = {id: 'b', systems: [{...full(), id: 'four', dependencies: ['a/three']}]}
    const first = await judgeEstate([a, b])
    const second = await judgeEstate([b, {...a, systems: [...a.systems].reverse()}])
    const verdicts = (x: Assessment) => x.systems.map((s) => ({ref: s.ref, readiness: s.readiness, score: s.score, confidence: s.confidence, deadlineStatus: s.deadlineStatus, rules: rules(s)}))
    expect(verdicts(second)).toEqual(verdicts(first))
    expect(first.systems.map((s) => s.ref)).toEqual(['a/one', 'a/three', 'a/two', 'b/four'])
    expect(second.summary).toEqual(first.summary)
    expect(second.departments.map((d) => d.id)).toEqual(['a', 'b'])
    // The same files in the same order: deeply equal, positions and all.
    expect(await judgeEstate([a, b])).toEqual(first)
  })
})
