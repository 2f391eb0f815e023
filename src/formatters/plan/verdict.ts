import type {PlanReport} from '../../core/plan/report.js'
import {STRATEGIES} from '../../core/model/types.js'
import {percent, plural} from '../text.js'

/** The plan's verdict in a few sentences, shared by the human formats. */
export function verdictLines(r: PlanReport): string[] {
  const s = r.summary
  const cap = r.capacity.systems !== undefined ? `${plural(r.capacity.systems, 'system')} per wave` : `${r.capacity.effort} person-months per wave`
  const years = (r.daysPastDeadline / 365.25).toFixed(1)
  return [
    `cloudready plan of ${plural(s.systems, 'system')} as of ${r.asOf}: ${s.toMove} to move, ${s.done} already moved or retired, ${s.retained} retained`,
    `Completion: ${r.completion}, ${r.daysPastDeadline > 0 ? `${plural(r.daysPastDeadline, 'day')} (${years} years) past the ${r.deadline} deadline` : `on or before the ${r.deadline} deadline`}`,
    `Schedule:   ${plural(s.waves, 'wave')} of ${r.waveLengthMonths} months from ${r.start}, ${cap}`,
    `Strategies: ${STRATEGIES.filter((k) => s.byStrategy[k] > 0).map((k) => `${k} ${s.byStrategy[k]}`).join(', ')}`,
    `Effort:     ${s.effort.low}–${s.effort.high} person-months`,
    `By the deadline: ${percent(s.shareDoneByDeadline)} of systems done`,
  ]
}
