import type {TrendReport} from '../../core/trend/report.js'
import {countTicks, dayNumber, type Marker, stackedBars, xyChart} from '../html/charts.js'
import {escapeHtml, raw} from '../html/escape.js'
import {dataTable, kpis, legend, page, panel} from '../html/page.js'
import {BLUE, DEADLINE, INK, MUTED, PURPLE} from '../html/palette.js'
import {count} from '../text.js'
import type {Formatter} from '../types.js'
import {DEPARTMENT_HEADER, departmentRows, measureLines, pointCells, settingsLine} from './rows.js'

const GREEN = '#00703c'

/** Year ticks for a y axis of dates, from the first year to past the last. */
function yearTicks(dates: string[]): Array<{value: number; label: string}> {
  const sorted = [...dates].sort()
  const first = Number(sorted[0].slice(0, 4))
  const last = Number(sorted[sorted.length - 1].slice(0, 4)) + 1
  const step = Math.max(1, Math.ceil((last - first) / 8))
  const ticks = []
  for (let y = first; y <= last + step - 1; y += step) ticks.push({value: dayNumber(`${String(y).padStart(4, '0')}-01-01`), label: String(y)})
  return ticks
}

/** The trend's panels: measures, burn-up, the forecast against time, throughput, every point. Also `report --trend`. */
export function trendSections(r: TrendReport): string[] {
  const judged = r.points.filter((p) => p.gap === null)
  const last = judged[judged.length - 1]
  const m = r.measures
  const lines = measureLines(r)
  const out: string[] = []
  out.push(`<section class="panel" id="trend-measures" aria-labelledby="trend-measures-h">
<h2 id="trend-measures-h">Progress, measured from the history</h2>
${kpis([
  {value: last ? `${count(last.done!)} / ${count(last.systems!)}` : '–', label: 'systems done now'},
  {value: m.throughputPerQuarter === null ? '–' : String(m.throughputPerQuarter), label: 'moved a quarter (last 12 months)'},
  {value: m.forecastFromThroughput ?? 'never', label: 'done at that rate', tone: m.forecastFromThroughput ? undefined : 'bad'},
  {value: m.slippageDaysPerMonth === null ? '–' : `${m.slippageDaysPerMonth} days`, label: 'forecast slip a month', tone: (m.slippageDaysPerMonth ?? 0) > 0 ? 'bad' : 'good'},
])}
<ul>${lines.map((l) => `<li>${escapeHtml(l)}</li>`).join('')}</ul>
<p class="muted">${escapeHtml(settingsLine(r))}</p>
${departmentRows(r).length > 1 ? dataTable('By department, at the last point', DEPARTMENT_HEADER.map((h, i) => ({head: h, num: i >= 1 && i <= 3})), departmentRows(r)) : ''}
</section>`)
  if (judged.length === 0) return out
  const markers: Marker[] = [{date: r.deadline, label: `deadline ${r.deadline}`, kind: 'deadline'}]
  const most = judged.reduce((n, p) => Math.max(n, p.systems!), 1)
  out.push(
    panel({
      id: 'trend-burn-up',
      title: 'Burn-up',
      lead: `Systems done against all the systems in the inventories at each point; the total moves when systems are added or removed (scope: ${count(m.scope.added)} added, ${count(m.scope.removed)} removed).`,
      legend: legend([{name: 'systems in the inventories', stroke: MUTED}, {name: 'done (migrated or retired)', stroke: GREEN}, {name: 'done by the deadline', stroke: BLUE, dash: true}]),
      chart: xyChart({
        label: 'Burn-up: systems done against the total, at each point',
        series: [
          {name: 'total', stroke: MUTED, step: true, points: judged.map((p) => ({date: p.date, value: p.systems!, title: `${p.date}: ${count(p.systems!)} systems`}))},
          {name: 'done', stroke: GREEN, step: true, points: judged.map((p) => ({date: p.date, value: p.done!, title: `${p.date}: ${count(p.done!)} done`}))},
          {name: 'by deadline', stroke: BLUE, dash: true, step: true, points: judged.map((p) => ({date: p.date, value: p.doneByDeadline!, title: `${p.date}: ${count(p.doneByDeadline!)} done by the deadline`}))},
        ],
        yTicks: countTicks(most),
        markers,
      }),
      table: dataTable('Done and total at each point (the last 20)', [{head: 'date', nowrap: true}, {head: 'systems', num: true}, {head: 'done', num: true}, {head: 'added', num: true}, {head: 'removed', num: true}], judged.slice(-20).map((p) => [p.date, p.systems, p.done, p.added.length, p.removed.length])),
    }),
  )
  const dates = [...judged.flatMap((p) => [p.date, p.completionRange!.early, p.completionRange!.late]), r.deadline]
  const first = judged[0].date
  const end = last.date
  out.push(
    panel({
      id: 'trend-forecast',
      title: 'The plan\'s forecast against time',
      lead: `Where the plan, re-run at each point, put completion. A flat line is a forecast that holds; a line parallel to "today" is one that slips a month every month and never arrives. ${m.slippageDaysPerMonth === null ? '' : `Here: ${m.slippageDaysPerMonth} days a month.`}`,
      legend: legend([{name: 'forecast completion', stroke: PURPLE}, {name: 'early and late ends of its range', stroke: PURPLE, dash: true}, {name: 'today (the date of the point)', stroke: INK, dash: true}, {name: 'deadline', stroke: DEADLINE, dash: true}]),
      chart: xyChart({
        label: 'The plan\'s forecast completion at each point',
        series: [
          {name: 'forecast', stroke: PURPLE, points: judged.map((p) => ({date: p.date, value: dayNumber(p.completion!), title: `${p.date}: forecast ${p.completion} (${p.completionRange!.early} – ${p.completionRange!.late})`}))},
          {name: 'late end', stroke: PURPLE, dash: true, points: judged.map((p) => ({date: p.date, value: dayNumber(p.completionRange!.late)}))},
          {name: 'early end', stroke: PURPLE, dash: true, points: judged.map((p) => ({date: p.date, value: dayNumber(p.completionRange!.early)}))},
          {name: 'today', stroke: INK, dash: true, points: [{date: first, value: dayNumber(first)}, {date: end, value: dayNumber(end)}]},
          {name: 'deadline', stroke: DEADLINE, dash: true, points: [{date: first, value: dayNumber(r.deadline)}, {date: end, value: dayNumber(r.deadline)}]},
        ],
        yTicks: yearTicks(dates),
      }),
      table: dataTable('Forecast at each point (the last 20)', [{head: 'date', nowrap: true}, {head: 'forecast', nowrap: true}, {head: 'range', nowrap: true}, {head: 'days past deadline', num: true}], judged.slice(-20).map((p) => [p.date, p.completion, `${p.completionRange!.early} – ${p.completionRange!.late}`, p.daysPastDeadline])),
    }),
  )
  const quarters = m.throughputByQuarter
  out.push(
    panel({
      id: 'trend-throughput',
      title: 'Throughput',
      lead: `Systems that became migrated or retired in each quarter, from the history (not from the plan). Over the last 12 months: ${m.throughputPerQuarter ?? '–'} a quarter; ${m.forecastFromThroughput ? `at that rate the estate is done by ${m.forecastFromThroughput}` : `no forecast: ${m.forecastReason}`}.`,
      chart: stackedBars({label: 'Systems moved each quarter', series: [{name: 'moved', fill: GREEN, text: '#ffffff'}], rows: quarters.slice(-40).map((q) => ({label: q.quarter, values: [q.moved]})), mode: 'count', unit: 'system'}),
      table: dataTable('Systems moved by quarter', [{head: 'quarter', nowrap: true}, {head: 'moved', num: true}], quarters.map((q) => [q.quarter, q.moved])),
    }),
  )
  // Fewer, narrower columns than the text table (the run cost and the range's ends are in the CSV and JSON), so it fits the page.
  const rows = r.points.map((p) => {
    const c = pointCells(p)
    if (p.gap !== null) return [c[0], c[1].slice(0, 7), '', '', '', '', '', '', '', '', '', '', c[15]]
    return [c[0], c[1].slice(0, 7), c[2], c[3], c[4], c[5], c[6], c[7], raw(`${escapeHtml(p.completion)}<br /><span class="muted">${escapeHtml(c[10])}</span>`), c[11], c[12], `+${c[13]} −${c[14]}`, c[15]]
  })
  out.push(`<section class="panel" id="trend-points" aria-labelledby="trend-points-h">
<h2 id="trend-points-h">Every point</h2>
${dataTable(`${count(r.points.length)} points`, ['date', 'commit', 'systems', 'done', 'by deadline', 'to move', 'ready', 'past support', 'completion (range)', 'days late', 'moved', 'scope', 'note'].map((h, i) => ({head: h, num: i >= 2 && i <= 7 || i === 9 || i === 10, nowrap: i < 2})), rows)}
</section>`)
  return out
}

export const format: Formatter<TrendReport> = (r, ctx) =>
  page({
    title: 'Progress from the inventories\' history',
    eyebrow: 'cloudready trend',
    subtitle: `${r.paths.join(', ')}: ${r.points[0]?.date ?? ''} to ${r.points[r.points.length - 1]?.date ?? ''}, deadline ${r.deadline}`,
    body: trendSections(r),
    footer: [
      `Each point is the inventories as they were at a commit, judged as of its date. ${escapeHtml(settingsLine(r))} The same repository, flags and as-of date give the same page, byte for byte.`,
      `Made with cloudready ${escapeHtml(ctx.version)}. This page is self-contained: it loads nothing from the network and runs no script.`,
    ],
  })
