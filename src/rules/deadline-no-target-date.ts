import {daysBetween} from '../core/dates.js'
import {count, isDone, nearest} from './shared.js'
import {SOURCES} from './sources.js'
import type {Rule} from './types.js'

export const rule: Rule = {
  meta: {
    id: 'deadline-no-target-date',
    category: 'deadline',
    severity: 'medium',
    description: 'A system not yet migrated or retired has no migration target date.',
    rationale:
      'Without a target date nobody can say whether the system will reach the cloud, how late it will be, or hold anyone to it; independent measurement of digital programmes needs one.',
    sources: [SOURCES.betterDigitalGovernment, SOURCES.govs005],
    remedy: 'Set migration.target_date, even provisionally, and review it with the migration plan.',
    // Judges an absence: a system without a target date is exactly what it reports.
    fields: [],
    reads: ['migration.status', 'migration.target_date'],
    example: 'migration: {status: not-started}',
  },
  check(system, ctx) {
    if (isDone(system) || system.migration?.target_date) return []
    const late = daysBetween(ctx.deadline, ctx.asOf)
    const when = late > 0 ? `the ${ctx.deadline} cloud deadline passed ${count(late, 'day')} ago` : `the cloud deadline is ${ctx.deadline}`
    return [{pointer: nearest(system, ['migration']), message: `No migration target date is set, so nothing shows when this system will reach the cloud; ${when}`}]
  },
}
