/**
 * The effort model: a person-month range per system, from its strategy, its size (users, data,
 * integrations), its criticality and its risks. Every parameter can be changed in `.cloudready.yaml`
 * under `planning.effort`; the README's "Effort model" documents the defaults.
 */
import type {SystemAssessment} from '../assess/index.js'
import type {EffortConfig} from '../config/index.js'
import type {Strategy, System} from '../model/types.js'

export interface Effort {
  low: number
  high: number
  unit: 'person-months'
}

export interface EffortModel {
  base: Record<Strategy, [number, number]>
  perIntegration: number
  perThousandUsers: number
  perTerabyte: number
  riskFactor: number
  criticalityFactor: Record<string, number>
}

export const DEFAULT_EFFORT: EffortModel = {
  // Person-months for a typical system; ranges after the usual public-sector migration estimates.
  base: {retire: [0.5, 1.5], retain: [0.25, 0.5], rehost: [1, 3], relocate: [0.5, 2], replatform: [3, 8], repurchase: [4, 10], refactor: [12, 36]},
  perIntegration: 0.5,
  perThousandUsers: 0.05,
  perTerabyte: 0.5,
  riskFactor: 0.1,
  criticalityFactor: {critical: 1.5, high: 1.25, medium: 1, low: 0.9},
}

export function effortModel(config: EffortConfig | undefined): EffortModel {
  return {
    base: {...DEFAULT_EFFORT.base, ...(config?.base as Partial<Record<Strategy, [number, number]>>)},
    perIntegration: config?.perIntegration ?? DEFAULT_EFFORT.perIntegration,
    perThousandUsers: config?.perThousandUsers ?? DEFAULT_EFFORT.perThousandUsers,
    perTerabyte: config?.perTerabyte ?? DEFAULT_EFFORT.perTerabyte,
    riskFactor: config?.riskFactor ?? DEFAULT_EFFORT.riskFactor,
    criticalityFactor: {...DEFAULT_EFFORT.criticalityFactor, ...(config?.criticalityFactor as Record<string, number>)},
  }
}

const round1 = (x: number) => Math.round(x * 10) / 10

/**
 * low  = base.low  × criticality × risk + size / 2
 * high = base.high × criticality × risk + size
 * where risk = 1 + riskFactor × (critical and high findings), and size = perIntegration × dependencies
 * + perThousandUsers × users / 1000 (at most 5) + perTerabyte × data volume in TB (at most 5).
 */
export function estimateEffort(system: System, strategy: Strategy, a: SystemAssessment, model: EffortModel): Effort {
  const [baseLow, baseHigh] = model.base[strategy]
  const crit = model.criticalityFactor[system.criticality] ?? 1
  const risky = a.findings.filter((f) => f.category !== 'deadline' && (f.severity === 'critical' || f.severity === 'high')).length
  const risk = 1 + model.riskFactor * risky
  const size =
    model.perIntegration * (system.dependencies?.length ?? 0) +
    Math.min(5, (model.perThousandUsers * (system.users ?? 0)) / 1000) +
    Math.min(5, (model.perTerabyte * (system.data?.volume_gb ?? 0)) / 1000)
  const low = round1(baseLow * crit * risk + size / 2)
  const high = round1(Math.max(low, baseHigh * crit * risk + size))
  return {low, high, unit: 'person-months'}
}
