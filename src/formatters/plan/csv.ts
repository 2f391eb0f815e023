import type {PlanReport} from '../../core/plan/report.js'
import {csvRow, strategyText} from '../text.js'
import type {ChunkFormatter, Formatter} from '../types.js'

const HEADER = ['department', 'system', 'name', 'status', 'strategy', 'declaredStrategy', 'moveGroup', 'wave', 'start', 'end', 'months', 'slipDays', 'effortLow', 'effortHigh', 'readiness', 'criticality', 'annualRunGbp', 'reasons']

/** One row per system, in a spreadsheet-safe form; row by row (a million systems make no single string). */
export const chunks: ChunkFormatter<PlanReport> = function* (r) {
  yield `${csvRow(HEADER)}\r\n`
  for (const s of r.systems) {
    yield `${csvRow([s.department, s.id, s.name, s.status, strategyText(s), s.declaredStrategy, s.moveGroup, s.wave, s.start, s.end, s.months, s.slipDays, s.effort.low, s.effort.high, s.readiness, s.criticality, s.annualRunGbp, s.reasons.map((x) => `${x.rule}: ${x.fact}`).join('; ')])}\r\n`
  }
}

export const format: Formatter<PlanReport> = (r, ctx) => [...chunks(r, ctx)].join('')
