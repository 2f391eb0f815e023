/**
 * The plan's waves as a compact text Gantt for the terminal: one bar per wave on a shared time
 * axis that starts at the earlier of today and the first wave, with the years above and today,
 * the completion and the deadline named below. Fits the width it is given; colour only when
 * allowed (--no-color and pipes get plain characters).
 */
import type {ChalkInstance} from 'chalk'

import {daysBetween} from '../../core/dates.js'
import type {PlanReport} from '../../core/plan/report.js'
import {count} from '../text.js'

const LABEL = 9
const MIN_BAR = 24
const MAX_BAR = 96

/** One wave's bar, from its first to its last day. */
interface Span {
  label: string
  start: string
  end: string
  note: string
}

function spans(r: PlanReport): Span[] {
  return r.waves.map((w) => ({label: `wave ${w.number}`, start: w.start, end: w.end, note: `${w.systems.length} system${w.systems.length === 1 ? '' : 's'}`}))
}

/** The timeline's lines, or none when no wave is planned. `width` is the terminal's columns. */
export function timelineLines(r: PlanReport, c: ChalkInstance, width = 80): string[] {
  const rows = spans(r)
  if (rows.length === 0) return []
  const from = [r.asOf, ...rows.map((s) => s.start)].sort()[0]
  const to = [r.completion, ...rows.map((s) => s.end)].sort().at(-1)!
  const note = Math.max(...rows.map((s) => s.note.length)) + 2
  const bar = Math.max(MIN_BAR, Math.min(MAX_BAR, width - LABEL - note - 1))
  const days = Math.max(1, daysBetween(from, to) + 1)
  const col = (date: string) => Math.min(bar - 1, Math.max(0, Math.floor((daysBetween(from, date) / days) * bar)))

  // Years above the bars, each at its first column, where it fits.
  const years = [...' '.repeat(bar)]
  for (let y = Number(from.slice(0, 4)); y <= Number(to.slice(0, 4)); y++) {
    const date = `${y}-01-01`
    const label = String(y)
    // The axis' first, partial year is named at the edge only if it leaves room for the next.
    if (date < from && col(`${y + 1}-01-01`) <= label.length) continue
    const x = date < from ? 0 : col(date)
    if (x + label.length <= bar && years.slice(x, x + label.length + 1).every((ch) => ch === ' ')) years.splice(x, label.length, ...label)
  }
  const out = [`${' '.repeat(LABEL)}${years.join('').trimEnd()}`]
  const today = col(r.asOf)
  for (const s of rows) {
    const a = col(s.start)
    const b = Math.max(a, col(s.end))
    const cells = [...' '.repeat(bar)]
    if (today < a) cells[today] = '┆'
    const drawn = `${cells.slice(0, a).join('')}${c.blue('█'.repeat(b - a + 1))}${cells.slice(b + 1).join('')}`
    out.push(`${s.label.padEnd(LABEL)}${drawn}  ${s.note}`)
  }
  // Below the bars: where today and the completion fall, and the deadline, on the axis or before it.
  const marks = [...' '.repeat(bar)]
  marks[today] = '▲'
  const end = col(r.completion)
  if (end !== today) marks[end] = '▲'
  out.push(`${' '.repeat(LABEL)}${marks.join('').trimEnd()}`)
  const late = r.daysPastDeadline > 0 ? `, ${count(r.daysPastDeadline)} days past the deadline` : ''
  const deadline = r.deadline < from ? `deadline ${r.deadline} (before this axis)` : `deadline ${r.deadline}`
  const legend = [`today ${r.asOf}`, `completion ${r.completion}${late}`, deadline]
  // One line when it fits the terminal, else one fact a line.
  const lines = LABEL + legend.join(' · ').length <= width ? [legend.join(' · ')] : legend
  for (const l of lines) out.push(`${' '.repeat(LABEL)}${c.dim(l)}`)
  return out
}
