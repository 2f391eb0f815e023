/**
 * The pure parts of `compare`: scenario flags, recognising a plan JSON, department columns and the
 * base → head diff, on small hand-made plans whose answers can be worked out by eye.
 */
import {describe, expect, it} from 'vitest'

import type {AuditReport} from '../../../src/core/assess/report.js'
import {departmentColumn, diffPlans, parsePlanJson, parseScenario, parseScenarios, planColumn, type PlanSource} from '../../../src/core/compare/index.js'
import {CloudreadyError, InputError, UsageError} from '../../../src/core/errors.js'
import type {Finding} from '../../../src/core/model/types.js'
import type {PlanReport} from '../../../src/core/plan/report.js'

describe('parseScenario', () => {
  it.each([
    ['small:--capacity=4', {name: 'small', flags: '--capacity=4', options: {capacity: 4}}],
    ['big:--capacity 12 --wave-length=6', {name: 'big', flags: '--capacity=12 --wave-length=6', options: {capacity: 12, waveLengthMonths: 6}}],
    ['effort:--capacity-effort=40  --start 2027-04-01', {name: 'effort', flags: '--capacity-effort=40 --start=2027-04-01', options: {capacityEffort: 40, start: '2027-04-01'}}],
    ['as-is:', {name: 'as-is', flags: '', options: {}}],
  ])('%s', (spec, expected) => {
    expect(parseScenario(spec)).toEqual(expected)
  })

  it.each([
    ['small', /has no flags: write it as NAME:FLAGS/],
    [':--capacity=4', /is not a name/],
    ['a b:--capacity=4', /is not a name/],
    ['x:--capacty=4', /unknown flag --capacty: scenarios take --capacity, --capacity-effort, --wave-length, --team-size, --coupling, --start/],
    ['x:--deadline=2025-01-01', /unknown flag --deadline/],
    ['x:capacity=4', /'capacity=4' is not a flag/],
    ['x:-c 4', /'-c' is not a flag/],
    ['x:--capacity', /--capacity needs a value/],
    ['x:--capacity --wave-length=3', /--capacity needs a value/],
    ['x:--capacity=0', /not a whole number from 1 to 100000/],
    ['x:--capacity=4.5', /not a whole number/],
    ['x:--capacity=1e3', /not a whole number/],
    ['x:--wave-length=61', /from 1 to 60/],
    ['x:--start=2027-02-29', /'2027-02-29' is not a date/],
    ['x:--capacity=4 --capacity=5', /--capacity is given twice/],
    ['x:--coupling=sometimes', /--coupling 'sometimes' is not one of tight, loose/],
    ['x:--capacity=4 --capacity-effort=5', /cannot both be given/],
  ])('rejects %s', (spec, message) => {
    expect(() => parseScenario(spec)).toThrow(UsageError)
    expect(() => parseScenario(spec)).toThrow(message)
  })

  it('wants distinct names', () => {
    expect(() => parseScenarios(['a:--capacity=1', 'a:--capacity=2'])).toThrow(/--scenario a is given twice/)
    expect(parseScenarios(['a:--capacity=1', 'b:--capacity=2']).map((s) => s.name)).toEqual(['a', 'b'])
  })
})

// A small estate: two departments, a cycle, a done system, one retained; three waves.
function fixture(over: {readiness?: Record<string, string>; waves?: Record<string, number | null>; strategy?: Record<string, string>; drop?: string[]; add?: string[]; completion?: string} = {}): PlanReport {
  const base: Array<[string, string, number | null, string, string]> = [
    // ref, readiness, wave, status, strategy
    ['a/one', 'ready', 1, 'planned', 'rehost'],
    ['a/two', 'ready-with-conditions', 2, 'planned', 'replatform'],
    ['a/three', 'not-ready', null, 'retained', 'retain'],
    ['b/four', 'unknown', 2, 'planned', 'refactor'],
    ['b/five', 'ready', null, 'done', 'retire'],
    ['b/six', 'ready-with-conditions', 3, 'planned', 'repurchase'],
  ]
  const rows = [...base.filter(([ref]) => !over.drop?.includes(ref)), ...(over.add ?? []).map((ref): [string, string, number | null, string, string] => [ref, 'ready', 1, 'planned', 'rehost'])]
  const systems = rows.map(([ref, readiness, wave, status, strategy], i) => ({
    ref,
    department: ref.split('/')[0],
    id: ref.split('/')[1],
    name: ref,
    file: `${ref.split('/')[0]}.yaml`,
    line: i + 1,
    criticality: 'high',
    readiness: over.readiness?.[ref] ?? readiness,
    status: status as 'planned',
    strategy: (over.strategy?.[ref] ?? strategy) as 'rehost',
    declaredStrategy: null,
    overridden: null,
    reasons: [],
    moveGroup: `mg-00${i + 1}`,
    wave: over.waves && ref in over.waves ? over.waves[ref] : wave,
    effort: status === 'done' ? {low: 0, high: 0, unit: 'person-months'} : {low: 1.25 + i, high: 3.15 + i, unit: 'person-months'},
    // One-wave moves: each ends with the wave it starts in.
    ...moveDates(over.waves && ref in over.waves ? over.waves[ref] : wave),
    annualRunGbp: 1000 * (i + 1),
    dependsOn: [],
  }))
  const waves = [
    {number: 1, start: '2027-01-01', end: '2027-03-31'},
    {number: 2, start: '2027-04-01', end: '2027-06-30'},
    {number: 3, start: '2027-07-01', end: '2027-09-30'},
  ].map((w) => ({...w, systems: systems.filter((s) => s.wave === w.number).map((s) => s.ref), moveGroups: [], effort: {low: 0, high: 0, unit: 'person-months'}, risks: []}))
  const summary = (systemsN: number) => ({
    systems: systemsN,
    byReadiness: {ready: 2, 'ready-with-conditions': 2, 'not-ready': 1, unknown: 1},
    bySeverity: {critical: 1, high: 2, medium: 3, low: 0, info: 0},
    byCategory: {deadline: 0, platform: 6, data: 0, security: 0, commercial: 0, people: 0, architecture: 0, cost: 0},
    byDeadlineStatus: {met: 1, 'met-late': 0, 'on-track': 0, 'at-risk': 0, missed: 5, exempt: 0},
    done: 1,
    toMove: 4,
    retained: 1,
    doneByDeadline: {count: 0, share: 0, undated: 1},
    shareReady: 0.333,
    shareReadyOrConditional: 0.667,
    sharePastEndOfSupport: 0.5,
    annualRunGbp: 21000,
    runCost: {
      toMove: {gbp: 20000, systems: 4, noCostRecorded: 0},
      pastSecuritySupport: {gbp: 4000, systems: 2, noCostRecorded: 0},
      extendedSupportOnly: {gbp: 0, systems: 0, noCostRecorded: 0},
      notReady: {gbp: 1000, systems: 1, noCostRecorded: 0},
      retained: {gbp: 0, systems: 1, noCostRecorded: 1},
    },
  })
  return {
    tool: {name: 'cloudready', version: '1.2.3'},
    asOf: '2026-11-27',
    deadline: '2023-12-31',
    start: '2027-01-01',
    waveLengthMonths: 3,
    capacity: {systems: 2},
    completion: over.completion ?? '2027-09-30',
    daysPastDeadline: 1369,
    summary: {systems: systems.length, toMove: 4, done: 1, retained: 1, waves: 3, byStrategy: {retire: 1, retain: 1, rehost: 1, relocate: 0, replatform: 1, repurchase: 1, refactor: 1}, effort: {low: 1, high: 2, unit: 'person-months'}, shareDoneByDeadline: 0, annualRunGbp: 21000},
    progress: [],
    waves,
    moveGroups: [],
    systems,
    criticalPath: [],
    bridges: [],
    externalConstraints: [],
    warnings: [],
    lifecycle: {snapshot: '2026-08-22', source: 'endoflife.date'},
    files: ['a.yaml', 'b.yaml'],
    audit: {
      summary: summary(6),
      departments: [
        {id: 'a', name: 'Department A', file: 'a.yaml', summary: {...summary(3), sharePastEndOfSupport: 0.667}},
        {id: 'b', name: 'Department B', file: 'b.yaml', summary: {...summary(3), sharePastEndOfSupport: 0.333}},
      ],
    },
  } as unknown as PlanReport // through unknown: PlanReport grows fields a comparison never reads
}

describe('parsePlanJson', () => {
  const text = JSON.stringify(fixture())

  it('recognises a plan by its content, and leaves anything else to the inventory loader', () => {
    expect(parsePlanJson(text, 'p.json')?.completion).toBe('2027-09-30')
    expect(parsePlanJson(`\uFEFF  ${text}`, 'p.json')?.completion).toBe('2027-09-30')
    expect(parsePlanJson('apiVersion: cloudready/v1\nkind: Inventory\n', 'i.yaml')).toBeUndefined()
    expect(parsePlanJson('{apiVersion: cloudready/v1, kind: Inventory}', 'flow.yaml')).toBeUndefined()
    expect(parsePlanJson('{"tool": {"name": "other"}, "waves": []}', 'other.json')).toBeUndefined()
    expect(parsePlanJson('[1, 2]', 'list.json')).toBeUndefined()
  })

  it('rejects a cloudready file that is not a plan, or a plan that lacks what a comparison reads', () => {
    expect(() => parsePlanJson('{"tool": {"name": "cloudready"}, "systems": [], "failOn": "high"}', 'audit.json')).toThrow(/audit\.json is an audit report \(it has no waves\)/)
    const broken = (edit: (p: Record<string, unknown>) => void) => {
      const p = JSON.parse(text) as Record<string, unknown>
      edit(p)
      return () => parsePlanJson(JSON.stringify(p), 'p.json')
    }
    expect(broken((p) => delete p.audit)).toThrow(/its audit is not an object \(plans made before/)
    expect(broken((p) => ((p.summary as Record<string, unknown>).byStrategy = 'x'))).toThrow(/its summary\.byStrategy is not counts by strategy/)
    expect(broken((p) => ((p.systems as Array<Record<string, unknown>>)[1].wave = 0))).toThrow(/its systems\[1\]\.wave is not a wave number or null/)
    expect(broken((p) => ((p.systems as Array<Record<string, unknown>>)[1].wave = 9))).toThrow(/system a\/two is in wave 9 of 3/)
    expect(broken((p) => ((p.waves as unknown[])[0] = null))).toThrow(/its waves\[0\] is not an object/)
    expect(broken((p) => (p.completion = '2027-9-30'))).toThrow(/its completion is not a date/)
    expect(broken(() => undefined)).not.toThrow()
    try {
      broken((p) => delete p.summary)()
    } catch (error) {
      expect(error).toBeInstanceOf(InputError)
      expect(error).toBeInstanceOf(CloudreadyError)
    }
  })
})

/** The dates of a one-wave move in the fixture's quarterly waves from 2027-01-01. */
function moveDates(wave: number | null): {months: number | null; start: string | null; end: string | null; slipDays: null; assessFirst: false; completed: null} {
  const quarters = [['2027-01-01', '2027-03-31'], ['2027-04-01', '2027-06-30'], ['2027-07-01', '2027-09-30']]
  return wave === null ? {months: null, start: null, end: null, slipDays: null, assessFirst: false, completed: null} : {months: 3, start: quarters[wave - 1][0], end: quarters[wave - 1][1], slipDays: null, assessFirst: false, completed: null}
}

describe('columns', () => {
  it('derives a department\'s plan numbers from its systems', () => {
    const src: PlanSource = {plan: fixture()}
    const a = departmentColumn(src, 'a', ['plan.json'])
    expect(a).toMatchObject({label: 'a', kind: 'department', department: {id: 'a', name: 'Department A'}, systems: 3, toMove: 2, done: 0, retained: 1, waves: 2, lastWave: 2, completion: '2027-06-30', daysPastDeadline: 1277})
    // 1.25 + 2.25 and 3.15 + 4.15: the systems that move (a/three is retained and takes none).
    expect(a.effort).toEqual({low: 3.5, high: 7.3, unit: 'person-months'})
    expect(a.byStrategy).toMatchObject({rehost: 1, replatform: 1, retain: 1, refactor: 0})
    // From a plan JSON the count of systems past end of support is its share times its systems.
    expect(a.pastEndOfSupport).toBe(2)
    const b = departmentColumn(src, 'b', [])
    expect(b).toMatchObject({systems: 3, done: 1, waves: 2, lastWave: 3, completion: '2027-09-30', pastEndOfSupport: 1})
  })

  it('gives a department with nothing to move the as-of date as its completion', () => {
    const src: PlanSource = {plan: fixture({waves: {'a/one': null, 'a/two': null}})}
    expect(departmentColumn(src, 'a', [])).toMatchObject({waves: 0, lastWave: null, completion: '2026-11-27', daysPastDeadline: 1062})
  })

  it('counts systems past end of support from the audit when there is one', () => {
    const audit = {systems: [{department: 'a', pastEndOfSupport: true}, {department: 'b', pastEndOfSupport: true}, {department: 'b', pastEndOfSupport: false}]} as unknown as AuditReport
    expect(planColumn({plan: fixture(), audit}, 'x', 'inventory', ['x']).pastEndOfSupport).toBe(2)
    expect(departmentColumn({plan: fixture(), audit}, 'a', []).pastEndOfSupport).toBe(1)
    expect(planColumn({plan: fixture()}, 'x', 'plan', ['x']).pastEndOfSupport).toBe(3)
  })

  it('fails loudly (a bug, not a user error) for a department not in the plan', () => {
    expect(() => departmentColumn({plan: fixture()}, 'zz', [])).toThrow(RangeError)
  })
})

function finding(ref: string, rule: string, severity: Finding['severity'], pointer: string, message = `${rule} of ${ref}`): Finding {
  return {rule, category: 'platform', severity, message, ref, file: 'x.yaml', line: 1, column: 1, pointer}
}

function audited(findings: Record<string, Finding[]>): AuditReport {
  return {failOn: 'high', systems: Object.entries(findings).map(([ref, f]) => ({ref, findings: f}))} as unknown as AuditReport
}

describe('diffPlans', () => {
  it('says per system what changed between two plans, and that findings were not compared', () => {
    const base = fixture()
    const head = fixture({readiness: {'a/one': 'not-ready', 'b/four': 'ready'}, strategy: {'a/two': 'refactor'}, waves: {'b/six': 2}, drop: ['a/three'], add: ['b/seven'], completion: '2027-06-30'})
    const d = diffPlans({plan: base}, {plan: head}, 'high')
    expect(d.findingsCompared).toBe(false)
    expect(d.newFindingsBySeverity).toBeNull()
    expect(d.systems.map((s) => [s.ref, s.change, s.readiness, s.strategyChanged, s.waveMoved])).toEqual([
      ['a/one', 'changed', 'down', false, false],
      ['a/three', 'removed', null, false, false],
      ['a/two', 'changed', null, true, false],
      ['b/four', 'changed', 'up', false, false],
      ['b/seven', 'added', null, false, false],
      ['b/six', 'changed', null, false, true],
    ])
    expect(d.counts).toMatchObject({added: 1, removed: 1, readinessUp: 1, readinessDown: 1, strategyChanged: 1, waveMoved: 1, unchanged: 1})
    expect(d.completion).toEqual({base: '2027-09-30', head: '2027-06-30', days: -92})
    expect(d.regression).toBe(true)
    expect(d.regressions).toEqual(['readiness dropped for 1 system: a/one ready → not-ready'])
    const six = d.systems.find((s) => s.ref === 'b/six')!
    expect([six.base?.wave, six.base?.waveEnd, six.head?.wave, six.head?.waveEnd]).toEqual([3, '2027-09-30', 2, '2027-06-30'])
  })

  it('counts a later completion as a regression, an earlier one not', () => {
    expect(diffPlans({plan: fixture({completion: '2027-06-30'})}, {plan: fixture()}, 'high').regressions).toEqual(['completion 92 days later: 2027-06-30 → 2027-09-30'])
    expect(diffPlans({plan: fixture()}, {plan: fixture({completion: '2027-06-30'})}, 'high').regression).toBe(false)
    expect(diffPlans({plan: fixture()}, {plan: fixture()}, 'high')).toMatchObject({regression: false, systems: [], counts: {unchanged: 6}})
  })

  it('diffs findings by rule, system and place within the system, one for one', () => {
    const base = audited({
      'a/one': [finding('a/one', 'r-os', 'high', '/systems/0/platform/os'), finding('a/one', 'r-dup', 'low', '/systems/0/x'), finding('a/one', 'r-gone', 'medium', '/systems/0/y')],
      'a/two': [finding('a/two', 'r-sev', 'medium', '/systems/1/data')],
    })
    const head = audited({
      // The systems moved in the file: the index in the pointer must not matter.
      'a/one': [finding('a/one', 'r-os', 'high', '/systems/5/platform/os'), finding('a/one', 'r-dup', 'low', '/systems/5/x'), finding('a/one', 'r-dup', 'low', '/systems/5/x', 'again')],
      'a/two': [finding('a/two', 'r-sev', 'critical', '/systems/6/data')],
      'b/seven': [finding('b/seven', 'r-new', 'info', '/systems/7')],
    })
    const d = diffPlans({plan: fixture(), audit: base}, {plan: fixture({add: ['b/seven']}), audit: head}, 'critical')
    expect(d.findingsCompared).toBe(true)
    const one = d.systems.find((s) => s.ref === 'a/one')!
    expect(one.newFindings).toEqual([{rule: 'r-dup', severity: 'low', was: null, pointer: '/x', message: 'again'}])
    expect(one.resolvedFindings.map((f) => [f.rule, f.pointer])).toEqual([['r-gone', '/y']])
    expect(d.systems.find((s) => s.ref === 'a/two')!.worseFindings).toEqual([{rule: 'r-sev', severity: 'critical', was: 'medium', pointer: '/data', message: 'r-sev of a/two'}])
    expect(d.systems.find((s) => s.ref === 'b/seven')!.newFindings.map((f) => f.rule)).toEqual(['r-new'])
    expect(d.counts).toMatchObject({newFindings: 2, resolvedFindings: 1, worseFindings: 1})
    expect(d.newFindingsBySeverity).toEqual({critical: 1, high: 0, medium: 0, low: 1, info: 1})
    // Only the worse one is at or above --fail-on critical.
    expect(d.regressions).toEqual(['1 new finding at or above critical: a/two: r-sev (medium → critical)'])
    expect(diffPlans({plan: fixture(), audit: base}, {plan: fixture({add: ['b/seven']}), audit: head}, 'none').regression).toBe(false)
    expect(diffPlans({plan: fixture(), audit: base}, {plan: fixture({add: ['b/seven']}), audit: head}, 'info').regressions[0]).toMatch(/^3 new findings at or above info/)
  })

  it('keeps a regression reason to one readable line', () => {
    const add = ['b/x1', 'b/x2']
    const readiness = Object.fromEntries(['a/one', 'a/two', 'b/four', 'b/six', 'b/five', ...add].map((r) => [r, 'not-ready']))
    const d = diffPlans({plan: fixture({add})}, {plan: fixture({add, readiness})}, 'high')
    expect(d.regressions).toEqual(['readiness dropped for 7 systems: a/one ready → not-ready, a/two ready-with-conditions → not-ready, b/five ready → not-ready, b/four unknown → not-ready, b/six ready-with-conditions → not-ready and 2 more'])
  })
})
