/**
 * What stands between a system and the cloud: its blockers (what makes the as-is move impossible),
 * its path to ready (every blocker and condition to clear, in order, with its remedy), and a score
 * that orders systems as their readiness classes do. README "Readiness" and "Score".
 */
import type {Finding, Readiness, Severity} from '../model/types.js'

export interface PathStep {
  /** The rule whose finding this step clears, or `too-little-data`. */
  rule: string
  severity: Severity
  /** Clearing it is needed before the system can move at all. */
  blocker: boolean
  /** The finding's message (the first, when a rule found several things). */
  message: string
  remedy: string
}

const SEVERITY_RANK: Record<Severity, number> = {critical: 0, high: 1, medium: 2, low: 3, info: 4}

/** Score bands: every `ready` system scores above every `ready-with-conditions` one, and those above `not-ready`. */
export const SCORE_BANDS: Record<Readiness, {low: number; high: number}> = {
  ready: {low: 70, high: 100},
  'ready-with-conditions': {low: 35, high: 69},
  'not-ready': {low: 0, high: 34},
  unknown: {low: 0, high: 34},
}

/** The score: the raw 0–100 (100 less each finding's penalty) placed inside its class's band. */
export function bandedScore(raw: number, readiness: Readiness): number {
  const band = SCORE_BANDS[readiness]
  return band.low + Math.round((Math.max(0, Math.min(100, raw)) * (band.high - band.low)) / 100)
}

/** A finding that stops the as-is move: any critical one, or one of a rule marked `blocker` (deadline findings never). */
export function blocks(f: Finding, blockerRules: ReadonlySet<string>): boolean {
  return f.category !== 'deadline' && (f.severity === 'critical' || blockerRules.has(f.rule))
}

/** The blockers' rule ids, most severe first, each once. */
export function blockersOf(findings: readonly Finding[], blockerRules: ReadonlySet<string>): string[] {
  const seen = new Map<string, Severity>()
  for (const f of findings) if (blocks(f, blockerRules) && !seen.has(f.rule)) seen.set(f.rule, f.severity)
  return [...seen].sort((a, b) => SEVERITY_RANK[a[1]] - SEVERITY_RANK[b[1]] || (a[0] < b[0] ? -1 : 1)).map(([rule]) => rule)
}

/**
 * The path to ready, in the order things must be cleared: the missing data first when there is too
 * little to judge (nothing else can be trusted until it is there), then the blockers, then the
 * conditions (high, then medium). One step per rule; low and info findings never stand in the way.
 */
export function pathToReady(findings: readonly Finding[], blockerRules: ReadonlySet<string>, remedies: ReadonlyMap<string, string>, missingFields: readonly string[] | null): PathStep[] {
  const steps = new Map<string, PathStep>()
  for (const f of findings) {
    if (f.category === 'deadline' || steps.has(f.rule)) continue
    const blocker = blocks(f, blockerRules)
    if (!blocker && f.severity !== 'high' && f.severity !== 'medium') continue
    steps.set(f.rule, {rule: f.rule, severity: f.severity, blocker, message: f.message, remedy: remedies.get(f.rule) ?? ''})
  }
  const ordered = [...steps.values()].sort((a, b) => Number(b.blocker) - Number(a.blocker) || SEVERITY_RANK[a.severity] - SEVERITY_RANK[b.severity] || (a.rule < b.rule ? -1 : 1))
  if (missingFields) {
    const fields = missingFields.length ? missingFields.join(', ') : 'the fields its rules need'
    ordered.unshift({
      rule: 'too-little-data',
      severity: 'high',
      blocker: false,
      message: `Too little data to judge this system: ${fields} ${missingFields.length === 1 ? 'is' : 'are'} not recorded`,
      remedy: `Record ${fields} in the inventory, then audit again: readiness is judged only on facts that are there.`,
    })
  }
  return ordered
}
