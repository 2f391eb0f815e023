import {isRetired, nearest} from './shared.js'
import {SOURCES} from './sources.js'
import type {Rule} from './types.js'

export const rule: Rule = {
  meta: {
    id: 'data-classification-missing',
    category: 'data',
    severity: 'medium',
    description: 'The system\'s data has no security classification.',
    rationale:
      'The classification decides where data may be hosted: OFFICIAL on commodity cloud, SECRET and above only on accredited infrastructure. Without it, no hosting target can be chosen, so readiness cannot be judged.',
    sources: [SOURCES.classifications, SOURCES.govs007, SOURCES.tcopSecure],
    remedy: 'Ask the information asset owner to classify the data (OFFICIAL, OFFICIAL-SENSITIVE, SECRET, TOP-SECRET) and record it in data.classification.',
    // Judges an absence, so it needs no field; a finding makes readiness unknown.
    fields: [],
    reads: ['data.classification'],
    example: 'data: {personal_data: true}',
    makesUnknown: true,
  },
  check(system) {
    if (isRetired(system) || system.data?.classification) return []
    return [{pointer: nearest(system, ['data']), message: 'The data has no security classification, so no hosting target can be judged: set data.classification'}]
  },
}
