import {dependencyPointer, dependencyRef} from '../core/model/dependencies.js'
import {isDone, resolveRef, shortRef} from './shared.js'
import {SOURCES} from './sources.js'
import type {Rule} from './types.js'

export const rule: Rule = {
  meta: {
    id: 'architecture-depends-on-not-ready',
    category: 'architecture',
    severity: 'medium',
    description: 'The system depends on another system that is not ready to move.',
    rationale:
      'A system should not move before the systems it depends on, or it will call back across hosting boundaries; a dependency that is blocked holds this system back too, whatever its own readiness.',
    sources: [SOURCES.legacy, SOURCES.betterDigitalGovernment],
    remedy: 'Resolve the dependency\'s blockers first, or decouple this system from it (an interface that works across hosting), and sequence the waves accordingly.',
    // Reads the other systems' readiness; an unrecorded dependency list is not counted as missing data.
    fields: [],
    reads: ['dependencies', '(the readiness of each dependency)'],
    example: 'dependencies: [mainframe-ledger]   # which is not-ready',
  },
  secondPass: true,
  check(system, ctx) {
    if (isDone(system)) return []
    const department = ctx.entry.department.id
    return (system.dependencies ?? []).flatMap((d, i) => {
      const ref = resolveRef(department, dependencyRef(d))
      if (ref === ctx.entry.ref || ctx.readinessOf(ref) !== 'not-ready') return []
      return [{pointer: dependencyPointer(d, i), message: `Depends on ${shortRef(ref, department)}, which is not ready to move: it holds this system back`}]
    })
  },
}
