import {SOURCES} from './sources.js'
import type {Rule} from './types.js'

const PUBLIC = new Set(['public-cloud', 'saas'])
const HIGH = new Set(['SECRET', 'TOP-SECRET'])

export const rule: Rule = {
  meta: {
    id: 'data-secret-public-cloud',
    category: 'data',
    severity: 'critical',
    description: 'SECRET or TOP-SECRET data hosted on, or bound for, public cloud or SaaS.',
    rationale:
      'SECRET and TOP-SECRET information needs accredited, government-controlled infrastructure; commodity public cloud and SaaS are assured for OFFICIAL only. A system holding such data cannot move there, whatever else is ready.',
    sources: [SOURCES.classifications, SOURCES.ncsc2],
    remedy: 'Keep the system on accredited infrastructure (retain, or a private or Crown Hosting target accredited for its classification), or separate the SECRET data so the rest can move.',
    fields: ['data.classification'],
    blocker: true,
    example: 'data: {classification: SECRET}\nmigration: {target: public-cloud}',
  },
  check(system) {
    const classification = system.data?.classification
    if (!classification || !HIGH.has(classification)) return []
    const reports = []
    if (PUBLIC.has(system.hosting)) {
      reports.push({pointer: '/hosting', message: `${classification} data is hosted on ${system.hosting}: it must be on accredited infrastructure`})
    }
    const target = system.migration?.target
    if (target && PUBLIC.has(target) && system.migration?.status !== 'migrated' && system.migration?.status !== 'retired') {
      reports.push({pointer: '/migration/target', message: `${classification} data cannot move to ${target}: choose an accredited private or Crown Hosting target`})
    }
    return reports
  },
}
