import {isRetired} from './shared.js'
import {SOURCES} from './sources.js'
import type {Rule} from './types.js'

export const rule: Rule = {
  meta: {
    id: 'people-scarce-skills',
    category: 'people',
    severity: 'medium',
    description: 'Running or moving the system needs skills that are scarce (COBOL, Natural, mainframe operations…).',
    rationale:
      'Scarce skills make a legacy system expensive to run and slow to move: the few people who know it are needed both to keep it going and to migrate it, and are hard to replace when they leave.',
    sources: [SOURCES.legacy, SOURCES.govs005, SOURCES.ddatPlaybook],
    remedy: 'Secure the people who have the skills for the migration\'s duration, document the system while they are there, and prefer a strategy that retires the scarce technology.',
    fields: ['skills.scarce'],
    example: 'skills: {scarce: [cobol, natural]}',
  },
  check(system) {
    const scarce = system.skills?.scarce ?? []
    if (isRetired(system) || scarce.length === 0) return []
    return [{pointer: '/skills/scarce', message: `Depends on scarce skills: ${scarce.join(', ')}`}]
  },
}
