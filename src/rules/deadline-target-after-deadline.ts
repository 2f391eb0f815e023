import {daysBetween} from '../core/dates.js'
import {count, isDone} from './shared.js'
import {SOURCES} from './sources.js'
import type {Rule} from './types.js'

export const rule: Rule = {
  meta: {
    id: 'deadline-target-after-deadline',
    category: 'deadline',
    severity: 'high',
    description: 'The migration is planned to finish after the cloud deadline.',
    rationale:
      'The policy sets a date by which every service should be in the cloud. A plan whose own target date falls after it is late before it starts, and says so to anyone reading the plan. After the deadline, deadline-missed reports the lateness instead.',
    sources: [SOURCES.betterDigitalGovernment, SOURCES.cloudFirst],
    remedy: 'Bring the target date forward (a faster strategy, a smaller first move, more capacity), or record and agree the lateness with the Digital Task Force.',
    fields: ['migration.target_date'],
    example: 'migration: {status: planned, target_date: 2024-06-30}',
  },
  // A migrated or retired system is judged without a target date: there is nothing left to plan.
  hasData: (system) => isDone(system) || system.migration?.target_date !== undefined,
  check(system, ctx) {
    const target = system.migration?.target_date
    // Once the deadline has passed, deadline-missed says how late the system is: one finding, not two.
    if (isDone(system) || !target || target <= ctx.deadline || ctx.asOf > ctx.deadline) return []
    const late = daysBetween(ctx.deadline, target)
    return [{pointer: '/migration/target_date', message: `The migration target date ${target} is ${count(late, 'day')} after the ${ctx.deadline} cloud deadline`}]
  },
}
