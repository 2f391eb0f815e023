import type {LifecycleMatch, LifecyclePlatform, LifecycleTable} from '../core/lifecycle/index.js'
import type {Category, EstateSystem, Product, Readiness, Severity, System} from '../core/model/types.js'
import type {LayerProduct} from './shared.js'

/** Where a rule's rationale comes from: a policy, an NCSC principle, a classification scheme… */
export interface RuleSource {
  title: string
  url?: string
}

/**
 * A rule's documentation and defaults. `cloudready rules`, `cloudready explain`, the README's
 * catalogue and SARIF's `rules[]` are all generated from this.
 */
export interface RuleMeta {
  /** kebab-case, the same as the rule's file name. */
  id: string
  category: Category
  severity: Severity
  /** One line: what the rule finds. */
  description: string
  /** Why it matters, in a sentence or three. */
  rationale: string
  sources: RuleSource[]
  /** What to do about a finding. */
  remedy: string
  /**
   * Inventory fields (dotted paths within a system) the rule needs. A system that lacks any of them
   * cannot be judged by this rule, which lowers the assessment's confidence.
   */
  fields: string[]
  /**
   * For a rule that needs no field (it judges what is missing, or what another system is): the fields
   * it looks at, for `explain` and the catalogue. Defaults to `fields`.
   */
  reads?: string[]
  /** A short YAML example of a system this rule flags. */
  example: string
  /** A finding of this rule makes the as-is move impossible: readiness `not-ready`, whatever its severity (README "Readiness"). */
  blocker?: boolean
  /** A finding of this rule means there is too little data to judge: readiness `unknown`. */
  makesUnknown?: boolean
  /** Defined in a `.cloudready.yaml`, not shipped. */
  custom?: boolean
  /** Defaults of the options a `.cloudready.yaml` may set for this rule. */
  options?: Record<string, number | string | boolean>
}

/** What a check reports: the message and where, as a pointer within the system (`/platform/os/version`). */
export interface RuleReport {
  message: string
  pointer: string
  /** Overrides the rule's severity for this one finding (e.g. a blocker among warnings). */
  severity?: Severity
}

export interface RuleContext {
  /** The day the assessment is made, YYYY-MM-DD. */
  asOf: string
  deadline: string
  /** The rule's options: its meta defaults, overridden by the config. */
  options: Record<string, number | string | boolean>
  lifecycle: LifecycleTable
  /** End-of-support facts for a product, memoised per run. */
  /** `platform`: where the product runs, for products dated per platform (lifecycle `platformOf`); distributed by default. */
  lookup(product: Product, platform?: LifecyclePlatform): LifecycleMatch
  /** The system as it sits in the estate (its ref, department, file). */
  entry: EstateSystem
  /** Refs of the systems in the same dependency cycle as this one (empty when none). */
  cycle: readonly string[]
  /** Another system of the estate by ref (`department/id`), for rules that read a dependency's facts. */
  systemOf(ref: string): System | undefined
  /** Readiness of another system by ref, once the first pass has judged it (for dependency rules). */
  readinessOf(ref: string): Readiness | undefined
  /** `layerProducts` keeps its answer here for the system being judged (see rules/shared.ts). */
  layers?: {system: System; list: readonly LayerProduct[]}
}

export interface Rule {
  meta: RuleMeta
  /**
   * Runs after every other rule has judged every system, for rules that depend on other systems'
   * readiness. Such a rule's findings never change the readiness it reads.
   */
  secondPass?: boolean
  /**
   * Whether the system has the data this rule needs — or the share of it (0–1) when the rule judges
   * several things, such as each product a system runs; by default every field of `meta.fields`.
   */
  hasData?(system: System, ctx: RuleContext): boolean | number
  check(system: System, ctx: RuleContext): RuleReport[]
}
