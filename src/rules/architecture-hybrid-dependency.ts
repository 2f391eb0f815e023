import {dependencyRef} from '../core/model/dependencies.js'
import {isDone, resolveRef} from './shared.js'
import {SOURCES} from './sources.js'
import type {Rule} from './types.js'

const CLOUD = new Set(['public-cloud', 'saas'])

/** Where a system runs once it has moved, or now: public cloud or SaaS. */
function inCloud(system: {hosting: string; migration?: {status?: string; target?: string}}): boolean {
  return CLOUD.has(system.hosting) || (system.migration?.status !== 'retired' && system.migration?.target !== undefined && CLOUD.has(system.migration.target))
}

export const rule: Rule = {
  meta: {
    id: 'architecture-hybrid-dependency',
    category: 'architecture',
    severity: 'medium',
    description: 'A system in, or bound for, public cloud or SaaS depends on systems that stay on premises for now: a hybrid link, with its latency, egress and security to plan.',
    rationale:
      'Calls from the cloud to a data centre cross a hybrid link: each adds latency, data coming back is charged as egress, and the link is an external interface to protect. Real estates run such links for years (a cloud service calling a mainframe); they work when planned and fail when discovered at cut-over.',
    sources: [SOURCES.hybrid, SOURCES.tcopCloud],
    remedy: 'Plan the hybrid period: the link (dedicated or VPN), its latency budget and egress cost, and when the on-premises side moves; or move the two together.',
    // No dependencies recorded is no dependency, not missing data.
    fields: [],
    reads: ['hosting', 'migration.status', 'migration.target', 'dependencies', '(the hosting of each dependency)'],
    example: 'hosting: public-cloud\ndependencies: [mainframe-ledger]   # on-premises',
  },
  check(system, ctx) {
    if (isDone(system) && !CLOUD.has(system.hosting)) return []
    if (!inCloud(system)) return []
    const onPrem: string[] = []
    for (const dep of system.dependencies ?? []) {
      const ref = resolveRef(ctx.entry.department.id, dependencyRef(dep))
      const other = ctx.systemOf(ref)
      if (!other || other.migration?.status === 'retired' || inCloud(other)) continue
      if (other.hosting === 'on-premises' || other.hosting === 'crown-hosting' || other.hosting === 'private-cloud') onPrem.push(`${ref} (hosting = ${other.hosting})`)
    }
    if (!onPrem.length) return []
    const where = CLOUD.has(system.hosting) ? `hosting = ${system.hosting}` : `migration.target = ${system.migration!.target}`
    return [{pointer: '/dependencies', message: `In the cloud (${where}) but depends on ${onPrem.join(', ')}, which stay${onPrem.length === 1 ? 's' : ''} off public cloud for now: a hybrid link to plan (latency, egress, security)`}]
  },
}
