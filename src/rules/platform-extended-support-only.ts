import {daysBetween} from '../core/dates.js'
import {extendedEndDate, matchLabel, securityEndDate, supportPhase} from '../core/lifecycle/index.js'
import {count, hasKnownProduct, LAYER_NAMES, layerProducts} from './shared.js'
import {SOURCES} from './sources.js'
import type {Rule} from './types.js'

export const rule: Rule = {
  meta: {
    id: 'platform-extended-support-only',
    category: 'platform',
    severity: 'medium',
    description: 'An operating system, database or runtime is past the end of security support and covered only by paid extended support.',
    rationale:
      'Extended support (Microsoft ESU, RHEL ELS, Oracle Extended Support…) buys time at a rising price and ends on a fixed date; the government counts technology on extended support as legacy. The inventory cannot say whether it has been bought: the finding assumes it has.',
    sources: [SOURCES.mitigateLegacy, SOURCES.legacy, SOURCES.tcopSecure],
    remedy: 'Confirm extended support is bought and budgeted, and plan the upgrade or replatform to finish before it ends.',
    fields: ['platform.os', 'platform.database', 'platform.runtime'],
    example: 'platform: {os: {name: rhel, version: "7"}}   # extended (ELS) support to 2029-05-31',
  },
  hasData: hasKnownProduct,
  check(system, ctx) {
    return layerProducts(system, ctx)
      .filter((p) => supportPhase(p.match, ctx.asOf) === 'extended-only')
      .map((p) => {
        const end = securityEndDate(p.match)
        const since = end ? `left security support on ${end}` : 'is past its end of security support'
        const extended = extendedEndDate(p.match)
        const until = extended ? `, until ${extended} (${count(daysBetween(ctx.asOf, extended), 'day')} left)` : ' (no end announced)'
        return {pointer: p.pointer, message: `The ${LAYER_NAMES[p.layer]} ${matchLabel(p.match)} ${since}: only paid extended support covers it${until}`}
      })
  },
}
