import {dependencyPointer, dependencyRef} from '../core/model/dependencies.js'
import {isDone, resolveRef, shortRef} from './shared.js'
import {SOURCES} from './sources.js'
import type {Rule} from './types.js'

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
    const members = new Set(ctx.cycle)
    const others = ctx.cycle.filter((ref) => ref !== ctx.entry.ref).sort().map((ref) => shortRef(ref, department))
    const deps = system.dependencies ?? []
    const index = deps.findIndex((d) => members.has(resolveRef(department, dependencyRef(d))))
    return [{pointer: index >= 0 ? dependencyPointer(deps[index], index) : '', message: `Part of a dependency cycle: must move together with ${others.join(', ')}`}]
  },
}
