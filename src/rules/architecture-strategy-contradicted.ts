import type {System} from '../core/model/types.js'
import {count, isDone, numberOption} from './shared.js'
import {SOURCES} from './sources.js'
import type {Rule, RuleContext} from './types.js'

const LIFT = new Set(['rehost', 'relocate'])
const MOVES = new Set(['rehost', 'relocate', 'replatform', 'repurchase'])
const NO_CLOUD_HARDWARE = new Set(['mainframe', 'sparc', 'power', 'as400'])
const PUBLIC = new Set(['public-cloud', 'saas'])
const HIGH = new Set(['SECRET', 'TOP-SECRET'])

export const rule: Rule = {
  meta: {
    id: 'architecture-strategy-contradicted',
    category: 'architecture',
    severity: 'high',
    description: 'The declared migration strategy contradicts the facts: rehosting specialist hardware, public cloud for SECRET data, or retiring a critical system with many users.',
    rationale:
      'A declared strategy is a plan people act on. Rehost or relocate cannot move mainframe, SPARC, Power or AS/400 workloads to commodity cloud; SECRET and TOP-SECRET data cannot go to public cloud or SaaS; a critical system with many users cannot simply be switched off. Such a plan is flagged, not obeyed silently.',
    sources: [SOURCES.legacy, SOURCES.classifications, SOURCES.ncsc2],
    remedy: 'Change migration.strategy to one the facts allow (replatform, refactor, repurchase or retain), or correct the facts that contradict it.',
    fields: ['migration.strategy'],
    example: 'platform: {hardware: mainframe}\nmigration: {strategy: rehost}',
    // `retire` is contradicted for a critical system used by at least this many users.
    options: {manyUsers: 1000},
  },
  check(system, ctx) {
    if (isDone(system) || !system.migration?.strategy) return []
    return contradictions(system, ctx).map((message) => ({pointer: '/migration/strategy', message}))
  },
}

function contradictions(system: System, ctx: RuleContext): string[] {
  const {strategy, target} = system.migration!
  const hardware = system.platform?.hardware
  const classification = system.data?.classification
  const out: string[] = []
  if (LIFT.has(strategy!) && hardware && NO_CLOUD_HARDWARE.has(hardware)) {
    out.push(`Declared strategy ${strategy} cannot work on ${hardware} hardware, which commodity cloud cannot run: replatform, refactor or repurchase instead`)
  }
  if (MOVES.has(strategy!) && target && PUBLIC.has(target) && classification && HIGH.has(classification)) {
    out.push(`Declared strategy ${strategy} to ${target} contradicts the data's ${classification} classification: it needs accredited infrastructure`)
  }
  const many = numberOption(ctx, 'manyUsers', 1000)
  if (strategy === 'retire' && system.criticality === 'critical' && system.users !== undefined && system.users >= many) {
    out.push(`Declared strategy retire for a critical system with ${count(system.users, 'user')}: it needs a replacement (repurchase or refactor) before it can be switched off`)
  }
  return out
}
