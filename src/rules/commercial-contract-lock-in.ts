import {daysBetween} from '../core/dates.js'
import {count, isDone} from './shared.js'
import {SOURCES} from './sources.js'
import type {Rule} from './types.js'

export const rule: Rule = {
  meta: {
    id: 'commercial-contract-lock-in',
    category: 'commercial',
    severity: 'medium',
    description: 'A supplier contract falls due before the system\'s move (a renewal), or runs on after it with no break clause (double running).',
    rationale:
      'A long contract without a break clause ties the system to its current supplier and hosting: moving before it ends means paying twice or negotiating an exit. Contracts should be short and have an exit plan.',
    sources: [SOURCES.tcopPurchasing, SOURCES.ddatPlaybook, SOURCES.lockIn],
    remedy: 'Renew a contract that ends before the move for the gap only, with a break clause; negotiate an exit from one that runs on after it, or move the migration target to its end.',
    fields: ['contracts'],
    example: 'contracts:\n  - {supplier: Fujitsu, ends: 2029-03-31, break_clause: false}\nmigration: {target_date: 2027-06-30}',
  },
  check(system, ctx) {
    if (isDone(system)) return []
    // Measured against the system's own move date (its target date), not against the policy deadline:
    // what costs money is a renewal falling due before the move, or running both after it.
    const move = system.migration?.target_date && system.migration.target_date >= ctx.asOf ? system.migration.target_date : undefined
    return (system.contracts ?? []).flatMap((c, i) => {
      if (!c.ends || c.ends <= ctx.asOf) return []
      const pointer = `/contracts/${i}/ends`
      if (move && c.ends < move) {
        return [{pointer, message: `The ${c.supplier} contract ends on ${c.ends}, before the move (migration.target_date = ${move}): it must be renewed to keep the system running until then — renew for the gap only, with a break clause`}]
      }
      // A break clause that is not recorded is unknown, not absent: only an explicit false is lock-in.
      if (c.break_clause !== false) return []
      if (move) {
        const months = Math.round(daysBetween(move, c.ends) / 30.44)
        if (months < 1) return []
        return [{pointer, message: `The ${c.supplier} contract runs to ${c.ends} with no break clause: ${count(months, 'month')} of double running after the move (migration.target_date = ${move})`}]
      }
      return [{pointer, message: `The ${c.supplier} contract runs to ${c.ends} (${count(daysBetween(ctx.asOf, c.ends), 'day')} from now) with no break clause, and no migration.target_date to plan the move around it`}]
    })
  },
}
