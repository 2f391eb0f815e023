import {addMonths, daysBetween} from '../core/dates.js'
import {count, isRetired, monthsOption, nearest} from './shared.js'
import {SOURCES} from './sources.js'
import type {Rule} from './types.js'

export const rule: Rule = {
  meta: {
    id: 'security-health-check-stale',
    category: 'security',
    severity: 'medium',
    description: 'The last IT Health Check (ITHC) is older than 12 months (option months), or none is recorded.',
    rationale:
      'An ITHC is the independent test that a system has no significant weaknesses. One more than a year old says little about today\'s system; a migration should start from a current one, and the new hosting will need its own.',
    sources: [SOURCES.ithc, SOURCES.govs007, SOURCES.tcopSecure],
    remedy: 'Commission an ITHC from a CHECK or CREST provider, fix its critical and high findings, and record its date in security.last_health_check.',
    // A missing ITHC is itself the finding (no assurance is a fact, as with a missing classification),
    // so the rule judges every system and never lowers confidence: its finding already costs score.
    fields: [],
    reads: ['security.last_health_check'],
    example: 'security: {last_health_check: 2022-06-30}',
    options: {months: 12},
  },
  check(system, ctx) {
    if (isRetired(system)) return []
    const last = system.security?.last_health_check
    if (!last) return [{pointer: nearest(system, ['security']), message: 'No IT Health Check is recorded: there is no independent assurance of the system\'s security'}]
    // A check that has not happened yet is no assurance: the date is a data error, said as such.
    if (last > ctx.asOf) return [{pointer: '/security/last_health_check', message: `The last IT Health Check is dated ${last}, after the day of this assessment (${ctx.asOf}): a date in the future is a data error — record when the last check took place`}]
    const months = monthsOption(ctx)
    if (addMonths(last, months) >= ctx.asOf) return []
    return [{pointer: '/security/last_health_check', message: `The last IT Health Check was on ${last}, ${count(daysBetween(last, ctx.asOf), 'day')} ago; one is due at least every ${count(months, 'month')}`}]
  },
}
