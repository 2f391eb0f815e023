import {daysBetween} from '../core/dates.js'
import {matchLabel, securityEndDate, supportEndsWithin} from '../core/lifecycle/index.js'
import {count, hasKnownProduct, LAYER_NAMES, layerProducts, monthsOption} from './shared.js'
import {SOURCES} from './sources.js'
import type {Rule} from './types.js'

export const rule: Rule = {
  meta: {
    id: 'platform-support-ending',
    category: 'platform',
    severity: 'low',
    description: 'An operating system, database or runtime reaches the end of security support within the coming months (12 by default, option months): medium when that comes before the system\'s own target date, low otherwise.',
    rationale:
      'A migration takes months; a platform whose security support ends during it becomes legacy before the move is over. Planning the upgrade into the move costs less than an emergency later.',
    sources: [SOURCES.preventLegacy, SOURCES.legacy],
    remedy: 'Plan the upgrade into the migration (replatform rather than rehost), or budget for extended support.',
    fields: ['platform.os', 'platform.database', 'platform.runtime'],
    example: 'platform: {os: {name: ubuntu, version: "22.04"}}   # security support ends 2027-04-01',
    options: {months: 12},
  },
  hasData: hasKnownProduct,
  check(system, ctx) {
    const months = monthsOption(ctx)
    return layerProducts(system, ctx)
      .filter((p) => supportEndsWithin(p.match, ctx.asOf, months))
      .map((p) => {
        const end = securityEndDate(p.match)!
        // Support ending before the system's own move date makes it legacy before it moves: medium.
        const target = system.migration?.target_date
        const first = target !== undefined && end < target
        const why = first ? `, before the move (migration.target_date = ${target})` : ''
        return {pointer: p.pointer, message: `The ${LAYER_NAMES[p.layer]} ${matchLabel(p.match)} leaves security support on ${end}, in ${count(daysBetween(ctx.asOf, end), 'day')}${why}`, ...(first ? {severity: 'medium' as const} : {})}
      })
  },
}
