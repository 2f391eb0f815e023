import {dependencyPointer, dependencyRef} from '../core/model/dependencies.js'
import {count, isDone, resolveRef, shortRef} from './shared.js'
import {SOURCES} from './sources.js'
import type {Rule} from './types.js'

/**
 * The members of a cycle as a set, made once per cycle: every member shares the cycle's list, and a set
 * per member made a ring of 5,000 systems cost 25 million insertions.
 */
const sets = new WeakMap<readonly string[], Set<string>>()
function membersOf(cycle: readonly string[]): Set<string> {
  let set = sets.get(cycle)
  if (!set) sets.set(cycle, (set = new Set(cycle)))
  return set
}

/** Members of a cycle a finding names. */
const NAMED = 10

export const rule: Rule = {
  meta: {
    id: 'architecture-dependency-cycle',
    category: 'architecture',
    severity: 'low',
    description: 'The system is part of a dependency cycle, so it must move together with the other systems in it.',
    rationale:
      'Systems that depend on each other in a cycle cannot move one at a time without running across hosting boundaries (latency, firewalls, duplicated data); they form one move group and one wave, which is bigger and riskier to plan.',
    sources: [SOURCES.legacy, SOURCES.tcopCloud],
    remedy: 'Plan the cycle as one move group, or break the cycle (an API, a message queue, a shared data service) so the systems can move separately.',
    // Judges the estate's dependency graph: a system with no dependencies is in no cycle, and an
    // unrecorded list is not counted as missing data (most leaf systems have none).
    fields: [],
    reads: ['dependencies'],
    example: 'dependencies: [payments-gw]   # and payments-gw depends on this system',
  },
  check(system, ctx) {
    if (isDone(system) || ctx.cycle.length === 0) return []
    const department = ctx.entry.department.id
    const members = membersOf(ctx.cycle)
    // At most ten named: a message per member naming every other member is quadratic in the cycle's size.
    const others: string[] = []
    for (const ref of ctx.cycle) {
      if (others.length > NAMED) break
      if (ref !== ctx.entry.ref) others.push(ref)
    }
    others.sort()
    for (let i = 0; i < others.length; i++) others[i] = shortRef(others[i], department)
    const deps = system.dependencies ?? []
    const index = deps.findIndex((d) => members.has(resolveRef(department, dependencyRef(d))))
    return [{pointer: index >= 0 ? dependencyPointer(deps[index], index) : '', message: ctx.cycle.length - 1 > NAMED ? `Part of a dependency cycle of ${count(ctx.cycle.length, 'system')}: must move together with ${others.slice(0, NAMED).join(', ')} and ${(ctx.cycle.length - 1 - NAMED).toLocaleString('en-GB')} more (the plan's move group lists them all)` : `Part of a dependency cycle: must move together with ${others.join(', ')}`}]
  },
}
