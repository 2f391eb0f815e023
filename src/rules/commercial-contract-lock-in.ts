import {daysBetween} from '../core/dates.js'
import {count, isDone} from './shared.js'
import {SOURCES} from './sources.js'
import type {Rule} from './types.js'

export const rule: Rule = {
  meta: {
    id: 'commercial-contract-lock-in',
    category: 'commercial',
    severity: 'medium',
    description: 'A supplier contract runs past the cloud deadline with no break clause.',
    rationale:
      'A long contract without a break clause ties the system to its current supplier and hosting: moving before it ends means paying twice or negotiating an exit. Contracts should be short and have an exit plan.',
    sources: [SOURCES.tcopPurchasing, SOURCES.ddatPlaybook, SOURCES.lockIn],
    remedy: 'Negotiate a break clause or an early exit, or plan the move for the contract\'s end and record that date as the migration target.',
    fields: ['contracts'],
    example: 'contracts:\n  - {supplier: Fujitsu, ends: 2027-03-31, break_clause: false}',
  },
  check(system, ctx) {
    if (isDone(system)) return []
    return (system.contracts ?? []).flatMap((c, i) => {
      // A break clause that is not recorded is unknown, not absent: only an explicit false is lock-in.
      if (c.break_clause !== false || !c.ends || c.ends <= ctx.deadline || c.ends <= ctx.asOf) return []
      const runs = `${count(daysBetween(ctx.asOf, c.ends), 'day')} from now, ${count(daysBetween(ctx.deadline, c.ends), 'day')} past the ${ctx.deadline} deadline`
      return [{pointer: `/contracts/${i}/ends`, message: `The ${c.supplier} contract runs to ${c.ends} (${runs}) with no break clause`}]
    })
  },
}
