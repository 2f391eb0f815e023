import {isRetired} from './shared.js'
import {SOURCES} from './sources.js'
import type {Rule} from './types.js'

export const rule: Rule = {
  meta: {
    id: 'people-no-owner',
    category: 'people',
    severity: 'medium',
    description: 'No owner is named for the system.',
    rationale:
      'A migration needs someone accountable for the system\'s risks and decisions; legacy guidance asks for a named business risk owner and a legacy owner for every service.',
    sources: [SOURCES.preventLegacy, SOURCES.govs005],
    remedy: 'Name the team or person accountable for the system in owner.',
    // Judges an absence, so it needs no field.
    fields: [],
    reads: ['owner'],
    example: 'name: Legacy Payments\n# no owner',
  },
  check(system) {
    if (isRetired(system) || system.owner?.trim()) return []
    return [{pointer: system.owner === undefined ? '' : '/owner', message: 'No owner is named: nobody is accountable for the system or its migration'}]
  },
}
