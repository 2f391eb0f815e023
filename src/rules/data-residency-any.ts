import {isRetired} from './shared.js'
import {SOURCES} from './sources.js'
import type {Rule} from './types.js'

export const rule: Rule = {
  meta: {
    id: 'data-residency-any',
    category: 'data',
    severity: 'medium',
    description: 'Personal data may be held in any country (residency `any`).',
    rationale:
      'Personal data sent or made accessible outside the UK is a restricted transfer: it needs adequacy regulations, appropriate safeguards or an exception. A cloud region chosen without constraint can make one unnoticed.',
    sources: [SOURCES.gdprChapterV, SOURCES.icoTransfers, SOURCES.ncsc2],
    remedy: 'Restrict the data to the UK (or UK and EEA, covered by adequacy regulations), or document the transfer mechanism for each country and record data.residency accordingly.',
    fields: ['data.personal_data', 'data.residency'],
    example: 'data: {personal_data: true, residency: any}',
  },
  // Residency matters only for personal data: a system without any is judged without it.
  hasData: (system) => system.data?.personal_data === false || (system.data?.personal_data === true && system.data.residency !== undefined),
  check(system) {
    const data = system.data
    if (isRetired(system) || data?.personal_data !== true || data.residency !== 'any') return []
    return [{pointer: '/data/residency', message: 'Holds personal data with no residency constraint (residency: any): hosting it outside the UK would be a restricted transfer under UK GDPR'}]
  },
}
