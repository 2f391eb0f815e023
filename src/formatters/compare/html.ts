import type {CompareColumn, CompareReport} from '../../core/compare/index.js'
import {SEVERITIES, STRATEGIES} from '../../core/model/types.js'
import {heatMap, stackedBars, timeline} from '../html/charts.js'
import {escapeHtml, raw} from '../html/escape.js'
import {dataTable, legend, page, panel, provenance} from '../html/page.js'
import {READINESS, READINESS_ORDER, SEVERITY, STRATEGY} from '../html/palette.js'
import {leaguePanel, markerLegend, markers} from '../html/report.js'
import {count, percent, personMonths, plural, range} from '../text.js'
import type {Formatter} from '../types.js'
import {CHANGE_HEADER, changeCells, columnTitle, diffSummary, FINDING_HEADER, findingRows, metricRows, MODE_TITLE, verdict} from './rows.js'

const fmt = count

function sideBySide(r: CompareReport): string {
  const diff = r.diff !== null
  const rows = metricRows(r).map((m) => [m.group ? raw(`<span class="muted">${escapeHtml(m.label)}</span>`) : m.label, ...m.values, ...(m.change === undefined ? [] : [m.change])])
  const columns = [{head: ''}, ...r.columns.map((c) => ({head: columnTitle(c), num: true})), ...(diff ? [{head: 'change', num: true}] : [])]
  return `<section class="panel" id="side-by-side" aria-labelledby="side-by-side-h">
<h2 id="side-by-side-h">${escapeHtml(MODE_TITLE[r.mode])}</h2>
${dataTable('Every number, one column each', columns, rows)}
</section>`
}

function charts(r: CompareReport): string[] {
  const cols = r.columns
  const titles = cols.map(columnTitle)
  const readiness = panel({
    id: 'readiness',
    title: 'Readiness',
    lead: 'The share of systems in each readiness class, one bar each.',
    legend: legend(READINESS_ORDER.map((k) => ({name: READINESS[k].name, fill: READINESS[k].fill}))),
    chart: stackedBars({
      label: 'Readiness, side by side',
      series: READINESS_ORDER.map((k) => ({name: READINESS[k].name, fill: READINESS[k].fill, text: READINESS[k].text})),
      rows: cols.map((c, i) => ({label: titles[i], values: READINESS_ORDER.map((k) => c.byReadiness[k]), note: plural(c.systems, 'system')})),
      mode: 'share',
      unit: 'system',
    }),
    table: dataTable('Systems by readiness class', [{head: ''}, ...READINESS_ORDER.map((k) => ({head: READINESS[k].name, num: true})), {head: 'systems', num: true}, {head: 'ready', num: true}], cols.map((c, i) => [titles[i], ...READINESS_ORDER.map((k) => c.byReadiness[k]), c.systems, percent(c.shareReady)])),
  })
  const strategies = panel({
    id: 'strategies',
    title: 'Strategies (the 7 Rs)',
    lead: 'How many systems each strategy takes, to scale.',
    legend: legend(STRATEGIES.map((k) => ({name: k, fill: STRATEGY[k].fill}))),
    chart: stackedBars({label: 'Strategies, side by side', series: STRATEGIES.map((k) => ({name: k, ...STRATEGY[k]})), rows: cols.map((c, i) => ({label: titles[i], values: STRATEGIES.map((k) => c.byStrategy[k]), note: plural(c.systems, 'system')})), mode: 'count', unit: 'system'}),
    table: dataTable('Systems by strategy', [{head: ''}, ...STRATEGIES.map((k) => ({head: k, num: true}))], cols.map((c, i) => [titles[i], ...STRATEGIES.map((k) => c.byStrategy[k])])),
  })
  const deadline = r.deadline ?? cols[0]?.deadline
  const shared = r.asOf !== null && deadline !== undefined
  const completion = panel({
    id: 'completion',
    title: 'Completion against the deadline',
    lead: `From the first wave to the end of the last${r.mode === 'departments' ? ' wave with a system of the department' : ''}.${shared ? '' : ' The inputs differ in as-of date or deadline: the marks are those of the first.'}`,
    legend: markerLegend(false),
    chart: timeline({
      label: 'Completion of each plan against the deadline',
      rows: cols.map((c, i) => ({label: titles[i], start: c.start, end: c.completion < c.start ? c.start : c.completion, note: c.daysPastDeadline > 0 ? `${fmt(c.daysPastDeadline)} days late` : 'on time'})),
      markers: cols.length ? markers(cols[0].asOf, cols[0].deadline) : [],
      shadeAfter: cols[0]?.deadline,
    }),
    table: dataTable('Start, completion and lateness', [{head: ''}, {head: 'start', nowrap: true}, {head: 'completion', nowrap: true}, {head: 'days past the deadline', num: true}, {head: 'waves', num: true}, {head: 'person-months', num: true}], cols.map((c, i) => [titles[i], c.start, c.completion, c.daysPastDeadline, c.waves, range(c.effort.low, c.effort.high, personMonths)])),
  })
  const findings = panel({
    id: 'findings',
    title: 'Findings by severity',
    lead: 'Deeper colour, more findings.',
    chart: heatMap({label: 'Findings by severity, side by side', columnTotals: false, rows: titles, columns: SEVERITIES.map((s) => ({name: s, fill: SEVERITY[s].fill})), values: cols.map((c) => SEVERITIES.map((s) => c.bySeverity[s]))}),
    // Under the chart, not beside it: with long column titles the table would not fit half a panel.
    table: dataTable('Findings by severity', [{head: '', nowrap: true}, ...SEVERITIES.map((s) => ({head: s, num: true})), {head: 'total', num: true}], cols.map((c, i) => [titles[i], ...SEVERITIES.map((s) => c.bySeverity[s]), c.findings])),
  })
  // Charts whose columns differ come first; those alike in every column (scenarios of one estate
  // share readiness, strategies and findings) follow, and say so.
  const differs = (f: (c: CompareColumn) => unknown) => new Set(cols.map((c) => JSON.stringify(f(c)))).size > 1
  const panels: Array<[string, boolean]> = [
    [readiness, differs((c) => c.byReadiness)],
    [strategies, differs((c) => c.byStrategy)],
    [completion, differs((c) => [c.start, c.completion])],
    [findings, differs((c) => c.bySeverity)],
  ]
  const same = '<p class="note">The same in every column.</p>'
  return [...panels.filter(([, d]) => d).map(([p]) => p), ...panels.filter(([, d]) => !d).map(([p]) => (cols.length > 1 ? p.replace('</h2>', `</h2>${same}`) : p))]
}

function changes(r: CompareReport): string[] {
  if (!r.diff) return []
  const out = [
    `<section class="panel" id="changes" aria-labelledby="changes-h"><h2 id="changes-h">What changed</h2><ul class="notes">${diffSummary(r).map((l) => `<li>${escapeHtml(l)}</li>`).join('')}</ul>
${r.diff.systems.length ? dataTable(`Systems that changed (${r.diff.systems.length})`, CHANGE_HEADER.map((h) => ({head: h, nowrap: h === 'system'})), r.diff.systems.map((s) => changeCells(s, r.diff!.findingsCompared))) : '<p>No system changed.</p>'}
</section>`,
  ]
  const findings = findingRows(r)
  if (findings.length) out.push(`<section class="panel" id="finding-changes" aria-labelledby="finding-changes-h"><h2 id="finding-changes-h">Findings</h2>${dataTable(`New, worse and resolved findings (${findings.length})`, FINDING_HEADER.map((h) => ({head: h, wide: h === 'message'})), findings)}</section>`)
  return out
}

/** `compare --format html`: the same building blocks as the report. */
export const format: Formatter<CompareReport> = (r, ctx) => {
  const v = verdict(r)
  const regressions = r.diff?.regressions.length ? `<ul class="notes">${r.diff.regressions.map((x) => `<li class="late">${escapeHtml(x)}</li>`).join('')}</ul>` : ''
  const notes = r.notes.length ? `<section class="panel" id="notes" aria-labelledby="notes-h"><h2 id="notes-h">Notes</h2><ul class="notes">${r.notes.map((n) => `<li>${escapeHtml(n)}</li>`).join('')}</ul></section>` : ''
  return page({
    title: `Comparison: ${MODE_TITLE[r.mode].toLowerCase()}`,
    eyebrow: 'cloudready compare',
    subtitle: `${r.columns.map(columnTitle).join(' · ')}${r.asOf ? ` · as of ${r.asOf}` : ''}${r.deadline ? ` · deadline ${r.deadline}` : ''}`,
    body: [`<p class="verdict${v.tone === 'good' ? ' good' : v.tone === 'neutral' ? ' neutral' : ''}">${escapeHtml(v.line)}</p>`, regressions, ...changes(r), ...(r.league ? [leaguePanel(r.league)] : []), sideBySide(r), ...charts(r), notes].filter(Boolean),
    footer: provenance({asOf: r.asOf, deadline: r.deadline, lifecycle: r.lifecycle, version: ctx.version}),
  })
}
