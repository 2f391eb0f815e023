import {isRetired} from './shared.js'
import {SOURCES} from './sources.js'
import type {Rule} from './types.js'

export const rule: Rule = {
  meta: {
    id: 'data-quality-gaps',
    category: 'data',
    severity: 'low',
    description: 'The inventory does not record who owns the system, what it costs to run, or how many use it.',
    rationale:
      'Owner, run cost and users are what a spending review, a Task Force and a plan need first: without them a system cannot be prioritised, its savings cannot be counted and nobody is asked. A gap in the inventory is a finding in itself, so that it gets filled.',
    sources: [SOURCES.tcopData, SOURCES.preventLegacy],
    remedy: 'Record owner, costs.annual_run_gbp and users in the inventory (an estimate is better than nothing; say so in a comment).',
    // Judges absences, so it needs no field.
    fields: [],
    reads: ['owner', 'users', 'costs.annual_run_gbp'],
    example: 'name: Legacy Payments\n# no owner, costs or users',
  },
  check(system) {
    if (isRetired(system)) return []
    const missing = [system.owner?.trim() ? '' : 'owner', system.costs?.annual_run_gbp === undefined ? 'costs.annual_run_gbp' : '', system.users === undefined ? 'users' : ''].filter(Boolean)
    if (!missing.length) return []
    return [{pointer: '', message: `Not recorded: ${missing.join(', ')}`}]
  },
}
