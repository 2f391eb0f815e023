import type {PlanReport} from '../../core/plan/report.js'
import {csvRow, strategyText} from '../text.js'
import type {Formatter} from '../types.js'

const HEADER = ['department', 'system', 'name', 'status', 'strategy', 'declaredStrategy', 'moveGroup', 'wave', 'start', 'end', 'months', 'slipDays', 'effortLow', 'effortHigh', 'readiness', 'criticality', 'annualRunGbp', 'reasons']

/** One row per system, in a spreadsheet-safe form. */
export const format: Formatter<PlanReport> = (r) => {
  const rows = [csvRow(HEADER)]
  for (const s of r.systems) {
    rows.push(csvRow([s.department, s.id, s.name, s.status, strategyText(s), s.declaredStrategy, s.moveGroup, s.wave, s.start, s.end, s.months, s.slipDays, s.effort.low, s.effort.high, s.readiness, s.criticality, s.annualRunGbp, s.reasons.map((x) => `${x.rule}: ${x.fact}`).join('; ')]))
  }
  return `${rows.join('\r\n')}\r\n`
}
