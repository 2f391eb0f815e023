import {count, gbp, isRetired, numberOption} from './shared.js'
import {SOURCES} from './sources.js'
import type {Rule} from './types.js'

export const rule: Rule = {
  meta: {
    id: 'cost-retire-candidate',
    category: 'cost',
    severity: 'low',
    description: 'A system costs at least £250,000 a year to run for at most 100 users (options minAnnualRunGbp, maxUsers): a candidate to retire or replace.',
    rationale:
      'Legacy technology that is no longer cost-effective is a reason to act on its own. A costly system with few users is often cheaper to retire, fold into another service or replace with SaaS than to migrate as it is.',
    sources: [SOURCES.legacy, SOURCES.cloudFirst],
    remedy: 'Review whether the service is still needed and whether another system or a SaaS product can serve its users; if so, declare migration.strategy: retire or repurchase.',
    fields: ['users', 'costs.annual_run_gbp'],
    example: 'users: 40\ncosts: {annual_run_gbp: 340000}',
    options: {maxUsers: 100, minAnnualRunGbp: 250000},
  },
  check(system, ctx) {
    const users = system.users
    const cost = system.costs?.annual_run_gbp
    // Already retired or declared for retirement: nothing to suggest.
    if (isRetired(system) || system.migration?.strategy === 'retire' || users === undefined || cost === undefined) return []
    if (users > numberOption(ctx, 'maxUsers', 100) || cost < numberOption(ctx, 'minAnnualRunGbp', 250000)) return []
    const each = users > 0 ? ` (${gbp(cost / users)} per user)` : ''
    return [{pointer: '/costs/annual_run_gbp', message: `Costs ${gbp(cost)} a year for ${count(users, 'user')}${each}: a candidate to retire or replace`}]
  },
}
