import {isDone} from './shared.js'
import {SOURCES} from './sources.js'
import type {Rule} from './types.js'

export const rule: Rule = {
  meta: {
    id: 'commercial-licence-not-portable',
    category: 'commercial',
    severity: 'medium',
    description: 'The software licence cannot be moved to cloud hosting.',
    rationale:
      'Many licences (perpetual, per-core, per-server) forbid or price up use on shared cloud hardware. A licence that does not move makes a rehost cost new licences or a renegotiation, and is a form of lock-in to the current hosting.',
    sources: [SOURCES.tcopPurchasing, SOURCES.lockIn, SOURCES.cloudFirst],
    remedy: 'Check the licence terms with the vendor (bring-your-own-licence, cloud provider licensing), budget for new licences, or choose a strategy (repurchase, replatform to open source) that does not need them.',
    fields: ['licensing.cloud_portable'],
    example: 'licensing: {model: core-based, cloud_portable: false}',
  },
  check(system) {
    const licensing = system.licensing
    if (isDone(system) || licensing?.cloud_portable !== false) return []
    const what = licensing.model ? `The ${licensing.model} licence` : 'The licence'
    return [{pointer: '/licensing/cloud_portable', message: `${what} is not portable to cloud: a move needs new licences or a renegotiation with the vendor`}]
  },
}
