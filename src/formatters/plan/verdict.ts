import type {PlanReport} from '../../core/plan/report.js'
import {STRATEGIES} from '../../core/model/types.js'
import {percent, personMonths, plural, range} from '../text.js'

/** The plan's verdict in a few sentences, shared by the human formats. */
export function verdictLines(r: PlanReport): string[] {
  const s = r.summary
  const cap = r.capacity.systems !== undefined ? `${plural(r.capacity.systems, 'system')} per wave` : `${r.capacity.effort} person-months per wave`
  const years = (r.daysPastDeadline / 365.25).toFixed(1)
  return [
    `cloudready plan of ${plural(s.systems, 'system')} as of ${r.asOf}: ${s.toMove} to move, ${s.done} already moved or retired, ${s.retained} retained`,
    `Completion: ${r.completion}, ${r.daysPastDeadline > 0 ? `${plural(r.daysPastDeadline, 'day')} (${years} years) past the ${r.deadline} deadline` : `on or before the ${r.deadline} deadline`}; between ${r.completionRange.early} and ${r.completionRange.late} as the moves take their low or high effort`,
    `Schedule:   ${plural(s.waves, 'wave')} of ${r.waveLengthMonths} months from ${r.start}, ${cap}; a move runs for its effort ÷ a team of ${s.teamSize}, at least its strategy's minimum, and may span waves`,
    `Commitments: ${s.slips.systems === 0 ? 'every declared target date is kept' : `${plural(s.slips.systems, 'system')} land after ${s.slips.systems === 1 ? 'its' : 'their'} own target date, by up to ${plural(s.slips.maxDays, 'day')}`}${r.hybridPeriods.length ? `; ${plural(r.hybridPeriods.length, 'hybrid period')} opened by loose links` : ''}`,
    `Strategies: ${STRATEGIES.filter((k) => s.byStrategy[k] > 0).map((k) => `${k} ${s.byStrategy[k]}`).join(', ')}`,
    `Effort:     ${range(s.effort.low, s.effort.high, personMonths)} person-months to move the ${s.toMove} systems`,
    `Set by:     ${constraintLine(r)}`,
    `Pilot:      ${r.pilot.wave === null ? `none: ${r.pilot.reason}` : `wave ${r.pilot.wave}, ${listed(r.pilot.systems)}: ${r.pilot.reason}`}`,
    `By the deadline: ${percent(s.shareDoneByDeadline)} of systems done (dated completions on or before it${r.audit.summary.doneByDeadline.undated ? `; ${plural(r.audit.summary.doneByDeadline.undated, 'system')} done with no date recorded, counted apart` : ''})`,
  ]
}

function listed(refs: string[]): string {
  return refs.length <= 5 ? refs.join(', ') : `${refs.slice(0, 5).join(', ')} and ${refs.length - 5} more`
}

/** What sets the completion date, so a Task Force sees what more capacity would buy. */
export function constraintLine(r: PlanReport): string {
  const c = r.constraint
  if (c.waves === 0) return 'nothing left to move'
  const unit = r.capacity.systems !== undefined ? `${r.summary.toMove} systems, each running for its waves, at ${r.capacity.systems} per wave` : `${range(r.summary.effort.low, r.summary.effort.high, personMonths)} person-months at ${r.capacity.effort} per wave`
  const extra = c.extraWaves > 0 ? `; the pilot wave and the order of dependencies add ${plural(c.extraWaves, 'wave')}` : ''
  const chain = `${plural(r.criticalPath.length, 'move group')} long`
  if (c.longestChain >= c.waves) return `the critical path: a chain of dependent moves, ${chain}, takes ${plural(c.longestChain, 'wave')} end to end whatever the capacity`
  return `capacity: ${unit} need ${plural(c.byCapacity, 'wave')}${extra}; with unlimited capacity the critical path (the longest chain of dependent moves, ${chain}) would take ${plural(c.longestChain, 'wave')}`
}
