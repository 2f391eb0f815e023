import {Chalk} from 'chalk'

import type {TrendPoint, TrendReport} from '../../core/trend/report.js'
import {alignColumns, count, sanitizeLine} from '../text.js'
import type {Formatter} from '../types.js'
import {DEPARTMENT_HEADER, departmentRows, measureLines, POINT_HEADER, pointCells, settingsLine} from './rows.js'

/** Rows of the chart and of the table on a terminal: more points are sampled (the chart) or listed in the other formats (the table). */
export const CHART_ROWS = 20
export const TABLE_ROWS = 60
const BAR = 40

const table = alignColumns

/** At most `n` points, evenly spread, always the first and the last. */
export function sample<T>(items: T[], n: number): T[] {
  if (items.length <= n) return items
  const out: T[] = []
  for (let i = 0; i < n; i++) out.push(items[Math.round((i * (items.length - 1)) / (n - 1))])
  return out
}

/** A burn-up in text: done (█) and still to do (░) out of the largest estate, with the plan's forecast beside it. */
export function chartLines(points: TrendPoint[]): string[] {
  const judged = points.filter((p) => p.gap === null)
  if (judged.length === 0) return []
  const most = judged.reduce((m, p) => Math.max(m, p.systems!), 1)
  return sample(judged, CHART_ROWS).map((p) => {
    const done = Math.round((p.done! / most) * BAR)
    const rest = Math.round((p.systems! / most) * BAR) - done
    return `${p.date}  ${'█'.repeat(done)}${'░'.repeat(Math.max(0, rest))}${' '.repeat(Math.max(0, BAR - done - rest))}  ${count(p.done!).padStart(5)}/${count(p.systems!).padEnd(5)} forecast ${p.completion}`
  })
}

export const format: Formatter<TrendReport> = (r, ctx) => {
  const c = new Chalk({level: ctx.color ? 1 : 0})
  const [head, ...rest] = measureLines(r)
  const out = [c.bold(sanitizeLine(head)), ...rest.map(sanitizeLine), sanitizeLine(settingsLine(r)), '']
  const chart = chartLines(r.points)
  if (chart.length) out.push(c.bold('Burn-up') + ' (█ done, ░ still to do, of the systems at each point)', ...chart, '')
  const depts = departmentRows(r)
  if (depts.length > 1) out.push(c.bold('By department') + ' (at the last point)', ...table([DEPARTMENT_HEADER, ...depts.map((d) => d.map(sanitizeLine))], new Set([1, 2, 3])), '')
  const shown = r.points.slice(-TABLE_ROWS)
  out.push(c.bold('Points'))
  if (shown.length < r.points.length) out.push(`(the last ${TABLE_ROWS} of ${count(r.points.length)}: --format csv or json lists every one, --every month fewer)`)
  out.push(...table([POINT_HEADER, ...shown.map((p) => pointCells(p).map(sanitizeLine))], new Set([2, 3, 4, 5, 6, 7, 8, 11, 12, 13, 14])), '')
  return out.join('\n')
}
