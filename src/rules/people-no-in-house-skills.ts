import {isRetired} from './shared.js'
import {SOURCES} from './sources.js'
import type {Rule} from './types.js'

export const rule: Rule = {
  meta: {
    id: 'people-no-in-house-skills',
    category: 'people',
    severity: 'high',
    description: 'Nobody in the department has the skills to run or change the system.',
    rationale:
      'With no in-house skills the department cannot judge its supplier\'s advice, plan the migration or take the system back: it depends wholly on the incumbent. Government expects knowledge transfer and an intelligent-customer capability in-house.',
    sources: [SOURCES.ddatPlaybook, SOURCES.govs005, SOURCES.legacy],
    remedy: 'Build or borrow in-house capability (a technical owner, knowledge transfer from the supplier) before starting the migration.',
    fields: ['skills.in_house'],
    example: 'skills: {in_house: none}',
  },
  check(system) {
    if (isRetired(system) || system.skills?.in_house !== 'none') return []
    const suppliers = [...new Set((system.contracts ?? []).map((c) => c.supplier))]
    const on = suppliers.length > 0 ? ` (${suppliers.join(', ')})` : ''
    return [{pointer: '/skills/in_house', message: `No in-house skills to run or migrate the system: it depends wholly on its suppliers${on}`}]
  },
}
