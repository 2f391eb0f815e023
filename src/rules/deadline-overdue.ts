import {daysBetween} from '../core/dates.js'
import {count, isDone} from './shared.js'
import {SOURCES} from './sources.js'
import type {Rule} from './types.js'

export const rule: Rule = {
  meta: {
    id: 'deadline-overdue',
    category: 'deadline',
    severity: 'high',
    description: 'The migration target date has passed and the system is not migrated or retired.',
    rationale:
      'A target date in the past is a plan that has already slipped: the estate\'s plan and its reports are wrong until it is reset, and the slip should be visible to whoever measures the programme.',
    sources: [SOURCES.betterDigitalGovernment, SOURCES.govs005],
    remedy: 'Record the migration as done if it is, or set a new, credible target date and say why the old one was missed.',
    fields: ['migration.target_date'],
    example: 'migration: {status: in-progress, target_date: 2023-09-30}',
  },
  hasData: (system) => isDone(system) || system.migration?.target_date !== undefined,
  check(system, ctx) {
    const target = system.migration?.target_date
    if (isDone(system) || !target || target >= ctx.asOf) return []
    const status = system.migration?.status ?? 'not-started'
    return [{pointer: '/migration/target_date', message: `The migration target date ${target} passed ${count(daysBetween(target, ctx.asOf), 'day')} ago and the migration is still ${status}`}]
  },
}
