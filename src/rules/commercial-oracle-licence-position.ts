import {isDone} from './shared.js'
import {SOURCES} from './sources.js'
import type {Rule} from './types.js'

const PUBLIC = new Set(['public-cloud', 'saas'])

export const rule: Rule = {
  meta: {
    id: 'commercial-oracle-licence-position',
    category: 'commercial',
    severity: 'high',
    description: 'Oracle Database bound for public cloud with no licence position recorded (licensing.cloud_position).',
    rationale:
      'Oracle licenses its database in public cloud under its own cloud policy: only the clouds it authorises count vCPUs its way, and elsewhere the licences held on premises may not cover the same workload. Moving without an assessed position risks an audit finding and an unbudgeted bill larger than the move.',
    sources: [SOURCES.oracleCloud, SOURCES.tcopPurchasing],
    remedy: 'Assess the licence position with the commercial team before the move and record it in licensing.cloud_position (authorised-cloud, licence-included or negotiated); or move to a database the target prices in (a managed PostgreSQL, say).',
    fields: ['platform.database'],
    example: 'platform: {database: {name: oracle-database, version: "19"}}\nmigration: {target: public-cloud}',
  },
  check(system) {
    const db = system.platform?.database
    const target = system.migration?.target
    if (isDone(system) || !db || !/^oracle/i.test(db.name) || !target || !PUBLIC.has(target)) return []
    const position = system.licensing?.cloud_position
    if (position && position !== 'not-assessed') return []
    return [
      {
        pointer: position ? '/licensing/cloud_position' : '/platform/database/name',
        message: `platform.database = ${db.name}${db.version ? ` ${db.version}` : ''} bound for migration.target = ${target} with ${position ? 'licensing.cloud_position = not-assessed' : 'no licensing.cloud_position'}: assess the Oracle licence position before the move`,
      },
    ]
  },
}
