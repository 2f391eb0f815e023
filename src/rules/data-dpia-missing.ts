import {isRetired} from './shared.js'
import {SOURCES} from './sources.js'
import type {Rule} from './types.js'

export const rule: Rule = {
  meta: {
    id: 'data-dpia-missing',
    category: 'data',
    severity: 'high',
    description: 'The system holds personal data and no data protection impact assessment (DPIA) is recorded as completed.',
    rationale:
      'Moving personal data to a new hosting provider changes who processes it and where; a DPIA is required for processing likely to result in high risk and is expected for any major project involving personal data. It must be done before the move, not after.',
    sources: [SOURCES.gdpr35, SOURCES.icoDpia, SOURCES.tcopData],
    remedy: 'Complete a DPIA with the data protection officer before the migration, and record data.dpia_completed: true.',
    fields: ['data.personal_data'],
    example: 'data: {classification: OFFICIAL, personal_data: true, dpia_completed: false}',
  },
  check(system) {
    const data = system.data
    if (isRetired(system) || data?.personal_data !== true || data.dpia_completed === true) return []
    if (data.dpia_completed === false) return [{pointer: '/data/dpia_completed', message: 'Holds personal data but its data protection impact assessment is not completed'}]
    return [{pointer: '/data', message: 'Holds personal data but no data protection impact assessment is recorded (data.dpia_completed is not set)'}]
  },
}
