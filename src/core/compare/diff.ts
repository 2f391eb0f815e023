/**
 * Base → head: what changed per system between two plans (added, removed, readiness, strategy,
 * wave, status), what changed in the findings when both sides were audited in this run, and
 * whether the head is worse — the gate of an inventory repository's pull requests.
 */
import {findingKey} from '../assess/baseline.js'
import {atOrAbove, type FailOn} from '../assess/report.js'
import {daysBetween} from '../dates.js'
import {type Finding, type Readiness, SEVERITIES, type Severity} from '../model/types.js'
import type {PlannedSystem} from '../plan/index.js'
import type {PlanSource} from './columns.js'

export interface SystemState {
  name: string
  readiness: string
  strategy: string
  status: string
  wave: number | null
  /** The last day of its wave; null when it does not move. */
  waveEnd: string | null
  moveGroup: string
}

export interface FindingChange {
  rule: string
  severity: Severity
  /** The severity in the base, for a finding that got worse; else null. */
  was: Severity | null
  /** Where in the system (the pointer without the system's own index, which moves as systems are added). */
  pointer: string
  message: string
}

export interface SystemChange {
  ref: string
  change: 'added' | 'removed' | 'changed'
  base: SystemState | null
  head: SystemState | null
  /** `up` is towards ready; null when the system is on one side only or did not change. */
  readiness: 'up' | 'down' | null
  strategyChanged: boolean
  waveMoved: boolean
  statusChanged: boolean
  newFindings: FindingChange[]
  resolvedFindings: FindingChange[]
  worseFindings: FindingChange[]
}

export interface CompareDiff {
  completion: {base: string; head: string; days: number}
  daysPastDeadline: {base: number; head: number; change: number}
  /** Findings are compared only when both sides were audited in this run (inventories, not plan JSONs). */
  findingsCompared: boolean
  counts: {
    added: number
    removed: number
    readinessUp: number
    readinessDown: number
    strategyChanged: number
    waveMoved: number
    statusChanged: number
    unchanged: number
    newFindings: number
    resolvedFindings: number
    worseFindings: number
  }
  /** New and worse findings by severity (their head severity); null when findings are not compared. */
  newFindingsBySeverity: Record<Severity, number> | null
  /** Systems with any change, by ref. */
  systems: SystemChange[]
  failOn: FailOn
  regression: boolean
  /** Why the head is worse, one sentence each; empty when it is not. */
  regressions: string[]
}

const READINESS_RANK: Record<string, number> = {ready: 0, 'ready-with-conditions': 1, unknown: 2, 'not-ready': 3}
const SEVERITY_RANK: Record<Severity, number> = {critical: 0, high: 1, medium: 2, low: 3, info: 4}

function state(s: PlannedSystem, source: PlanSource): SystemState {
  return {
    name: s.name,
    readiness: s.readiness,
    strategy: s.strategy ?? 'done',
    status: s.status,
    wave: s.wave,
    waveEnd: s.wave === null ? null : source.plan.waves[s.wave - 1].end,
    moveGroup: s.moveGroup,
  }
}

function relative(pointer: string): string {
  return pointer.replace(/^\/systems\/\d+/, '')
}

function change(f: Finding, was: Severity | null = null): FindingChange {
  return {rule: f.rule, severity: f.severity, was, pointer: relative(f.pointer), message: f.message}
}

const byFinding = (a: FindingChange, b: FindingChange) =>
  SEVERITY_RANK[a.severity] - SEVERITY_RANK[b.severity] || (a.rule < b.rule ? -1 : a.rule > b.rule ? 1 : 0) || (a.pointer < b.pointer ? -1 : a.pointer > b.pointer ? 1 : 0)

/**
 * Matches findings by rule, system and place within the system, as `audit --baseline` does; the
 * same finding at a higher severity counts as worse. Repeated keys are matched one for one.
 */
function diffFindings(ref: string, base: Finding[], head: Finding[]): {added: FindingChange[]; resolved: FindingChange[]; worse: FindingChange[]} {
  const pool = new Map<string, Finding[]>()
  for (const f of base) {
    const k = findingKey(ref, f.rule, f.pointer)
    const list = pool.get(k)
    if (list) list.push(f)
    else pool.set(k, [f])
  }
  const added: FindingChange[] = []
  const worse: FindingChange[] = []
  for (const f of head) {
    const list = pool.get(findingKey(ref, f.rule, f.pointer))
    if (!list || list.length === 0) {
      added.push(change(f))
      continue
    }
    // Prefer the base finding with the same message, then the same severity.
    let i = list.findIndex((b) => b.message === f.message)
    if (i === -1) i = list.findIndex((b) => b.severity === f.severity)
    if (i === -1) i = 0
    const [before] = list.splice(i, 1)
    if (SEVERITY_RANK[f.severity] < SEVERITY_RANK[before.severity]) worse.push(change(f, before.severity))
  }
  const resolved = [...pool.values()].flat().map((f) => change(f))
  return {added: added.sort(byFinding), resolved: resolved.sort(byFinding), worse: worse.sort(byFinding)}
}

function plural(n: number, word: string): string {
  return `${n} ${word}${n === 1 ? '' : 's'}`
}

/** The first few of a list, and how many more: a reason stays one readable line. */
function some(items: string[], max = 5): string {
  return items.length <= max ? items.join(', ') : `${items.slice(0, max).join(', ')} and ${items.length - max} more`
}

/** What changed from `base` to `head`, and whether the head is worse (see `regressions`). */
export function diffPlans(base: PlanSource, head: PlanSource, failOn: FailOn): CompareDiff {
  const findingsCompared = base.audit !== undefined && head.audit !== undefined
  const findingsOf = (source: PlanSource) => new Map((source.audit?.systems ?? []).map((s) => [s.ref, s.findings]))
  const baseFindings = findingsOf(base)
  const headFindings = findingsOf(head)
  const baseSystems = new Map(base.plan.systems.map((s) => [s.ref, s]))
  const headSystems = new Map(head.plan.systems.map((s) => [s.ref, s]))
  const refs = [...new Set([...baseSystems.keys(), ...headSystems.keys()])].sort()

  const counts: CompareDiff['counts'] = {added: 0, removed: 0, readinessUp: 0, readinessDown: 0, strategyChanged: 0, waveMoved: 0, statusChanged: 0, unchanged: 0, newFindings: 0, resolvedFindings: 0, worseFindings: 0}
  const newBySeverity = Object.fromEntries(SEVERITIES.map((s) => [s, 0])) as Record<Severity, number>
  const systems: SystemChange[] = []
  const drops: string[] = []
  const gating: string[] = []
  for (const ref of refs) {
    const b = baseSystems.get(ref)
    const h = headSystems.get(ref)
    const found = findingsCompared ? diffFindings(ref, baseFindings.get(ref) ?? [], headFindings.get(ref) ?? []) : {added: [], resolved: [], worse: []}
    const c: SystemChange = {
      ref,
      change: !b ? 'added' : !h ? 'removed' : 'changed',
      base: b ? state(b, base) : null,
      head: h ? state(h, head) : null,
      readiness: null,
      strategyChanged: false,
      waveMoved: false,
      statusChanged: false,
      newFindings: found.added,
      resolvedFindings: found.resolved,
      worseFindings: found.worse,
    }
    if (b && h) {
      const before = READINESS_RANK[b.readiness] ?? 9
      const after = READINESS_RANK[h.readiness] ?? 9
      if (after < before) c.readiness = 'up'
      if (after > before) {
        c.readiness = 'down'
        drops.push(`${ref} ${b.readiness as Readiness} → ${h.readiness as Readiness}`)
      }
      c.strategyChanged = b.strategy !== h.strategy
      c.waveMoved = b.wave !== h.wave
      c.statusChanged = b.status !== h.status
    }
    if (c.change === 'added') counts.added++
    if (c.change === 'removed') counts.removed++
    if (c.readiness === 'up') counts.readinessUp++
    if (c.readiness === 'down') counts.readinessDown++
    if (c.strategyChanged) counts.strategyChanged++
    if (c.waveMoved) counts.waveMoved++
    if (c.statusChanged) counts.statusChanged++
    counts.newFindings += c.newFindings.length
    counts.resolvedFindings += c.resolvedFindings.length
    counts.worseFindings += c.worseFindings.length
    for (const f of [...c.newFindings, ...c.worseFindings]) {
      newBySeverity[f.severity]++
      if (atOrAbove(f.severity, failOn)) gating.push(`${ref}: ${f.rule} (${f.was ? `${f.was} → ` : ''}${f.severity})`)
    }
    const changed = c.change !== 'changed' || c.readiness !== null || c.strategyChanged || c.waveMoved || c.statusChanged || c.newFindings.length > 0 || c.resolvedFindings.length > 0 || c.worseFindings.length > 0
    if (changed) systems.push(c)
    else counts.unchanged++
  }

  const days = daysBetween(base.plan.completion, head.plan.completion)
  const regressions: string[] = []
  if (days > 0) regressions.push(`completion ${plural(days, 'day')} later: ${base.plan.completion} → ${head.plan.completion}`)
  if (drops.length) regressions.push(`readiness dropped for ${plural(drops.length, 'system')}: ${some(drops)}`)
  if (gating.length) regressions.push(`${plural(gating.length, 'new finding')} at or above ${failOn}: ${some(gating)}`)
  return {
    completion: {base: base.plan.completion, head: head.plan.completion, days},
    daysPastDeadline: {base: base.plan.daysPastDeadline, head: head.plan.daysPastDeadline, change: head.plan.daysPastDeadline - base.plan.daysPastDeadline},
    findingsCompared,
    counts,
    newFindingsBySeverity: findingsCompared ? newBySeverity : null,
    systems,
    failOn,
    regression: regressions.length > 0,
    regressions,
  }
}
