/**
 * A dependency as an inventory writes it: a reference (`id` or `department/id`), or
 * `{system: REF, coupling: tight|loose}` (SPEC "Inventory format"). Every reader goes through these
 * two functions, so the two forms are never told apart anywhere else.
 */
export type Coupling = 'tight' | 'loose'

export type Dependency = string | {system: string; coupling?: Coupling}

/** The reference a dependency names, as written. */
export function dependencyRef(d: Dependency): string {
  return typeof d === 'string' ? d : d.system
}

/** The coupling it declares, or undefined when it declares none (the plan's default then applies). */
export function dependencyCoupling(d: Dependency): Coupling | undefined {
  return typeof d === 'string' ? undefined : d.coupling
}

/** Where in a system the reference is written: `/dependencies/2` or `/dependencies/2/system`. */
export function dependencyPointer(d: Dependency, i: number): string {
  return typeof d === 'string' ? `/dependencies/${i}` : `/dependencies/${i}/system`
}
