/**
 * Facts about a system's place against the deadline that the audit and the plan must read the same
 * way — so that "still to move" is one number in both: when a done system got there, and whether a
 * system is retained (declared, or because its classification requires accredited infrastructure).
 */
import type {System} from '../model/types.js'

const HIGH_CLASSIFICATION = new Set(['SECRET', 'TOP-SECRET'])
const ACCREDITED_TARGETS = new Set(['private-cloud', 'crown-hosting'])

export function isDoneSystem(system: System): boolean {
  const status = system.migration?.status
  return status === 'migrated' || status === 'retired'
}

/**
 * When a migrated or retired system got there: `migration.completed`; for a migrated system without
 * it, its `target_date` when that date is not after the as-of date (it was the date it was moved to
 * meet, and it has passed with the move done — README "Deadline statuses"); else null (unknown).
 * A retired system's target date is never taken as its retirement date.
 */
export function completionDate(system: System, asOf: string): string | null {
  const m = system.migration
  if (!m || !isDoneSystem(system)) return null
  if (m.completed) return m.completed
  if (m.status === 'migrated' && m.target_date && m.target_date <= asOf) return m.target_date
  return null
}

/**
 * Why a system still to move is kept where it is, or null: `classification` (SECRET or TOP-SECRET data
 * declared retain, or with no declared move to an accredited target: it stays on accredited
 * infrastructure, as the plan recommends) or `declared` (migration.strategy retain for any other
 * reason). A declared retire is a move, not a retention.
 */
export function retainedBy(system: System): 'declared' | 'classification' | null {
  if (isDoneSystem(system)) return null
  const declared = system.migration?.strategy
  const classification = system.data?.classification
  const high = classification !== undefined && HIGH_CLASSIFICATION.has(classification)
  // Declared retain of SECRET data: retained because the classification requires it (exempt), declared or not.
  if (declared === 'retain') return high ? 'classification' : 'declared'
  if (!high || declared === 'retire') return null
  const target = system.migration?.target
  // A declared move to an accredited target (not repurchase: SaaS is not accredited) is a real move.
  if (declared && declared !== 'repurchase' && target && ACCREDITED_TARGETS.has(target)) return null
  return 'classification'
}

export function isHighClassification(system: System): boolean {
  const c = system.data?.classification
  return c !== undefined && HIGH_CLASSIFICATION.has(c)
}
