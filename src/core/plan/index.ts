/**
 * The migration plan: a strategy per system, move groups (dependency cycles move together), waves
 * under a capacity, dates, effort, and the verdict — when the estate finishes and how late that is.
 * Pure and deterministic: the same estate, options and asOf give the same plan, byte for byte.
 */
import type {Assessment, SystemAssessment} from '../assess/index.js'
import type {PlanningConfig} from '../config/index.js'
import {addDays, addMonths, daysBetween, isIsoDate} from '../dates.js'
import {UsageError} from '../errors.js'
import {buildGraph, stronglyConnected} from '../graph.js'
import type {Estate, Strategy} from '../model/types.js'
import {STRATEGIES} from '../model/types.js'
import {type Effort, effortModel, estimateEffort} from './effort.js'
import {type Capacity, schedule, type SchedGroup} from './schedule.js'
import {ASSESS_FIRST_BELOW, chooseStrategy, type Reason} from './strategy.js'
import type {Coupling} from '../model/dependencies.js'

export interface PlanOptions {
  capacity?: number
  capacityEffort?: number
  /** People on one move at once: a move takes its effort ÷ the team size in months, never less than its strategy's minimum. */
  teamSize?: number
  /** The coupling of a dependency that declares none (README "Planning"): tight unless set. */
  coupling?: Coupling
  waveLengthMonths?: number
  /** First day of wave 1 (default: the first day of the quarter after asOf). */
  start?: string
  planning?: PlanningConfig
}

export const DEFAULT_CAPACITY = 10
/** A dependency that declares no coupling is tight: the plan never moves a system before what it needs, unless told it may. */
export const DEFAULT_COUPLING: Coupling = 'tight'

/** The tight links of the graph under a default coupling (the graph's own lists when every link is tight). */
function tightDeps(graph: ReturnType<typeof buildGraph>, fallback: Coupling): number[][] {
  if (fallback === 'tight' && graph.coupling.every((c) => c.every((x) => x !== 'loose'))) return graph.deps
  return graph.deps.map((list, i) => list.filter((_, k) => (graph.coupling[i][k] ?? fallback) === 'tight'))
}

/** A period in which a system runs in the cloud while something it calls through a loose link is still on premises. */
export interface HybridPeriod {
  /** The system that moves first, and the one it depends on. */
  ref: string
  dependsOn: string
  /** From the end of the first move to the end of the second (null when the second never moves: retained). */
  from: string
  until: string | null
  months: number | null
  /** The wave in which the period opens (the first system's start wave). */
  wave: number
}
/** People working on one move at once (README "Planning"); `--team-size` or planning.teamSize change it. */
export const DEFAULT_TEAM_SIZE = 5
/**
 * The shortest a move of each strategy takes, in months, whatever its effort and team (README
 * "Planning", docs/schedule.md): the project's own assumptions from the work each involves — testing,
 * cut-over and parallel running — not a vendor's figure. A mainframe refactor is not a quarter's work.
 */
export const MIN_MONTHS: Record<Strategy, number> = {refactor: 12, repurchase: 6, replatform: 3, retire: 3, rehost: 1, relocate: 1, retain: 0}

/** How long a move takes: its effort spread over the team, never under its strategy's minimum. */
export function moveMonths(strategy: Strategy, personMonths: number, teamSize: number): number {
  return Math.max(MIN_MONTHS[strategy], Math.ceil(personMonths / teamSize - 1e-9))
}
export const DEFAULT_WAVE_MONTHS = 3

export type PlanStatus = 'planned' | 'done' | 'retained'

export interface PlannedSystem {
  ref: string
  department: string
  id: string
  name: string
  file: string
  line: number
  criticality: string
  readiness: string
  status: PlanStatus
  /** Null for a migrated or retired system that declared none: shown as "done", never guessed. */
  strategy: Strategy | null
  /** A rehost resting on too little data: assess first (README "Strategy"). */
  assessFirst: boolean
  /** When a done system got there (the audit's `completed`); null when not done or not recorded. */
  completed: string | null
  declaredStrategy: Strategy | null
  overridden: {declared: Strategy; reason: string} | null
  reasons: Reason[]
  moveGroup: string
  /** The wave the move starts in (null when nothing moves); it may run on through later waves. */
  wave: number | null
  effort: Effort
  /** How long the move takes, in months (its effort at the midpoint ÷ the team size, at least its strategy's minimum); null when nothing moves. */
  months: number | null
  /** The first day of its start wave, and the last day of the wave its group's move ends in; null when nothing moves. */
  start: string | null
  end: string | null
  /** Days the plan lands after the system's own migration.target_date (0 when on or before it); null without one, or when nothing moves. */
  slipDays: number | null
  annualRunGbp: number | null
  dependsOn: string[]
  /** Of `dependsOn`, the links that are loose (declared, or by the default coupling): they do not order the moves. */
  looseDependsOn: string[]
}

export interface Wave {
  number: number
  start: string
  end: string
  systems: string[]
  moveGroups: string[]
  effort: Effort
  risks: string[]
}

export interface MoveGroup {
  id: string
  systems: string[]
  wave: number | null
  dependsOn: string[]
  oversized: boolean
}

export interface Bridge {
  ref: string
  layer: string
  product: string
  /** End of security support: a date, or null when the table says only that it has ended. */
  securityEnd: string | null
  /** End of paid extended support, when there is one. */
  extendedEnd: string | null
  wave: number
  waveEnd: string
  /** Days from today (or the end of support, if later) to the end of the system's wave: the exposure still ahead. */
  exposureDays: number
  /** `extended-support`: paid support covers the gap and must be bought; `earlier-wave`: nothing covers it. */
  need: 'extended-support' | 'earlier-wave'
}

/** A system that cannot move yet and holds others back: what to clear first. */
export interface Blocker {
  ref: string
  readiness: string
  /** Systems in other move groups that depend directly on this system's group. */
  waiting: number
  /** The rules of its blocking (critical) findings, or why it cannot be judged. */
  rules: string[]
}

/**
 * What sets the completion date. A system may move in the same wave as what it depends on, so
 * dependencies alone never need more waves than the capacity does: they can only add waves when, with
 * the pilot, they leave waves part-empty. More capacity is what brings the date forward.
 */
export interface Constraint {
  waves: number
  /** Waves the capacity alone needs for the systems still to move. */
  byCapacity: number
  /** Waves beyond that, from the pilot wave and the order dependencies impose. */
  extraWaves: number
  /** Waves the longest chain of dependent moves takes end to end: the soonest the estate could finish with unlimited capacity. */
  longestChain: number
}

export interface ProgressPoint {
  date: string
  label: string
  systemsDone: number
  shareSystems: number
  shareRunCost: number
}

export interface Plan {
  asOf: string
  deadline: string
  start: string
  waveLengthMonths: number
  capacity: Capacity
  completion: string
  daysPastDeadline: number
  /** The completion if every move took its low or its high effort (the plan itself takes the midpoint), each with its days past the deadline. */
  completionRange: {early: string; late: string; daysPastDeadline: {early: number; late: number}}
  /** Each department's range: when its last move ends at the low and at the high effort (departments with nothing to move left out). */
  departmentRanges: Array<{department: string; early: string; late: string}>
  constraint: Constraint
  summary: {
    systems: number
    toMove: number
    done: number
    retained: number
    waves: number
    byStrategy: Record<Strategy, number>
    effort: Effort
    shareDoneByDeadline: number
    annualRunGbp: number
    /** The systems' own target dates the plan cannot keep: how many, and the longest slip in days. */
    slips: {systems: number; maxDays: number}
    teamSize: number
  }
  progress: ProgressPoint[]
  waves: Wave[]
  moveGroups: MoveGroup[]
  systems: PlannedSystem[]
  criticalPath: Array<{moveGroup: string; wave: number; systems: string[]}>
  blockers: Blocker[]
  bridges: Bridge[]
  externalConstraints: Array<{ref: string; dependsOn: string}>
  /** Loose links a system crosses first: it runs in the cloud while what it calls is still on premises. */
  hybridPeriods: HybridPeriod[]
  /** The pilot wave: wave 1 when a pilot-eligible group can start in it (null when none can, and `reason` says why). */
  pilot: {wave: number | null; systems: string[]; reason: string}
  warnings: string[]
}

/** The first day of the quarter after `date`. */
export function nextQuarter(date: string): string {
  const y = Number(date.slice(0, 4))
  const q = Math.floor((Number(date.slice(5, 7)) - 1) / 3)
  return q === 3 ? `${y + 1}-01-01` : `${y}-${String((q + 1) * 3 + 1).padStart(2, '0')}-01`
}

const READINESS_RANK: Record<string, number> = {ready: 0, 'ready-with-conditions': 1, unknown: 2, 'not-ready': 3}
const CRITICALITY_RANK: Record<string, number> = {critical: 0, high: 1, medium: 2, low: 3}

/** A pilot system: ready, of low criticality, with data known (confidence at least the assess-first threshold) — README "Planning". */
export function pilotEligible(a: SystemAssessment): boolean {
  return a.readiness === 'ready' && a.criticality === 'low' && a.confidence >= ASSESS_FIRST_BELOW
}

/**
 * The wave priority of a move group (smaller first): moves already under way keep their place and go
 * first; then pilot groups (every system pilot-eligible), which alone with them fill wave 1; then by
 * the least ready member, any member on an unsupported platform, the most critical member, and the run
 * cost the group carries (value). A group is only as ready as its least ready system: one not-ready
 * member holds the whole group back.
 */
function groupPriority(members: SystemAssessment[]): (number | string)[] {
  const tier = members.some((a) => a.migrationStatus === 'in-progress') ? 0 : members.every(pilotEligible) ? 1 : 2
  // Reduces, not spreads: a cycle of 150,000 systems would overflow the stack.
  const readiness = members.reduce((r, a) => Math.max(r, READINESS_RANK[a.readiness] ?? 9), 0)
  const unsupported = members.some((a) => a.pastEndOfSupport) ? 0 : 1
  const criticality = members.reduce((c, a) => Math.min(c, CRITICALITY_RANK[a.criticality] ?? 9), 9)
  const cost = members.reduce((sum, a) => sum + (a.annualRunGbp ?? 0), 0)
  return [tier, readiness, unsupported, criticality, -cost, members[0].ref]
}

/**
 * The links that order the moves: the tight links, except that a link to a system being retired turns
 * round — its retirement waits for every system that depends on it to move (or be repointed) first,
 * tight or loose (README "Planning"). A retained system still depending on a retired one cannot be
 * waited for: it gets a warning instead.
 */
function orderingLinks(all: number[][], tight: number[][], systems: PlannedSystem[], warnings: string[]): number[][] {
  const retiring = (d: number) => systems[d].status === 'planned' && systems[d].strategy === 'retire'
  if (!systems.some((_, d) => retiring(d))) return tight
  const order = tight.map((list) => list.filter((d) => !retiring(d)))
  for (let i = 0; i < all.length; i++) {
    for (const d of all[i]) {
      if (d === i || !retiring(d)) continue
      if (systems[i].status === 'planned') {
        if (!order[d].includes(i)) order[d].push(i)
      } else if (systems[i].status === 'retained') {
        warnings.push(`${systems[d].ref} is retired while ${systems[i].ref}, which is retained, still depends on it: repoint ${systems[i].ref} before the retirement`)
      }
    }
  }
  for (const list of order) list.sort((a, b) => a - b)
  return order
}

/**
 * A system's assessment with only what the plan reads of it (a big estate's plan keeps one per
 * system): its findings that are critical or high (effort's risk, the blockers of a system not
 * ready) and those the strategy rules look for; no path to ready. Every other field as it is.
 */
export function forThePlan(a: SystemAssessment): SystemAssessment {
  return {...a, findings: a.findings.filter(readByThePlan), pathToReady: NO_PATH}
}

const READ_BY_STRATEGY = new Set(['cost-retire-candidate', 'architecture-strategy-contradicted'])
const NO_PATH = Object.freeze([]) as unknown as SystemAssessment['pathToReady']

function readByThePlan(f: SystemAssessment['findings'][number]): boolean {
  return (f.category !== 'deadline' && (f.severity === 'critical' || f.severity === 'high')) || READ_BY_STRATEGY.has(f.rule)
}

export function plan(estate: Estate, assessment: Assessment, options: PlanOptions = {}): Plan {
  const planning = options.planning ?? {}
  const waveMonths = options.waveLengthMonths ?? planning.waveLengthMonths ?? DEFAULT_WAVE_MONTHS
  const effortCap = options.capacityEffort ?? (options.capacity === undefined ? planning.capacityEffort : undefined)
  const capacity: Capacity = effortCap !== undefined ? {effort: effortCap} : {systems: options.capacity ?? planning.capacity ?? DEFAULT_CAPACITY}
  const start = options.start ?? planning.start ?? nextQuarter(assessment.asOf)
  // The default start is the next quarter: from late 9999 that is in the year 10000, which no date here can hold.
  if (options.start === undefined && planning.start === undefined && start.length > 10) throw new UsageError(`--as-of ${assessment.asOf} leaves no room for a plan: its first wave would start in the year 10000 (dates are YYYY-MM-DD); give an --as-of before 9999-10-01`)
  // The command checks only the shape: 2027-13-01 would otherwise roll over into 2028.
  if (!isIsoDate(start)) throw new UsageError(`--start '${start}' is not a date: write it as YYYY-MM-DD (a real calendar date)`)
  // Waves in the past would count as done systems that have not moved, and call a late estate on time.
  if (start < assessment.asOf) throw new UsageError(`the plan cannot start on ${start}, before the day it is made (${assessment.asOf}): give a --start (or planning.start) on or after --as-of`)
  const model = effortModel(planning.effort)
  const teamSize = options.teamSize ?? planning.teamSize ?? DEFAULT_TEAM_SIZE
  // A loop, not `new Map(systems.map(…))`: 100k pairs made at once outlive the scavenges and stay as garbage.
  const byRef = new Map<string, SystemAssessment>()
  for (const s of assessment.systems) byRef.set(s.ref, s)

  const graph = buildGraph(estate)
  const n = graph.refs.length
  const systems: PlannedSystem[] = []
  for (let i = 0; i < n; i++) {
    const ref = graph.refs[i]
    const entry = estate.systems.get(ref)!
    const a = byRef.get(ref)!
    const choice = chooseStrategy(entry, a)
    const done = a.migrationStatus === 'migrated' || a.migrationStatus === 'retired'
    const status: PlanStatus = done ? 'done' : choice.strategy === 'retain' ? 'retained' : 'planned'
    systems.push({
      ref,
      department: a.department,
      id: a.id,
      name: a.name,
      file: a.file,
      line: a.line,
      criticality: a.criticality,
      readiness: a.readiness,
      status,
      strategy: choice.strategy,
      assessFirst: choice.assessFirst ?? false,
      completed: a.completed,
      declaredStrategy: entry.system.migration?.strategy ?? null,
      overridden: choice.overridden ?? null,
      reasons: choice.reasons,
      moveGroup: '',
      wave: null,
      effort: done || choice.strategy === null ? {low: 0, high: 0, unit: 'person-months'} : estimateEffort(entry.system, choice.strategy, a, model),
      months: null,
      start: null,
      end: null,
      slipDays: null,
      annualRunGbp: a.annualRunGbp,
      dependsOn: graph.deps[i].map((d) => graph.refs[d]),
      looseDependsOn: [],
    })
  }

  // Move groups: the strongly connected components, numbered in dependency order.
  // Only tight links order the moves and make cycles move together; a loose link may cross a hybrid link for a while.
  const coupling = options.coupling ?? planning.coupling ?? DEFAULT_COUPLING
  const tightLinks = tightDeps(graph, coupling)
  for (let i = 0; i < n; i++) if (tightLinks[i] !== graph.deps[i]) systems[i].looseDependsOn = graph.deps[i].filter((d) => !tightLinks[i].includes(d)).map((d) => graph.refs[d])
  const warnings: string[] = []
  const tight = orderingLinks(graph.deps, tightLinks, systems, warnings)
  const {components, component} = stronglyConnected(tight)
  const width = Math.max(3, String(components.length).length)
  const groupIds = components.map((_, c) => `mg-${String(c + 1).padStart(width, '0')}`)
  const schedGroups: SchedGroup[] = components.map((members, c) => {
    const movers = members.filter((m) => systems[m].status === 'planned')
    const deps = new Set<number>()
    for (const m of members) for (const d of tight[m]) if (component[d] !== c) deps.add(component[d])
    const assessed = movers.map((m) => byRef.get(systems[m].ref)!)
    return {
      deps: [...deps].sort((a, b) => a - b),
      size: movers.length,
      effort: movers.reduce((sum, m) => sum + (systems[m].effort.low + systems[m].effort.high) / 2, 0),
      priority: movers.length ? groupPriority(assessed) : [],
      skip: movers.length === 0,
      pilot: movers.length > 0 && assessed.every(pilotEligible),
      underWay: assessed.some((a) => a.migrationStatus === 'in-progress'),
    }
  })
  // A group moves as one: it runs as long as its longest move. Planned at the effort's midpoint, and
  // again at its low and high ends for the completion range.
  const spanAt = (pick: (e: Effort) => number) =>
    components.map((members) => {
      let months = 0
      for (const m of members) if (systems[m].status === 'planned' && systems[m].strategy !== null) months = Math.max(months, moveMonths(systems[m].strategy!, pick(systems[m].effort), teamSize))
      return Math.max(1, Math.ceil(months / waveMonths))
    })
  const runAt = (pick: (e: Effort) => number) => schedule(schedGroups, capacity, spanAt(pick))
  const result = runAt((e) => (e.low + e.high) / 2)
  const early = runAt((e) => e.low)
  const late = runAt((e) => e.high)
  // Dates are YYYY-MM-DD: past the year 9999 they would come out garbled (and it is no plan).
  if (addMonths(start, result.waves * waveMonths).length > 10) {
    throw new UsageError(`the plan needs ${result.waves} waves of ${waveMonths} months from ${start} and would end after the year 9999: raise the capacity or shorten the waves`)
  }

  // Each wave's dates worked out once, not once per system (100,000 systems, a few hundred waves).
  const starts: string[] = []
  const ends: string[] = []
  const waveStart = (w: number) => (starts[w] ??= addMonths(start, (w - 1) * waveMonths))
  const waveEnd = (w: number) => (ends[w] ??= addDays(addMonths(start, w * waveMonths), -1))
  const waves: Wave[] = Array.from({length: result.waves}, (_, k) => ({
    number: k + 1,
    start: waveStart(k + 1),
    end: waveEnd(k + 1),
    systems: [],
    moveGroups: [],
    effort: {low: 0, high: 0, unit: 'person-months'},
    risks: [],
  }))
  const moveGroups: MoveGroup[] = components.map((members, c) => ({
    id: groupIds[c],
    systems: members.map((m) => graph.refs[m]),
    wave: schedGroups[c].skip ? null : result.waveOf[c],
    dependsOn: schedGroups[c].deps.map((d) => groupIds[d]),
    oversized: false,
  }))
  for (let i = 0; i < n; i++) {
    const c = component[i]
    systems[i].moveGroup = groupIds[c]
    if (systems[i].status !== 'planned') continue
    const w = result.waveOf[c]
    systems[i].wave = w
    systems[i].months = moveMonths(systems[i].strategy!, (systems[i].effort.low + systems[i].effort.high) / 2, teamSize)
    systems[i].start = waveStart(w)
    systems[i].end = waveEnd(result.endOf[c])
    const target = estate.systems.get(systems[i].ref)!.system.migration?.target_date
    systems[i].slipDays = target ? Math.max(0, daysBetween(target, systems[i].end!)) : null
    const wave = waves[w - 1]
    wave.systems.push(systems[i].ref)
    wave.effort.low = round1(wave.effort.low + systems[i].effort.low)
    wave.effort.high = round1(wave.effort.high + systems[i].effort.high)
  }
  for (const g of result.oversized) {
    moveGroups[g].oversized = true
    const limit = capacity.systems !== undefined ? `${capacity.systems} systems` : `${capacity.effort} person-months`
    warnings.push(`move group ${groupIds[g]} (${moveGroups[g].systems.join(', ')}) exceeds the capacity of ${limit} per wave: it has wave ${result.waveOf[g]} to itself`)
  }
  for (const s of systems) if (s.overridden) warnings.push(`${s.ref}: declared strategy ${s.overridden.declared} overridden: ${s.overridden.reason}`)
  for (const g of moveGroups) if (g.wave !== null) waves[g.wave - 1].moveGroups.push(g.id)

  const completion = waves.length ? waves[waves.length - 1].end : assessment.asOf
  const pilot = pilotOf(systems, schedGroups, component, byRef, waves.length)
  // Loose links the plan lets a system cross first: the hybrid periods it opens.
  const hybridPeriods: HybridPeriod[] = []
  for (let i = 0; i < n; i++) {
    const me = systems[i]
    if (me.status !== 'planned' || me.end === null) continue
    graph.deps[i].forEach((d, k) => {
      if ((graph.coupling[i][k] ?? coupling) !== 'loose') return
      const other = systems[d]
      if (other.status === 'done') return
      const until = other.status === 'planned' ? other.end : null
      if (until !== null && until <= me.end!) return
      hybridPeriods.push({ref: me.ref, dependsOn: other.ref, from: me.end!, until, months: until === null ? null : Math.round(daysBetween(me.end!, until) / 30.44), wave: me.wave!})
    })
  }
  // Greedy packing is not monotonic in the durations: the range is held to contain the plan's own date.
  const endOfPlan = (r: typeof result) => (r.waves ? waveEnd(r.waves) : assessment.asOf)
  const rangeEarly = [endOfPlan(early), completion].sort()[0]
  const rangeLate = [endOfPlan(late), completion].sort()[1]
  const pastDeadline = (d: string) => (waves.length === 0 ? 0 : Math.max(0, daysBetween(assessment.deadline, d)))
  const slipped = systems.filter((s) => s.slipDays !== null && s.slipDays > 0)
  // Per department, the end of its last move in the low- and high-effort schedules, held to contain its own date as above.
  const byDepartment = new Map<string, {early: string; late: string; own: string}>()
  for (let i = 0; i < n; i++) {
    const me = systems[i]
    if (me.status !== 'planned' || me.end === null) continue
    const c = component[i]
    const lo = waveEnd(early.endOf[c])
    const hi = waveEnd(late.endOf[c])
    const d = byDepartment.get(me.department)
    if (!d) byDepartment.set(me.department, {early: lo, late: hi, own: me.end})
    else {
      if (lo > d.early) d.early = lo
      if (hi > d.late) d.late = hi
      if (me.end > d.own) d.own = me.end
    }
  }
  const departmentRanges = [...byDepartment]
    .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))
    .map(([department, d]) => ({department, early: d.early < d.own ? d.early : d.own, late: d.late > d.own ? d.late : d.own}))
  const bridges = findBridges(systems, byRef, waves, assessment.asOf)
  // Counted once per wave, not by scanning every group and bridge for each wave (100,000 waves × groups).
  const cyclesIn = new Int32Array(waves.length + 1)
  const oversizedIn = new Uint8Array(waves.length + 1)
  const bridgedIn = new Int32Array(waves.length + 1)
  for (const g of moveGroups) {
    if (g.wave === null) continue
    if (g.systems.length > 1) cyclesIn[g.wave]++
    if (g.oversized) oversizedIn[g.wave] = 1
  }
  for (const b of bridges) bridgedIn[b.wave]++
  for (const w of waves) w.risks = waveRisks(w, byRef, bridgedIn[w.number], cyclesIn[w.number], oversizedIn[w.number] === 1)

  const byStrategy = Object.fromEntries(STRATEGIES.map((s) => [s, 0])) as Record<Strategy, number>
  // The effort to move: systems in a wave (retained and done ones have no migration effort ahead).
  let effortLow = 0
  let effortHigh = 0
  for (const s of systems) {
    if (s.strategy !== null) byStrategy[s.strategy]++
    if (s.wave === null) continue
    effortLow += s.effort.low
    effortHigh += s.effort.high
  }
  const done = systems.filter((s) => s.status === 'done').length
  const retained = systems.filter((s) => s.status === 'retained').length
  const progress = progressPoints(systems, waves, assessment.asOf, assessment.deadline, completion)
  const atDeadline = progress.find((p) => p.label === 'deadline')
  if (waves.length === 0) warnings.push('nothing is left to move: every system is migrated, retired or retained (migration dates are not recorded)')
  const {path, longestChain} = criticalPath(moveGroups, groupIds, result.waveOf, schedGroups, (g) => result.endOf[g] - result.waveOf[g] + 1)
  // A move uses capacity in every wave it runs in: the capacity alone needs this many system-waves (or person-months) over the capacity.
  const systemWaves = schedGroups.reduce((sum, g, c) => sum + (g.skip ? 0 : g.size * (result.endOf[c] - result.waveOf[c] + 1)), 0)
  const byCapacity = capacity.systems !== undefined ? Math.ceil(systemWaves / capacity.systems) : Math.ceil(schedGroups.reduce((sum, g) => sum + (g.skip ? 0 : g.effort), 0) / capacity.effort!)
  const constraint: Constraint = {waves: waves.length, byCapacity, extraWaves: Math.max(0, waves.length - byCapacity), longestChain}
  const externalConstraints: Array<{ref: string; dependsOn: string}> = []
  graph.external.forEach((ext, i) => ext.forEach((d) => externalConstraints.push({ref: graph.refs[i], dependsOn: d})))

  // Said in the wave that opens each period, after the other risks.
  for (const h of hybridPeriods) {
    const risk = `hybrid links opened (a system in the cloud calling one still on premises)`
    const w = waves[h.wave - 1]
    if (!w.risks.includes(risk)) w.risks.push(risk)
  }

  return {
    asOf: assessment.asOf,
    deadline: assessment.deadline,
    start,
    waveLengthMonths: waveMonths,
    capacity,
    completion,
    daysPastDeadline: pastDeadline(completion),
    completionRange: {early: rangeEarly, late: rangeLate, daysPastDeadline: {early: pastDeadline(rangeEarly), late: pastDeadline(rangeLate)}},
    departmentRanges,
    constraint,
    summary: {
      systems: n,
      toMove: n - done - retained,
      done,
      retained,
      waves: waves.length,
      byStrategy,
      effort: {low: round1(effortLow), high: round1(effortHigh), unit: 'person-months'},
      shareDoneByDeadline: atDeadline?.shareSystems ?? 0,
      annualRunGbp: systems.reduce((sum, s) => sum + (s.annualRunGbp ?? 0), 0),
      slips: {systems: slipped.length, maxDays: slipped.reduce((m, s) => Math.max(m, s.slipDays!), 0)},
      teamSize,
    },
    progress,
    waves,
    moveGroups,
    systems,
    criticalPath: path,
    blockers: findBlockers(systems, byRef, graph.deps, component),
    bridges,
    externalConstraints,
    hybridPeriods,
    pilot,
    warnings,
  }
}

/** Which systems the pilot wave holds, or why there is none (README "Planning"). */
function pilotOf(systems: PlannedSystem[], groups: SchedGroup[], component: Int32Array, byRef: Map<string, SystemAssessment>, waves: number): Plan['pilot'] {
  const rule = 'ready, of low criticality and with data known (confidence at least 0.7)'
  const inPilot = systems.filter((s, i) => s.wave === 1 && groups[component[i]].pilot).map((s) => s.ref)
  if (inPilot.length) return {wave: 1, systems: inPilot, reason: `every system in it is ${rule}`}
  if (waves === 0) return {wave: null, systems: [], reason: 'nothing is left to move'}
  const eligible = systems.filter((s) => s.status === 'planned' && pilotEligible(byRef.get(s.ref)!)).length
  const reason =
    eligible === 0
      ? `no system to move is ${rule}: wave 1 starts the highest-priority moves instead`
      : eligible === 1
        ? `the one system that is ${rule} waits on a dependency or moves with systems that are not: wave 1 starts the highest-priority moves instead`
        : `the ${eligible} systems that are ${rule} wait on dependencies or move with systems that are not: wave 1 starts the highest-priority moves instead`
  return {wave: null, systems: [], reason}
}

function round1(x: number): number {
  return Math.round(x * 10) / 10
}

/**
 * Systems whose OS, database or runtime is out of security support before their wave ends: they
 * need paid extended support until they move, or an earlier wave where nothing covers them.
 */
function findBridges(systems: PlannedSystem[], byRef: Map<string, SystemAssessment>, waves: Wave[], asOf: string): Bridge[] {
  const out: Bridge[] = []
  for (const s of systems) {
    if (s.wave === null) continue
    const wave = waves[s.wave - 1]
    for (const [layer, p] of Object.entries(byRef.get(s.ref)!.platform)) {
      const ended = p.securityEnd === true
      const end = typeof p.securityEnd === 'string' ? p.securityEnd : null
      if (!ended && (end === null || end >= wave.end)) continue
      const extendedEnd = typeof p.extendedEnd === 'string' ? p.extendedEnd : null
      const from = end !== null && end > asOf ? end : asOf
      out.push({
        ref: s.ref,
        layer,
        product: `${p.name}${p.version ? ` ${p.version}` : ''}`,
        securityEnd: end,
        extendedEnd,
        wave: s.wave,
        waveEnd: wave.end,
        exposureDays: Math.max(0, daysBetween(from, wave.end)),
        need: extendedEnd !== null && extendedEnd >= wave.end ? 'extended-support' : 'earlier-wave',
      })
    }
  }
  return out
}

/**
 * Not-ready (or unknown) systems still to move that others wait on, most waited-on first: the
 * blockers to clear before anything else, since their whole move group, and its dependants, wait.
 */
function findBlockers(systems: PlannedSystem[], byRef: Map<string, SystemAssessment>, deps: number[][], component: Int32Array): Blocker[] {
  const waiting = new Map<number, Set<number>>()
  for (let i = 0; i < deps.length; i++) {
    for (const d of deps[i]) {
      if (component[d] === component[i]) continue
      let set = waiting.get(component[d])
      if (!set) waiting.set(component[d], (set = new Set()))
      set.add(i)
    }
  }
  const out: Blocker[] = []
  systems.forEach((s, i) => {
    if (s.status !== 'planned' || (s.readiness !== 'not-ready' && s.readiness !== 'unknown')) return
    const count = waiting.get(component[i])?.size ?? 0
    if (count === 0) return
    const a = byRef.get(s.ref)!
    const rules = s.readiness === 'not-ready' ? [...new Set(a.findings.filter((f) => f.severity === 'critical' && f.category !== 'deadline').map((f) => f.rule))] : ['too little data to judge']
    out.push({ref: s.ref, readiness: s.readiness, waiting: count, rules})
  })
  return out.sort((a, b) => b.waiting - a.waiting || (a.ref < b.ref ? -1 : 1))
}

function waveRisks(w: Wave, byRef: Map<string, SystemAssessment>, bridged: number, cycles: number, oversized: boolean): string[] {
  const risks: string[] = []
  const members = w.systems.map((r) => byRef.get(r)!)
  const notReady = members.filter((a) => a.readiness === 'not-ready').length
  const unknown = members.filter((a) => a.readiness === 'unknown').length
  const critical = members.filter((a) => a.criticality === 'critical').length
  if (notReady) risks.push(`${notReady} not ready: blockers to clear first`)
  if (unknown) risks.push(`${unknown} with too little data to judge`)
  if (critical) risks.push(`${critical} critical`)
  if (bridged) risks.push(`${bridged} platform${bridged === 1 ? '' : 's'} out of security support before the wave ends`)
  if (cycles) risks.push(`${cycles} dependency cycle${cycles === 1 ? '' : 's'} moving together`)
  if (oversized) risks.push('a move group over the capacity')
  return risks
}

function progressPoints(systems: PlannedSystem[], waves: Wave[], asOf: string, deadline: string, completion: string): ProgressPoint[] {
  const total = systems.length || 1
  const cost = systems.reduce((sum, s) => sum + (s.annualRunGbp ?? 0), 0) || 1
  // Planned systems count from their wave's end.
  // One sweep over the finish dates in order, not a scan of every system for each point (thousands of points × systems).
  // Systems already migrated or retired count from when they got there (`completed`); those with no
  // date recorded count from the as-of date (done now, but never "done by the deadline" unless it is still ahead).
  const finishes: Array<{date: string; gbp: number}> = []
  for (const s of systems) {
    const date = s.status === 'done' ? (s.completed ?? asOf) : s.wave !== null ? waves[s.wave - 1].end : undefined
    if (date !== undefined) finishes.push({date, gbp: s.annualRunGbp ?? 0})
  }
  finishes.sort((a, b) => (a.date < b.date ? -1 : a.date > b.date ? 1 : 0))
  let next = 0
  let count = 0
  let gbp = 0
  const doneBy = (date: string) => {
    for (; next < finishes.length && finishes[next].date <= date; next++) {
      count++
      gbp += finishes[next].gbp
    }
    return {count, gbp}
  }
  const points: Array<{date: string; label: string}> = [{date: asOf, label: 'as-of'}, {date: deadline, label: 'deadline'}]
  const lastYear = Number(completion.slice(0, 4))
  for (let y = Number(asOf.slice(0, 4)); y <= lastYear; y++) if (`${y}-12-31` <= completion) points.push({date: `${y}-12-31`, label: `end-${y}`})
  points.push({date: completion, label: 'completion'})
  return points
    .sort((a, b) => (a.date < b.date ? -1 : a.date > b.date ? 1 : a.label < b.label ? -1 : 1))
    .map((p) => {
      const d = doneBy(p.date)
      return {date: p.date, label: p.label, systemsDone: d.count, shareSystems: Math.round((d.count / total) * 1000) / 1000, shareRunCost: Math.round((d.gbp / cost) * 1000) / 1000}
    })
}

/**
 * The critical path: the longest chain of dependencies through the move groups that move (each link
 * a group that must move after the one before it), from its first group to its last. It is the
 * shortest the estate could take with unlimited capacity (its length in waves); when the plan needs
 * more waves than that, capacity, not the chain, sets the completion date (`constraint`).
 */
function criticalPath(groups: MoveGroup[], ids: string[], waveOf: Int32Array, sched: SchedGroup[], span: (g: number) => number): {path: Array<{moveGroup: string; wave: number; systems: string[]}>; longestChain: number} {
  // Components come after the components they depend on, so one pass gives each chain's length in waves.
  const depth = new Int32Array(groups.length)
  let longestChain = 0
  let last = -1
  // Deeper first, then the later wave, then the later in dependency order (the end of a chain that shares its waves).
  const better = (g: number, than: number) => than === -1 || depth[g] > depth[than] || (depth[g] === depth[than] && waveOf[g] >= waveOf[than])
  for (let g = 0; g < groups.length; g++) {
    if (sched[g].skip) continue
    let d = 0
    for (const p of sched[g].deps) if (!sched[p].skip && depth[p] > d) d = depth[p]
    // A dependant may start in its dependency's last wave: the chain shares that wave.
    depth[g] = (d === 0 ? 0 : d - 1) + span(g)
    if (depth[g] > longestChain) longestChain = depth[g]
    if (better(g, last)) last = g
  }
  const path: Array<{moveGroup: string; wave: number; systems: string[]}> = []
  let g = last
  while (g !== -1) {
    path.push({moveGroup: ids[g], wave: waveOf[g], systems: groups[g].systems})
    let next = -1
    for (const d of sched[g].deps) if (!sched[d].skip && better(d, next)) next = d
    g = next
  }
  return {path: path.reverse(), longestChain}
}
