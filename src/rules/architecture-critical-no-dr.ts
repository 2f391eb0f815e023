import {addMonths, daysBetween} from '../core/dates.js'
import {count, isRetired, monthsOption, nearest} from './shared.js'
import {SOURCES} from './sources.js'
import type {Rule, RuleReport} from './types.js'

export const rule: Rule = {
  meta: {
    id: 'architecture-critical-no-dr',
    category: 'architecture',
    severity: 'high',
    description: 'A critical system has no recovery time objective, no tested disaster recovery, or a DR test older than 12 months (option months).',
    rationale:
      'A critical service must be recoverable within a known time, proven by a test. A migration is when recovery is most likely to be needed and when the design changes: the RTO sets the target design and a recent test is the baseline.',
    sources: [SOURCES.ncsc2, SOURCES.govs005, SOURCES.tcopSecure],
    remedy: 'Agree an RTO with the service owner, test disaster recovery against it, record resilience.rto_hours and resilience.dr_tested, and design the target hosting to meet it.',
    // Judges an absence for critical systems and nothing for the others, so it needs no field.
    fields: [],
    reads: ['criticality', 'resilience.rto_hours', 'resilience.dr_tested'],
    example: 'criticality: critical\nresilience: {rto_hours: 4}',
    options: {months: 12},
  },
  check(system, ctx) {
    if (system.criticality !== 'critical' || isRetired(system)) return []
    const resilience = system.resilience
    const missing = [
      ...(resilience?.rto_hours === undefined ? ['recovery time objective (resilience.rto_hours)'] : []),
      ...(resilience?.dr_tested === undefined ? ['recorded disaster recovery test (resilience.dr_tested)'] : []),
    ]
    const reports: RuleReport[] = []
    if (missing.length > 0) reports.push({pointer: nearest(system, ['resilience']), message: `Critical system with no ${missing.join(' and no ')}`})
    const tested = resilience?.dr_tested
    const months = monthsOption(ctx)
    if (tested && tested > ctx.asOf) {
      reports.push({pointer: '/resilience/dr_tested', message: `Critical system whose disaster recovery test is dated ${tested}, after the day of this assessment (${ctx.asOf}): a date in the future is a data error — record when DR was last tested`})
    } else if (tested && addMonths(tested, months) < ctx.asOf) {
      reports.push({pointer: '/resilience/dr_tested', message: `Critical system whose last disaster recovery test was on ${tested}, ${count(daysBetween(tested, ctx.asOf), 'day')} ago (due every ${count(months, 'month')})`})
    }
    return reports
  },
}
