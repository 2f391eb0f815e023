import {daysBetween} from '../core/dates.js'
import {matchLabel, securityEndDate, supportPhase} from '../core/lifecycle/index.js'
import {count, hasKnownProduct, LAYER_NAMES, layerProducts} from './shared.js'
import {SOURCES} from './sources.js'
import type {Rule} from './types.js'

export const rule: Rule = {
  meta: {
    id: 'platform-end-of-support',
    category: 'platform',
    severity: 'high',
    description: 'An operating system, database or runtime is past the end of security support, with no extended support running.',
    rationale:
      'Software past its end of security support gets no fixes for new vulnerabilities: it is legacy technology by the government\'s own definition and must be upgraded or replaced before or during the move, not carried into the cloud.',
    sources: [SOURCES.legacy, SOURCES.tcopSecure, SOURCES.ncsc5],
    remedy: 'Upgrade to a supported release (or replatform onto a managed service) as part of the migration; until then, isolate the system and record the risk.',
    // Any of them: the rule judges each layer the lifecycle table knows (see hasData).
    fields: ['platform.os', 'platform.database', 'platform.runtime'],
    example: 'platform: {os: {name: rhel, version: "6"}}',
  },
  // Only a product the lifecycle table knows, with its version, can be judged; unknown ones are
  // platform-unknown-lifecycle's business and lower the confidence here.
  hasData: hasKnownProduct,
  check(system, ctx) {
    return layerProducts(system, ctx)
      .filter((p) => supportPhase(p.match, ctx.asOf) === 'unsupported')
      .map((p) => {
        const end = securityEndDate(p.match)
        const since = end ? `since ${end} (${count(daysBetween(end, ctx.asOf), 'day')})` : '(end date not published)'
        const extended = p.match.status === 'known' ? p.match.extendedEnd : null
        const tail = typeof extended === 'string' ? `its extended support also ended on ${extended}` : extended === true ? 'its extended support has ended too' : 'no extended support is listed for it'
        return {pointer: p.pointer, message: `The ${LAYER_NAMES[p.layer]} ${matchLabel(p.match)} has had no security support ${since}, and ${tail}`}
      })
  },
}
