/**
 * What every human format of `compare` shows, built once: the verdict sentence, the metric rows of
 * the side-by-side table, and the per-system changes of a base → head comparison. Plain strings;
 * each format escapes them for its medium.
 */
import type {CompareColumn, CompareReport, SystemChange} from '../../core/compare/index.js'
import {daysBetween} from '../../core/dates.js'
import {SEVERITIES, STRATEGIES} from '../../core/model/types.js'
import {moneyFigure, MONEY_PARTS} from '../money.js'
import {count, gbp, percent, personMonths, plural, range} from '../text.js'

const fmt = count

export const MODE_TITLE: Record<CompareReport['mode'], string> = {
  'side-by-side': 'Side by side',
  departments: 'Departments side by side',
  scenarios: 'Scenarios',
  diff: 'Base → head',
}

/** A column's heading: its label, with the department's name or the scenario's flags. */
export function columnTitle(c: CompareColumn): string {
  // A whole plan of one department keeps what tells it apart from a twin ("hmrc · capacity 12").
  if (c.department) return c.department.name === c.department.id ? c.label : `${c.department.name} (${c.kind === 'department' ? c.department.id : c.label})`
  if (c.scenario !== null) return `${c.label}${c.scenario ? ` (${c.scenario})` : ''}`
  return c.label
}

function days(n: number): string {
  return `${fmt(Math.abs(n))} day${Math.abs(n) === 1 ? '' : 's'}`
}

/**
 * The verdict in one line, first in every format: for base → head whether the head is worse and
 * why; for the other modes which column finishes first and by how much.
 */
export function verdict(r: CompareReport): {line: string; tone: 'bad' | 'good' | 'neutral'} {
  if (r.diff) {
    const d = r.diff
    const completion = d.completion.days === 0 ? `completion unchanged (${d.completion.head})` : `completion ${d.completion.base} → ${d.completion.head} (${days(d.completion.days)} ${d.completion.days > 0 ? 'later' : 'earlier'})`
    const parts = [completion]
    if (d.counts.readinessDown) parts.push(`readiness down for ${plural(d.counts.readinessDown, 'system')}`)
    if (d.counts.readinessUp) parts.push(`readiness up for ${plural(d.counts.readinessUp, 'system')}`)
    if (d.counts.added) parts.push(`${fmt(d.counts.added)} added`)
    if (d.counts.removed) parts.push(`${fmt(d.counts.removed)} removed`)
    if (d.findingsCompared) parts.push(`${plural(d.counts.newFindings + d.counts.worseFindings, 'new or worse finding')}, ${fmt(d.counts.resolvedFindings)} resolved`)
    else parts.push('findings not compared')
    return d.regression ? {line: `Regression: ${parts.join('; ')}.`, tone: 'bad'} : {line: `No regression: ${parts.join('; ')}.`, tone: 'good'}
  }
  const cols = r.columns
  if (cols.length === 0) return {line: `${MODE_TITLE[r.mode]}: nothing to compare.`, tone: 'neutral'}
  const sorted = [...cols].sort((a, b) => (a.completion < b.completion ? -1 : a.completion > b.completion ? 1 : 0))
  const first = sorted[0]
  const last = sorted[sorted.length - 1]
  const what = r.mode === 'departments' ? plural(cols.length, 'department') : r.mode === 'scenarios' ? plural(cols.length, 'scenario') : plural(cols.length, 'plan')
  const late = (c: CompareColumn) => (c.daysPastDeadline > 0 ? `${fmt(c.daysPastDeadline)} days late` : 'on time')
  if (first.completion === last.completion) return {line: `${what}: all complete on ${first.completion} (${late(first)}).`, tone: first.daysPastDeadline > 0 ? 'bad' : 'good'}
  const apart = daysBetween(first.completion, last.completion)
  // Ties are ties: every column that finishes on the first (or last) date is named.
  const firsts = sorted.filter((c) => c.completion === first.completion).map((c) => c.label)
  const lasts = sorted.filter((c) => c.completion === last.completion).map((c) => c.label)
  const names = (labels: string[]) => (labels.length === 1 ? labels[0] : `${labels.slice(0, -1).join(', ')} and ${labels[labels.length - 1]}`)
  const verb = (labels: string[]) => (labels.length === 1 ? 'completes' : 'complete')
  return {
    line: `${what}: ${names(firsts)} ${verb(firsts)} first, on ${first.completion} (${late(first)}); ${names(lasts)} last, on ${last.completion} (${late(last)}), ${days(apart)} later.`,
    tone: first.daysPastDeadline > 0 ? 'bad' : 'good',
  }
}

export interface MetricRow {
  /** A heading row that starts a group (no values). */
  group?: boolean
  label: string
  values: string[]
  /** Base → head only: the head minus the base, signed ('' when equal or not a number). */
  change?: string
}

function signed(n: number, unit = ''): string {
  if (n === 0) return ''
  const r = Math.round(n * 10) / 10
  return `${r > 0 ? '+' : '−'}${fmt(Math.abs(r))}${unit}`
}

/** The rows of the side-by-side table: one value per column, formatted. */
export function metricRows(r: CompareReport): MetricRow[] {
  const cols = r.columns
  const diff = r.mode === 'diff' && cols.length === 2
  const row = (label: string, f: (c: CompareColumn) => string, n?: (c: CompareColumn) => number, unit = ''): MetricRow => ({
    label,
    values: cols.map(f),
    ...(diff ? {change: n ? signed(n(cols[1]) - n(cols[0]), unit) : ''} : {}),
  })
  const group = (label: string): MetricRow => ({group: true, label, values: cols.map(() => ''), ...(diff ? {change: ''} : {})})
  const cap = (c: CompareColumn) => (c.capacity.systems !== undefined ? `${fmt(c.capacity.systems)} systems` : `${fmt(c.capacity.effort ?? 0)} person-months`)
  return [
    ...(cols.some((c) => c.label !== c.inputs.join(', ')) ? [row('inputs', (c) => c.inputs.join(', '))] : []),
    row('as of', (c) => c.asOf),
    row('deadline', (c) => c.deadline),
    group('Estate'),
    row('systems', (c) => fmt(c.systems), (c) => c.systems),
    row('to move / done / retained', (c) => `${fmt(c.toMove)} / ${fmt(c.done)} / ${fmt(c.retained)}`),
    row('ready', (c) => `${percent(c.shareReady)} (${fmt(c.byReadiness.ready)})`, (c) => c.byReadiness.ready),
    row('ready with conditions', (c) => fmt(c.byReadiness['ready-with-conditions']), (c) => c.byReadiness['ready-with-conditions']),
    row('not ready', (c) => fmt(c.byReadiness['not-ready']), (c) => c.byReadiness['not-ready']),
    row('unknown', (c) => fmt(c.byReadiness.unknown), (c) => c.byReadiness.unknown),
    row('past end of support', (c) => `${fmt(c.pastEndOfSupport)} (${percent(c.sharePastEndOfSupport)})`, (c) => c.pastEndOfSupport),
    group('Findings'),
    ...SEVERITIES.map((s) => row(s, (c) => fmt(c.bySeverity[s]), (c) => c.bySeverity[s])),
    group('Strategies (7 Rs)'),
    ...STRATEGIES.map((s) => row(s, (c) => fmt(c.byStrategy[s]), (c) => c.byStrategy[s])),
    group('Plan'),
    row('capacity a wave', cap),
    row('wave length', (c) => `${c.waveLengthMonths} months`),
    row('start', (c) => c.start),
    row('waves', (c) => (r.mode === 'departments' ? `${fmt(c.waves)}${c.lastWave === null ? '' : ` (last: ${c.lastWave})`}` : fmt(c.waves)), (c) => c.waves),
    row('effort (person-months)', (c) => range(c.effort.low, c.effort.high, personMonths)),
    row('completion', (c) => c.completion, (c) => daysBetween(cols[0].completion, c.completion), ' days'),
    row('days past the deadline', (c) => fmt(c.daysPastDeadline), (c) => c.daysPastDeadline),
    row('done by the deadline', (c) => percent(c.shareDoneByDeadline)),
    group('Cost'),
    row('run cost a year', (c) => gbp(c.annualRunGbp)),
    ...MONEY_PARTS.map((m) => row(`run cost ${m.label}`, (c) => moneyFigure(c.runCost[m.key]), (c) => c.runCost[m.key].gbp)),
  ]
}

const ARROW = {up: '↑', down: '↓'}

/** One changed system as cells: system, change, readiness, strategy, wave, findings. */
export function changeCells(c: SystemChange, findingsCompared: boolean): string[] {
  const b = c.base
  const h = c.head
  const wave = (s: typeof b) => (s === null ? '' : s.wave === null ? s.status : String(s.wave))
  const readiness = c.change === 'changed' ? (c.readiness ? `${b!.readiness} → ${h!.readiness} ${ARROW[c.readiness]}` : h!.readiness) : (h ?? b)!.readiness
  const strategy = c.change === 'changed' ? (c.strategyChanged ? `${b!.strategy} → ${h!.strategy}` : h!.strategy) : (h ?? b)!.strategy
  const waves = c.change === 'changed' ? (c.waveMoved || c.statusChanged ? `${wave(b)} → ${wave(h)}` : wave(h)) : wave(h ?? b)
  const findings = findingsCompared ? [c.newFindings.length ? `+${c.newFindings.length}` : '', c.worseFindings.length ? `${c.worseFindings.length} worse` : '', c.resolvedFindings.length ? `−${c.resolvedFindings.length}` : ''].filter(Boolean).join(' ') : ''
  return [c.ref, c.change, readiness, strategy, waves, findings]
}

export const CHANGE_HEADER = ['system', 'change', 'readiness', 'strategy', 'wave', 'findings']

/** The counts of a base → head comparison, as short phrases. */
export function diffSummary(r: CompareReport): string[] {
  const d = r.diff
  if (!d) return []
  const c = d.counts
  const out = [
    `completion: ${d.completion.base} → ${d.completion.head} (${d.completion.days === 0 ? 'unchanged' : `${days(d.completion.days)} ${d.completion.days > 0 ? 'later' : 'earlier'}`})`,
    `days past the deadline: ${fmt(d.daysPastDeadline.base)} → ${fmt(d.daysPastDeadline.head)}`,
    `systems: ${fmt(c.added)} added, ${fmt(c.removed)} removed, ${fmt(c.readinessUp)} readiness up, ${fmt(c.readinessDown)} down, ${fmt(c.strategyChanged)} strategy changed, ${fmt(c.waveMoved)} moved wave, ${fmt(c.unchanged)} unchanged`,
  ]
  if (d.findingsCompared) out.push(`findings: ${fmt(c.newFindings)} new, ${fmt(c.worseFindings)} worse, ${fmt(c.resolvedFindings)} resolved (${SEVERITIES.filter((s) => d.newFindingsBySeverity![s] > 0).map((s) => `${d.newFindingsBySeverity![s]} ${s}`).join(', ') || 'none new'})`)
  return out
}

/** Every new, worse and resolved finding as rows: system, what, rule, severity, where, message. */
export function findingRows(r: CompareReport): string[][] {
  const rows: string[][] = []
  for (const c of r.diff?.systems ?? []) {
    for (const f of c.newFindings) rows.push([c.ref, 'new', f.rule, f.severity, f.pointer, f.message])
    for (const f of c.worseFindings) rows.push([c.ref, 'worse', f.rule, `${f.was} → ${f.severity}`, f.pointer, f.message])
    for (const f of c.resolvedFindings) rows.push([c.ref, 'resolved', f.rule, f.severity, f.pointer, f.message])
  }
  return rows
}

export const FINDING_HEADER = ['system', 'finding', 'rule', 'severity', 'where', 'message']
