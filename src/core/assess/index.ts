/**
 * The assessment: runs the rules over every system, then derives each system's readiness, score,
 * confidence and deadline status, and the summaries per department and for the estate.
 * Pure: the same estate and options give the same report, whatever the order of files or systems.
 */
import type {Rule, RuleContext} from '../../rules/types.js'
import {daysBetween} from '../dates.js'
import {buildGraph, cyclesByRef} from '../graph.js'
import {type LifecyclePlatform, lookup, type LifecycleMatch, type LifecycleTable, platformOf, supportPhase} from '../lifecycle/index.js'
import {flat} from '../strings.js'
import {bandedScore, blockersOf, blocks, type PathStep, pathToReady} from './path.js'
import {completionDate, retainedBy} from './retain.js'
import {
  type Category,
  CATEGORIES,
  type DeadlineStatus,
  type Estate,
  type EstateSystem,
  type Finding,
  type Product,
  type Readiness,
  SEVERITIES,
  type Severity,
} from '../model/types.js'

/** A rule as configured for a run: its severity and options after `.cloudready.yaml`. */
export interface ActiveRule {
  rule: Rule
  severity: Severity
  /** The config set this rule's severity: it then holds for every finding of the rule. */
  configured?: boolean
  options: Record<string, number | string | boolean>
}

export interface AssessOptions {
  asOf: string
  deadline: string
  lifecycle: LifecycleTable
  rules: ActiveRule[]
}

export type PlatformLayer = 'os' | 'database' | 'runtime'

export interface PlatformFact {
  name: string
  version?: string
  /** The product and cycle it matched in the lifecycle table, when it did. */
  product?: string
  cycle?: string
  securityEnd?: string | boolean | null
  extendedEnd?: string | boolean | null
  phase: ReturnType<typeof supportPhase>
}

export interface SystemAssessment {
  ref: string
  department: string
  id: string
  name: string
  file: string
  line: number
  column: number
  /** The system's JSON pointer in its file (`/systems/3`). */
  pointer: string
  criticality: string
  hosting: string
  migrationStatus: string
  readiness: Readiness
  score: number
  confidence: number
  deadlineStatus: DeadlineStatus
  /** Days past the deadline at `asOf` (0 when not late). */
  daysLate: number
  /** The system's own target date, when it has one. */
  targetDate: string | null
  /**
   * How late the system's own plan lands: days from the deadline to its target date (0 when on or
   * before it); null when done or when there is no target date. Tells a credible late plan from none.
   */
  plannedDaysLate: number | null
  annualRunGbp: number | null
  pastEndOfSupport: boolean
  platform: Partial<Record<PlatformLayer, PlatformFact>>
  /** Refs of the systems in the same dependency cycle (empty when none). */
  cycle: string[]
  /** Rule ids of the findings that make the as-is move impossible (readiness `not-ready`). */
  blockers: string[]
  /** What to clear, in order, for the system to be `ready`; empty when it is, or when it is done. */
  pathToReady: PathStep[]
  /** When a migrated or retired system got there (README "Deadline statuses"); null when not done or not recorded. */
  completed: string | null
  /** Why a system still to move is kept where it is: declared retain, or its classification; null otherwise. */
  retainedBy: 'declared' | 'classification' | null
  findings: Finding[]
}

/** A sum of run cost a year, the systems it counts, and how many of those have no cost recorded (left out of the sum). */
export interface MoneyPart {
  gbp: number
  systems: number
  noCostRecorded: number
}

/**
 * Run cost a year in named parts a spending review can use (README "Money"). None counts a system
 * already migrated or retired, or one hosted in public cloud or SaaS; retained systems are apart.
 */
export interface RunCost {
  /** Every system still running on premises or in private hosting and still to move. */
  toMove: MoneyPart
  /** Of those, on an OS, database or runtime past end of security support (extended support included). */
  pastSecuritySupport: MoneyPart
  /** Of those, on paid extended support only (past mainstream security support, with extended support running). */
  extendedSupportOnly: MoneyPart
  /** Of those to move, the ones not ready (a blocker stands). */
  notReady: MoneyPart
  /** Retained systems, apart. */
  retained: MoneyPart
}

export interface Summary {
  systems: number
  byReadiness: Record<Readiness, number>
  bySeverity: Record<Severity, number>
  byCategory: Record<Category, number>
  byDeadlineStatus: Record<DeadlineStatus, number>
  /** Systems already migrated or retired. */
  done: number
  /** Systems still to move: neither done nor retained (the plan's "to move", exactly). */
  toMove: number
  /** Systems retained, by declaration or classification. */
  retained: number
  /** Dated completions on or before the deadline, their share of all systems, and done systems whose date is not recorded (counted apart). */
  doneByDeadline: {count: number; share: number; undated: number}
  /** Share of systems `ready` (0–1). */
  shareReady: number
  /** Share of systems `ready` or `ready-with-conditions`. */
  shareReadyOrConditional: number
  /** Share of systems with an OS, database or runtime past its end of security support. */
  sharePastEndOfSupport: number
  /** Run cost a year recorded for every system. */
  annualRunGbp: number
  runCost: RunCost
}

export interface DepartmentSummary {
  id: string
  name: string
  file: string
  summary: Summary
}

export interface Assessment {
  asOf: string
  deadline: string
  lifecycleSnapshot: string
  summary: Summary
  departments: DepartmentSummary[]
  /** Readiness of the systems not yet migrated or retired (the summary's line for a spending review). */
  stillToMove: StillToMove
  systems: SystemAssessment[]
}

/** Score lost per finding of each severity (deadline findings excepted); see README "Scoring". */
export const SCORE_PENALTY: Record<Severity, number> = {critical: 40, high: 20, medium: 10, low: 4, info: 0}
/** Below this confidence there is too little data to judge: readiness `unknown`. */
export const MIN_CONFIDENCE = 0.5

const DONE = new Set(['migrated', 'retired'])

/** Most systems are in no cycle: one empty list for all of them, frozen so that none can change it. */
const NO_CYCLE = Object.freeze([]) as unknown as string[]
/** The same for systems with nothing to clear. */
const NO_STEPS = Object.freeze([]) as unknown as PathStep[]
/** The same for systems without findings. */
const NO_FINDINGS = Object.freeze([]) as unknown as Finding[]

export function isDone(entry: EstateSystem): boolean {
  return DONE.has(entry.system.migration?.status ?? '')
}

/** The assessment of every system, each kept (plan, trend, report and compare read them more than once). */
export function assess(estate: Estate, options: AssessOptions): Assessment {
  const judged = judge(estate, options, true)
  const systems: SystemAssessment[] = []
  for (let i = 0; i < judged.refs.length; i++) systems.push(judged.system(i))
  const tally = new Tally(estate)
  for (const a of systems) tally.add(a)
  return {asOf: options.asOf, deadline: options.deadline, lifecycleSnapshot: options.lifecycle.snapshot, ...tally.totals(), systems}
}

/**
 * A list of assessments made as it is read and dropped after: reading it twice judges every system
 * twice. What `audit` writes, a system at a time (see assessLazily).
 */
export interface SystemList extends Iterable<SystemAssessment> {
  readonly length: number
  /** The same systems ordered by file, then by the line and column each starts at (see systemsInPlaceOrder). */
  inPlaceOrder?(): Iterable<SystemAssessment>
  /** The same systems ordered by file, in list order within each (see systemsInFileOrder). */
  inFileOrder?(): Iterable<SystemAssessment>
}

/** The systems by file, then by where each starts in it: the order a reader of the files meets them. */
export function systemsInPlaceOrder(list: SystemList): Iterable<SystemAssessment> {
  if (list.inPlaceOrder) return list.inPlaceOrder()
  return [...list].sort((a, b) => byPlace(a, b))
}

/** The systems by file, in list order (by ref) within each: JUnit's test suites. */
export function systemsInFileOrder(list: SystemList): Iterable<SystemAssessment> {
  if (list.inFileOrder) return list.inFileOrder()
  return [...list].sort((a, b) => (a.file < b.file ? -1 : a.file > b.file ? 1 : 0))
}

/**
 * Placed above where its system starts: a finding whose value comes through an alias or a merge key
 * is placed where the value is written. The only findings out of their system's place.
 */
export function placedAboveItsSystem(f: {file: string; line: number; column: number}, s: {file: string; line: number; column: number}): boolean {
  return f.file === s.file && (f.line < s.line || (f.line === s.line && f.column < s.column))
}

function byPlace(a: {file: string; line: number; column: number}, b: {file: string; line: number; column: number}): number {
  return a.file < b.file ? -1 : a.file > b.file ? 1 : a.line - b.line || a.column - b.column
}

export interface LazyAssessment extends Omit<Assessment, 'systems'> {
  systems: SystemList
}

/**
 * The same assessment with no system's kept: the summaries come from a first pass that drops each
 * system once counted, and `systems` judges them again as they are written. A million small systems
 * kept were 3 GB (their findings and paths to ready); this holds the estate, each system's readiness
 * and one system at a time, for about twice the rules' time. The same figures as `assess`, in the
 * same order (test/core/assess/lazy.test.ts).
 */
export function assessLazily(estate: Estate, options: AssessOptions): LazyAssessment {
  const judged = judge(estate, options, false)
  const n = judged.refs.length
  const tally = new Tally(estate)
  for (let i = 0; i < n; i++) tally.add(judged.system(i))
  const systems: SystemList = {
    length: n,
    *[Symbol.iterator]() {
      for (let i = 0; i < n; i++) yield judged.system(i)
    },
    *inPlaceOrder() {
      for (const i of (orders.place ??= systemOrder(estate, judged.refs, true))) yield judged.system(i)
    },
    *inFileOrder() {
      for (const i of (orders.file ??= systemOrder(estate, judged.refs, false))) yield judged.system(i)
    },
  }
  const orders: {place?: Int32Array; file?: Int32Array} = {}
  return {asOf: options.asOf, deadline: options.deadline, lifecycleSnapshot: options.lifecycle.snapshot, ...tally.totals(), systems}
}

/**
 * The indices of `refs` by file, then (`byLine`) line and column or (not) their order in `refs`, from
 * the estate (nothing is judged to order them). In typed arrays: a million `{file, line, column}`
 * objects were 100 MB at the peak.
 */
function systemOrder(estate: Estate, refs: readonly string[], byLine: boolean): Int32Array {
  const n = refs.length
  const fileOf: string[] = []
  const line = new Int32Array(n)
  const column = new Int32Array(n)
  for (let i = 0; i < n; i++) {
    const entry = estate.systems.get(refs[i])!
    fileOf.push(entry.file)
    if (!byLine) continue
    const at = entry.doc.locateIn(entry.pointer, '')
    line[i] = at.line
    column[i] = at.column
  }
  const rank = new Map([...new Set(fileOf)].sort().map((f, r) => [f, r]))
  const file = Int32Array.from(fileOf, (f) => rank.get(f)!)
  const order = Int32Array.from({length: n}, (_, i) => i)
  return order.sort((a, b) => file[a] - file[b] || line[a] - line[b] || column[a] - column[b] || a - b)
}

/**
 * The rules' first pass over every system (each system's readiness, which the second pass reads for
 * its dependencies), and `system(i)`: the i-th system's whole assessment. With `keep` the first
 * pass's findings are kept for it, and each is handed over once; without, it runs that system's
 * first pass again, so nothing but the readiness stays between systems.
 */
function judge(estate: Estate, options: AssessOptions, keep: boolean): {refs: readonly string[]; system: (i: number) => SystemAssessment} {
  const graph = buildGraph(estate)
  const cycles = cyclesByRef(graph)
  // By name, then by version: the parser makes each repeated name and version once, so these keys are the
  // same strings every time, their hashes already known. A key made per lookup (`name\0version`) was
  // hashed afresh each time; a WeakMap by product held an entry per system.
  const memos: Record<LifecyclePlatform, Map<string, Map<string, LifecycleMatch>>> = {distributed: new Map(), zos: new Map(), 'ibm-i': new Map()}
  const lookupMemo = (p: Product, platform: LifecyclePlatform = 'distributed'): LifecycleMatch => {
    const memo = memos[platform]
    let byVersion = memo.get(p.name)
    if (!byVersion) memo.set(p.name, (byVersion = new Map()))
    const version = p.version ?? ''
    let m = byVersion.get(version)
    if (!m) {
      m = lookup(options.lifecycle, p, platform)
      byVersion.set(version, m)
    }
    return m
  }
  const facts = new Map<LifecycleMatch, PlatformFact>()
  const blockerRules = new Set(options.rules.filter((r) => r.rule.meta.blocker).map((r) => r.rule.meta.id))
  const remedies = new Map(options.rules.map((r) => [r.rule.meta.id, r.rule.meta.remedy]))
  const firstPass = options.rules.filter((r) => !r.rule.secondPass)
  const secondPass = options.rules.filter((r) => r.rule.secondPass)
  // Messages repeat across systems (the same product past support, the same missing owner): 577k
  // findings carry 30k distinct messages at 100k, so each is kept once.
  const messages = new Map<string, string>()
  const intern = (message: string): string => {
    const known = messages.get(message)
    if (known !== undefined) return known
    messages.set(message, message)
    return message
  }
  /** The findings of the system the rules are running on, until runRules keeps them. */
  const found: Finding[] = []
  // Each system's first-pass readiness by its place in graph.refs, one byte each: the one thing the lazy
  // assessment keeps for every system (a Map of a million refs was 60 MB more at the peak).
  const readiness = new Uint8Array(graph.refs.length)
  const readinessOf = (r: string): Readiness | undefined => {
    const i = graph.index.get(r)
    return i === undefined ? undefined : READINESS[readiness[i]]
  }

  interface Work {
    entry: EstateSystem
    findings: Finding[]
    judged: number
    applicable: number
    unknown: boolean
    /** The line the system starts at, once a finding needs it. */
    line?: number
    /** One context per system, its options swapped per rule: rules are pure and keep no reference. */
    ctx: RuleContext
  }
  const refs = graph.refs
  const kept: Array<Work | undefined> = []
  for (let i = 0; i < refs.length; i++) {
    const w = firstPassOf(refs[i])
    readiness[i] = READINESS.indexOf(classify(w))
    if (keep) kept.push(w)
  }
  return {
    refs,
    system(i: number): SystemAssessment {
      let w = kept[i]
      // Handed over once: the second pass adds to the first's findings.
      if (w) kept[i] = undefined
      else w = firstPassOf(refs[i])
      runRules(w, secondPass, false)
      return finish(w, options, lookupMemo)
    },
  }

  function firstPassOf(ref: string): Work {
    const entry = estate.systems.get(ref)!
    const ctx: RuleContext = {
      asOf: options.asOf,
      deadline: options.deadline,
      lifecycle: options.lifecycle,
      lookup: lookupMemo,
      entry,
      cycle: cycles.get(ref) ?? [],
      readinessOf,
      systemOf: (r: string) => estate.systems.get(r)?.system,
      options: {},
    }
    const w: Work = {entry, findings: NO_FINDINGS, judged: 0, applicable: 0, unknown: false, ctx}
    runRules(w, firstPass)
    // Second-pass rules run later, but whether they have their data is known now: count them here,
    // so the readiness decided now rests on the same confidence the report shows.
    countData(w, secondPass)
    return w
  }

  /** The share (0–1) of the data a rule needs that the system has; a rule with none of it is not run. */
  function hasData(active: ActiveRule, system: EstateSystem['system'], ctx: RuleContext): number {
    if (!active.rule.hasData) return allFieldsPresent(system, active.rule.meta.fields) ? 1 : 0
    const has = active.rule.hasData(system, ctx)
    return typeof has === 'number' ? Math.min(1, Math.max(0, has)) : has ? 1 : 0
  }

  function countData(w: Work, rules: ActiveRule[]): void {
    const {ctx} = w
    for (const active of rules) {
      ctx.options = active.options
      w.applicable++
      w.judged += hasData(active, w.entry.system, ctx)
    }
  }

  /** Runs the rules that have their data; `count` false when countData already counted them. */
  function runRules(w: Work, rules: ActiveRule[], count = true): void {
    const system = w.entry.system
    const {ctx} = w
    for (const active of rules) {
      ctx.options = active.options
      const meta = active.rule.meta
      if (count) w.applicable++
      const share = hasData(active, system, ctx)
      if (count) w.judged += share
      if (share === 0) continue
      for (const report of active.rule.check(system, ctx)) {
        const pointer = `${w.entry.pointer}${report.pointer}`
        const at = w.entry.doc.locateIn(w.entry.pointer, report.pointer)
        // A value above the system's own lines came through an alias or a merge key (\`<<: *defaults\`):
        // the finding is placed where the value is written, the line to edit, and says so.
        const shared = report.pointer !== '' && at.line < (w.line ??= w.entry.doc.locateIn(w.entry.pointer, '').line)
        found.push({
          rule: meta.id,
          category: meta.category,
          // A severity the config sets wins over the one a rule gives a single finding (a blocker among warnings).
          severity: active.configured ? active.severity : (report.severity ?? active.severity),
          message: shared ? `${flat(report.message)} (the value is written at line ${at.line}, above this system, which takes it through an alias or a merge key: a change there applies to every system that uses it)` : intern(flat(report.message)),
          ref: w.entry.ref,
          file: w.entry.file,
          line: at.line,
          column: at.column,
          pointer,
        })
        if (meta.makesUnknown) w.unknown = true
      }
    }
    // Kept at their exact length: an array grown by push has room for 17 (152 bytes), for 6 findings on average.
    if (found.length > 0) w.findings = w.findings.length > 0 ? w.findings.concat(found) : found.slice()
    found.length = 0
  }

  function confidenceOf(w: Work): number {
    return w.applicable === 0 ? 1 : Math.round((w.judged / w.applicable) * 100) / 100
  }

  function classify(w: Work): Readiness {
    // Deadline findings never change readiness (SPEC "Assessment").
    let conditions = false
    for (const f of w.findings) {
      if (f.category === 'deadline') continue
      if (blocks(f, blockerRules)) return 'not-ready'
      if (f.severity === 'high' || f.severity === 'medium') conditions = true
    }
    // The rounded value, so a system shown at 0.5 is never judged as below it.
    if (w.unknown || confidenceOf(w) < MIN_CONFIDENCE) return 'unknown'
    return conditions ? 'ready-with-conditions' : 'ready'
  }

  function finish(w: Work, opts: AssessOptions, look: (p: Product, platform?: LifecyclePlatform) => LifecycleMatch): SystemAssessment {
    const {entry} = w
    const s = entry.system
    const retained = retainedBy(s)
    const findings = sortFindings(oneDeadlineFinding(w.findings, retained === 'classification'))
    let penalty = 0
    for (const f of findings) if (f.category !== 'deadline') penalty += SCORE_PENALTY[f.severity]
    const readinessClass = classifyFinal(w)
    const score = bandedScore(100 - penalty, readinessClass)
    const confidence = confidenceOf(w)
    const done = isDone(entry)
    const platform: Partial<Record<PlatformLayer, PlatformFact>> = {}
    let pastEndOfSupport = false
    for (const layer of ['os', 'database', 'runtime'] as const) {
      const p = s.platform?.[layer]
      if (!p) continue
      const m = look(p, layer === 'os' ? 'distributed' : platformOf(s))
      // One fact per product and version, shared by every system that runs it (read only, like the report).
      let fact = facts.get(m)
      if (!fact || fact.name !== p.name || fact.version !== p.version) {
        fact = {
          name: p.name,
          ...(p.version === undefined ? {} : {version: p.version}),
          ...(m.status === 'known' ? {product: m.productId, cycle: m.cycle, securityEnd: m.securityEnd, extendedEnd: m.extendedEnd} : m.status === 'unknown-version' ? {product: m.productId} : {}),
          phase: supportPhase(m, opts.asOf),
        }
        facts.set(m, fact)
      }
      if (fact.phase === 'unsupported' || fact.phase === 'extended-only') pastEndOfSupport = true
      platform[layer] = fact
    }
    const at = entry.doc.locateIn(entry.pointer, '')
    const {status, daysLate} = deadlineStatus(entry, findings, opts)
    return {
      ref: entry.ref,
      department: entry.department.id,
      id: s.id,
      name: s.name,
      file: entry.file,
      line: at.line,
      column: at.column,
      pointer: entry.pointer,
      criticality: s.criticality,
      hosting: s.hosting,
      migrationStatus: s.migration?.status ?? 'not-started',
      readiness: readinessClass,
      score,
      confidence,
      deadlineStatus: status,
      daysLate,
      targetDate: s.migration?.target_date ?? null,
      plannedDaysLate: isDone(entry) || !s.migration?.target_date ? null : Math.max(0, daysBetween(opts.deadline, s.migration.target_date)),
      annualRunGbp: s.costs?.annual_run_gbp ?? null,
      pastEndOfSupport,
      platform,
      // Shared, not copied: every member of a cycle of 5,000 holding its own copy was 25 million refs.
      cycle: w.ctx.cycle.length === 0 ? NO_CYCLE : (w.ctx.cycle as string[]),
      blockers: blockersOf(findings, blockerRules),
      pathToReady: done || readinessClass === 'ready' ? NO_STEPS : pathToReady(findings, blockerRules, remedies, readinessClass === 'unknown' ? missingFields(w) : null),
      completed: completionDate(s, opts.asOf),
      retainedBy: retained,
      findings,
    }
  }

  /** The fields the rules without their data would have read, for a system too thin to judge. */
  function missingFields(w: Work): string[] {
    const out = new Set<string>()
    for (const active of options.rules) {
      w.ctx.options = active.options
      if (hasData(active, w.entry.system, w.ctx) < 1) for (const f of active.rule.meta.fields) if (!fieldPresent(w.entry.system, f)) out.add(f)
    }
    return [...out].sort()
  }

  /** Second-pass findings may add conditions, never clear them; the first pass decided blockers. */
  function classifyFinal(w: Work): Readiness {
    const first = READINESS[readiness[graph.index.get(w.entry.ref)!]]
    if (first !== 'ready') return first
    return classify(w)
  }
}

/**
 * Deadline status, separate from readiness (README "Deadline statuses"): a done system is `met` on or
 * before the deadline (or with no date recorded: counted apart in doneByDeadline) and `met-late` after
 * it, with its days late; a system retained because its classification requires it is `exempt`;
 * otherwise `missed` when the deadline has passed, `at-risk` when the plan's own date is late, missing
 * or overdue, else `on-track`.
 */
export function deadlineStatus(entry: EstateSystem, findings: Finding[], opts: {asOf: string; deadline: string}): {status: DeadlineStatus; daysLate: number} {
  if (isDone(entry)) {
    const completed = completionDate(entry.system, opts.asOf)
    if (completed !== null && completed > opts.deadline) return {status: 'met-late', daysLate: daysBetween(opts.deadline, completed)}
    return {status: 'met', daysLate: 0}
  }
  if (retainedBy(entry.system) === 'classification') return {status: 'exempt', daysLate: 0}
  const late = daysBetween(opts.deadline, opts.asOf)
  if (late > 0) return {status: 'missed', daysLate: late}
  const target = entry.system.migration?.target_date
  const atRisk = !target || target > opts.deadline || target < opts.asOf || findings.some((f) => f.category !== 'deadline' && f.severity === 'critical')
  return {status: atRisk ? 'at-risk' : 'on-track', daysLate: 0}
}

const DEADLINE_RANK: Record<Severity, number> = {critical: 0, high: 1, medium: 2, low: 3, info: 4}

/**
 * One fact, one finding: at most one deadline finding per system — the most severe, its message
 * carrying the others' — and none for a system exempt by its classification.
 */
function oneDeadlineFinding(findings: Finding[], exempt: boolean): Finding[] {
  let count = 0
  for (const f of findings) if (f.category === 'deadline') count++
  if (count === 0 || (count === 1 && !exempt)) return findings
  const rest = findings.filter((f) => f.category !== 'deadline')
  if (exempt) return rest
  const deadline = findings.filter((f) => f.category === 'deadline').sort((a, b) => DEADLINE_RANK[a.severity] - DEADLINE_RANK[b.severity] || (a.rule < b.rule ? -1 : 1))
  const [first, ...others] = deadline
  rest.push({...first, message: `${first.message}; also: ${others.map((f) => f.message).join('; ')}`})
  return rest
}

/** Dotted field paths split once: `fieldPresent` runs for every rule on every system. */
const fieldPaths = new Map<string, string[]>()

function allFieldsPresent(system: object, fields: readonly string[]): boolean {
  for (const f of fields) if (!fieldPresent(system, f)) return false
  return true
}

export function fieldPresent(system: object, dotted: string): boolean {
  let path = fieldPaths.get(dotted)
  if (!path) fieldPaths.set(dotted, (path = dotted.split('.')))
  let node: unknown = system
  for (const part of path) {
    if (node === null || typeof node !== 'object') return false
    node = (node as Record<string, unknown>)[part]
    if (node === undefined || node === null) return false
  }
  return true
}

const SEVERITY_RANK: Record<Severity, number> = {critical: 0, high: 1, medium: 2, low: 3, info: 4}

export function severityRank(s: Severity): number {
  return SEVERITY_RANK[s]
}

/**
 * Sorts in place by `compareFindings`. A system has a handful of findings: an insertion sort
 * allocates nothing, where `Array.prototype.sort` copies every array it sorts.
 */
function sortFindings(findings: Finding[]): Finding[] {
  if (findings.length > 32) return findings.sort(compareFindings)
  for (let i = 1; i < findings.length; i++) {
    const f = findings[i]
    let j = i - 1
    while (j >= 0 && compareFindings(findings[j], f) > 0) {
      findings[j + 1] = findings[j]
      j--
    }
    findings[j + 1] = f
  }
  return findings
}

export function compareFindings(a: Finding, b: Finding): number {
  if (a.file !== b.file) return a.file < b.file ? -1 : 1
  return a.line - b.line || a.column - b.column || SEVERITY_RANK[a.severity] - SEVERITY_RANK[b.severity] || (a.rule < b.rule ? -1 : a.rule > b.rule ? 1 : 0)
}

function zeroes<K extends string>(keys: readonly K[]): Record<K, number> {
  return Object.fromEntries(keys.map((k) => [k, 0])) as Record<K, number>
}

const READINESS: readonly Readiness[] = ['ready', 'ready-with-conditions', 'not-ready', 'unknown']
const DEADLINE_STATUSES: readonly DeadlineStatus[] = ['met', 'met-late', 'on-track', 'at-risk', 'missed', 'exempt']

const PUBLIC_HOSTING = new Set(['public-cloud', 'saas'])
const noMoney = (): MoneyPart => ({gbp: 0, systems: 0, noCostRecorded: 0})

function addMoney(part: MoneyPart, cost: number | null): void {
  part.systems++
  if (cost === null) part.noCostRecorded++
  else part.gbp += cost
}

export function summarise(systems: Iterable<SystemAssessment>): Summary {
  const s = emptySummary()
  let past = 0
  for (const a of systems) past += addTo(s, a)
  return closeSummary(s, past)
}

function emptySummary(): Summary {
  return {
    systems: 0,
    byReadiness: zeroes(READINESS),
    bySeverity: zeroes(SEVERITIES),
    byCategory: zeroes(CATEGORIES),
    byDeadlineStatus: zeroes(DEADLINE_STATUSES),
    done: 0,
    toMove: 0,
    retained: 0,
    doneByDeadline: {count: 0, share: 0, undated: 0},
    shareReady: 0,
    shareReadyOrConditional: 0,
    sharePastEndOfSupport: 0,
    annualRunGbp: 0,
    runCost: {toMove: noMoney(), pastSecuritySupport: noMoney(), extendedSupportOnly: noMoney(), notReady: noMoney(), retained: noMoney()},
  }
}

/** Counts one system into a summary; 1 when it is past end of support (the share is made at the end). */
function addTo(s: Summary, a: SystemAssessment): number {
  s.systems++
  s.byReadiness[a.readiness]++
  s.byDeadlineStatus[a.deadlineStatus]++
  const findings = a.findings
  for (let j = 0; j < findings.length; j++) {
    const f = findings[j]
    s.bySeverity[f.severity]++
    s.byCategory[f.category]++
  }
  const done = a.migrationStatus === 'migrated' || a.migrationStatus === 'retired'
  if (done) {
    s.done++
    if (a.completed === null) s.doneByDeadline.undated++
    else if (a.deadlineStatus === 'met') s.doneByDeadline.count++
  } else if (a.retainedBy !== null) s.retained++
  else s.toMove++
  s.annualRunGbp += a.annualRunGbp ?? 0
  if (!done) addRunCost(s.runCost, a)
  return a.pastEndOfSupport ? 1 : 0
}

function closeSummary(s: Summary, past: number): Summary {
  const n = s.systems || 1
  s.shareReady = round(s.byReadiness.ready / n)
  s.shareReadyOrConditional = round((s.byReadiness.ready + s.byReadiness['ready-with-conditions']) / n)
  s.sharePastEndOfSupport = round(past / n)
  s.doneByDeadline.share = round(s.doneByDeadline.count / n)
  return s
}

/** Of the systems not yet migrated or retired (retained ones included), how many in each readiness class. */
export interface StillToMove {
  systems: number
  byReadiness: Record<Readiness, number>
}

export function stillToMove(systems: Iterable<SystemAssessment>): StillToMove {
  const left: StillToMove = {systems: 0, byReadiness: zeroes(READINESS)}
  for (const a of systems) addLeft(left, a)
  return left
}

function addLeft(left: StillToMove, a: SystemAssessment): void {
  if (a.migrationStatus === 'migrated' || a.migrationStatus === 'retired') return
  left.systems++
  left.byReadiness[a.readiness]++
}

/**
 * The estate's summary, each department's, and the readiness of what is still to move, a system at
 * a time: the lazy assessment counts each system and drops it.
 */
class Tally {
  private readonly all = emptySummary()
  private past = 0
  private readonly depts = new Map<string, {summary: Summary; past: number}>()
  private readonly left: StillToMove = {systems: 0, byReadiness: zeroes(READINESS)}

  constructor(private readonly estate: Estate) {
    for (const inv of estate.inventories) this.depts.set(inv.inventory.department.id, {summary: emptySummary(), past: 0})
  }

  add(a: SystemAssessment): void {
    this.past += addTo(this.all, a)
    const d = this.depts.get(a.department)
    if (d) d.past += addTo(d.summary, a)
    addLeft(this.left, a)
  }

  totals(): {summary: Summary; departments: DepartmentSummary[]; stillToMove: StillToMove} {
    const departments = this.estate.inventories
      .map((inv) => {
        const d = this.depts.get(inv.inventory.department.id)!
        return {id: inv.inventory.department.id, name: inv.inventory.department.name, file: inv.file, summary: closeSummary(d.summary, d.past)}
      })
      .sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0))
    return {summary: closeSummary(this.all, this.past), departments, stillToMove: this.left}
  }
}

/** One system still running, into the named parts of run cost (README "Money"). */
function addRunCost(parts: RunCost, a: SystemAssessment): void {
  if (PUBLIC_HOSTING.has(a.hosting)) return
  const cost = a.annualRunGbp
  if (a.retainedBy !== null) return addMoney(parts.retained, cost)
  addMoney(parts.toMove, cost)
  const phases = Object.values(a.platform).map((p) => p.phase)
  if (phases.includes('unsupported') || phases.includes('extended-only')) addMoney(parts.pastSecuritySupport, cost)
  if (phases.includes('extended-only') && !phases.includes('unsupported')) addMoney(parts.extendedSupportOnly, cost)
  if (a.readiness === 'not-ready') addMoney(parts.notReady, cost)
}

function round(x: number): number {
  return Math.round(x * 1000) / 1000
}
