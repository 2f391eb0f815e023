import {daysBetween} from '../core/dates.js'
import {count, isDone, nearest} from './shared.js'
import {SOURCES} from './sources.js'
import type {Rule} from './types.js'

export const rule: Rule = {
  meta: {
    id: 'deadline-missed',
    category: 'deadline',
    severity: 'high',
    description: 'The cloud deadline has passed and the system is not migrated or retired.',
    rationale:
      'The policy asked for every service to be in the cloud by the deadline. That date has passed: each system still outside says how late the department is, in days, whatever its plan.',
    sources: [SOURCES.betterDigitalGovernment, SOURCES.cloudFirst, SOURCES.tcopCloud],
    remedy: 'Migrate or retire the system; until then, report its lateness and the date it will be done.',
    // Reads only migration.status, whose absence means not started (as the engine counts it).
    fields: [],
    reads: ['migration.status', 'migration.target_date', 'hosting'],
    example: 'migration: {status: in-progress}',
  },
  check(system, ctx) {
    const late = daysBetween(ctx.deadline, ctx.asOf)
    if (isDone(system) || late <= 0) return []
    const status = system.migration?.status ?? 'not-started'
    const target = system.migration?.target_date
    // What the system's own plan says, so a credible late plan reads differently from none at all.
    const plan = target ? (target >= ctx.asOf ? `; its target date ${target} would land it ${count(daysBetween(ctx.deadline, target), 'day')} late` : `; its target date ${target} has passed too`) : '; no target date is set'
    const facts = `${count(late, 'day')} after the ${ctx.deadline} deadline (migration status: ${status}${plan})`
    const pointer = nearest(system, ['migration', 'status'])
    if (system.hosting === 'public-cloud' || system.hosting === 'saas') {
      return [{pointer, message: `Not recorded as migrated ${facts}, although hosted on ${system.hosting}: set migration.status if the move is complete`}]
    }
    return [{pointer, message: `Not in the cloud ${facts}`}]
  },
}
