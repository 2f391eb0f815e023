/**
 * The HTML report of a plan (`cloudready report`, `plan --format html`): the verdict and headline
 * figures, then five charts each with the table of its numbers — readiness by department,
 * findings by category and severity, the wave timeline, the share migrated over time, and the move
 * groups with their dependencies — and every system in a table.
 */
import type {BaseDepartment} from '../../core/assess/baseline.js'
import type {AuditReport} from '../../core/assess/report.js'
import {departmentColumn, leagueTable, type LeagueTable} from '../../core/compare/index.js'
import {daysBetween} from '../../core/dates.js'
import {CATEGORIES, SEVERITIES} from '../../core/model/types.js'
import type {PlanReport} from '../../core/plan/report.js'
import {MONEY_NOTE, MONEY_PARTS, moneyFigure} from '../money.js'
import {LEAGUE_NUMERIC, leagueCells, leagueHeader, leagueNotes} from '../league.js'
import {count, gbp, percent, personMonths, plural, range} from '../text.js'
import type {FormatContext} from '../types.js'
import {heatMap, layeredGraph, type Marker, stackedBars, stepChart, timeline, type GraphNode, type Series} from './charts.js'
import {escapeHtml} from './escape.js'
import {dataTable, type Kpi, kpis, legend, meta, page, panel, provenance} from './page.js'
import {BLUE, PURPLE, READINESS, READINESS_ORDER, SEVERITY} from './palette.js'
import {SYSTEMS_SCRIPT, systemsLink, systemsSection} from './systems.js'
import {trendSections} from '../trend/html.js'
import type {TrendReport} from '../../core/trend/report.js'

export interface ReportInput {
  plan: PlanReport
  /** The full audit, when the report is made from inventories: findings by category and severity. */
  audit?: AuditReport
  /** `report --baseline`: an earlier audit's figures per department, for the league table's change. */
  baseline?: {file: string; departments: Record<string, BaseDepartment>}
  /** `report --trend`: progress measured from the inventories' git history, as `trend --format html` draws it. */
  trend?: TrendReport
}

/** How many move groups the dependency graph draws at most; the table lists them all. */
export const MAX_GRAPH_NODES = 40
/** How many waves the timeline draws at most. */
export const MAX_TIMELINE_ROWS = 60
/** How many rows a table lists at most: a page is for people; the CSV and JSON formats have every row. */
export const MAX_TABLE_ROWS = 1000

/** The first MAX_TABLE_ROWS rows, and a caption that says when there were more. */
function firstRows<T>(rows: T[], caption: string, what: string): {rows: T[]; caption: string} {
  if (rows.length <= MAX_TABLE_ROWS) return {rows, caption}
  return {rows: rows.slice(0, MAX_TABLE_ROWS), caption: `${caption} (the first ${fmt(MAX_TABLE_ROWS)} of ${fmt(rows.length)} ${what}; plan --format csv or json lists them all)`}
}

const fmt = count
const years = (days: number) => (days / 365.25).toFixed(1)
const pm = (e: {low: number; high: number}) => range(e.low, e.high, personMonths)

const READINESS_SERIES: Series[] = READINESS_ORDER.map((r) => ({name: READINESS[r].name, fill: READINESS[r].fill, text: READINESS[r].text}))

export function markers(asOf: string, deadline: string, completion?: string, daysLate = 0): Marker[] {
  const out: Marker[] = [
    {date: deadline, label: `Deadline ${deadline}`, kind: 'deadline'},
    {date: asOf, label: `Today (as of ${asOf})`, kind: 'today'},
  ]
  if (completion) out.push({date: completion, label: `Completion ${completion}${daysLate > 0 ? ` · ${fmt(daysLate)} days late` : ''}`, kind: 'completion'})
  return out
}

export function markerLegend(withCompletion: boolean): string {
  return legend([
    {name: 'deadline', stroke: '#d4351c', dash: true},
    {name: 'today (the as-of date)', stroke: '#0b0c0c'},
    ...(withCompletion ? [{name: 'completion of the plan', stroke: '#4c2c92', dash: true}] : []),
    {name: 'after the deadline', fill: '#fbeae7'},
  ])
}

function verdict(plan: PlanReport): string {
  const late = plan.daysPastDeadline > 0
  const head = late
    ? `The plan completes on <strong>${escapeHtml(plan.completion)}</strong> (between ${escapeHtml(plan.completionRange.early)} and ${escapeHtml(plan.completionRange.late)}): <strong>${fmt(plan.daysPastDeadline)} days (${years(plan.daysPastDeadline)} years) after</strong> the ${escapeHtml(plan.deadline)} deadline.`
    : `The plan completes on <strong>${escapeHtml(plan.completion)}</strong> (between ${escapeHtml(plan.completionRange.early)} and ${escapeHtml(plan.completionRange.late)}), on or before the ${escapeHtml(plan.deadline)} deadline.`
  const s = plan.summary
  const sub = `${plural(s.systems, 'system')}: ${fmt(s.toMove)} to move in ${plural(s.waves, 'wave')} of ${plan.waveLengthMonths} months from ${plan.start}, ${fmt(s.done)} already moved or retired, ${fmt(s.retained)} retained. ${percent(s.shareDoneByDeadline)} of systems were done by the deadline.`
  return `<p class="verdict${late ? '' : ' good'}">${head}<span class="sub">${escapeHtml(sub)}</span></p>`
}

/** Of the systems still to move, the share ready now: systems already moved are not "ready to move". */
function readyOfToMove(plan: PlanReport): number {
  const left = plan.systems.filter((s) => s.status === 'planned')
  return left.length ? Math.round((left.filter((s) => s.readiness === 'ready').length / left.length) * 1000) / 1000 : 0
}

function headline(plan: PlanReport): string {
  const a = plan.audit.summary
  const items: Kpi[] = [
    {value: fmt(plan.summary.systems), label: `systems in ${plural(plan.audit.departments.length, 'department')}`},
    {value: percent(readyOfToMove(plan)), label: `of the ${fmt(plan.summary.toMove)} systems still to move are ready to move now`, tone: readyOfToMove(plan) >= 0.5 ? 'good' : 'warn'},
    {value: plan.completion, label: `completion of the plan (${plan.completionRange.early} – ${plan.completionRange.late} as moves take their low or high effort)`, tone: plan.daysPastDeadline > 0 ? 'bad' : 'good'},
    {value: fmt(plan.daysPastDeadline), label: `days past the ${plan.deadline} deadline`, tone: plan.daysPastDeadline > 0 ? 'bad' : 'good'},
    {value: pm(plan.summary.effort), label: 'person-months of effort'},
    {value: fmt(plan.summary.waves), label: `waves of ${plan.waveLengthMonths} months`},
    {value: gbp(a.runCost.pastSecuritySupport.gbp), label: `a year on platforms past security support (${moneyFigure(a.runCost.pastSecuritySupport).replace(/^£[^ ]+ \(|\)$/g, '')})`, tone: a.runCost.pastSecuritySupport.gbp > 0 ? 'bad' : 'good'},
    {value: percent(a.sharePastEndOfSupport), label: 'of systems on a platform past end of support', tone: a.sharePastEndOfSupport > 0 ? 'bad' : 'good'},
  ]
  return kpis(items)
}

function readinessPanel(plan: PlanReport): string {
  const rows = [
    {label: 'All departments', values: READINESS_ORDER.map((r) => plan.audit.summary.byReadiness[r]), strong: true, note: plural(plan.audit.summary.systems, 'system'), links: READINESS_ORDER.map((r) => systemsLink({readiness: r}))},
    ...plan.audit.departments.map((d) => ({
      label: d.name,
      values: READINESS_ORDER.map((r) => d.summary.byReadiness[r]),
      note: plural(d.summary.systems, 'system'),
      // Each segment opens the list of systems filtered to the ones it counts.
      links: READINESS_ORDER.map((r) => systemsLink({department: d.id, readiness: r})),
    })),
  ]
  const chart = stackedBars({label: 'Readiness by department: share of systems in each readiness class', series: READINESS_SERIES, rows, mode: 'share', unit: 'system'})
  const tableRows = plan.audit.departments.map((d) => [d.name, ...READINESS_ORDER.map((r) => d.summary.byReadiness[r]), d.summary.systems, percent(d.summary.shareReady), percent(d.summary.sharePastEndOfSupport)])
  const a = plan.audit.summary
  const table = dataTable(
    'Systems by readiness class and department',
    [{head: 'department'}, ...READINESS_ORDER.map((r) => ({head: READINESS[r].name, num: true})), {head: 'systems', num: true}, {head: 'ready', num: true}, {head: 'past end of support', num: true}],
    tableRows,
    ['All departments', ...READINESS_ORDER.map((r) => a.byReadiness[r]), a.systems, percent(a.shareReady), percent(a.sharePastEndOfSupport)],
  )
  const depts = plan.audit.departments
  const top = Math.max(0, ...depts.map((d) => d.summary.shareReady))
  // Only a ranking among several departments, with every department on the top share named (ties are ties).
  const leaders = depts.filter((d) => d.summary.shareReady === top).map((d) => d.name)
  const ranking =
    depts.length < 2 || top === 0
      ? ''
      : leaders.length === depts.length
        ? `; every department has the same share ready (${percent(top)})`
        : `; ${leaders.length === 1 ? `${leaders[0]} has` : `${leaders.slice(0, -1).join(', ')} and ${leaders[leaders.length - 1]} have`} the largest share ready (${percent(top)})`
  const lead = depts.length
    ? `${percent(a.shareReady)} of systems are ready to move as they are and ${percent(a.shareReadyOrConditional)} once their conditions are met${ranking}.`
    : 'No systems.'
  return panel({id: 'readiness', title: 'Readiness by department', lead, legend: legend(READINESS_ORDER.map((r) => ({name: READINESS[r].name, fill: READINESS[r].fill}))), chart, caption: 'Each bar is one department, 100% wide; the numbers are systems.', table})
}

const SEVERITY_COLUMNS = SEVERITIES.map((s) => ({name: s, fill: SEVERITY[s].fill}))

function findingsPanels(plan: PlanReport, audit?: AuditReport): string[] {
  const lead = (total: number, worst: string) => `${plural(total, 'finding')} in all; ${worst}. Deadline findings say how late a system is; they never change its readiness.`
  if (audit) {
    const matrix = CATEGORIES.map(() => SEVERITIES.map(() => 0))
    for (const s of audit.systems) for (const f of s.findings) matrix[CATEGORIES.indexOf(f.category)][SEVERITIES.indexOf(f.severity)]++
    const total = matrix.flat().reduce((x, y) => x + y, 0)
    const ranked = CATEGORIES.map((c, i) => ({c, n: matrix[i][0] + matrix[i][1]})).sort((x, y) => y.n - x.n)
    const worst = ranked[0] && ranked[0].n > 0 ? `most critical and high findings are about ${ranked[0].c} (${ranked[0].n})` : 'none is critical or high'
    const chart = heatMap({label: 'Findings by category and severity', rows: [...CATEGORIES], columns: SEVERITY_COLUMNS, values: matrix, rowHeader: 'category'})
    const table = dataTable(
      'Findings by category (rows) and severity (columns)',
      [{head: 'category'}, ...SEVERITIES.map((s) => ({head: s, num: true})), {head: 'total', num: true}],
      CATEGORIES.map((c, i) => [c, ...matrix[i], matrix[i].reduce((x, y) => x + y, 0)]),
      ['total', ...SEVERITIES.map((_, j) => matrix.reduce((sum, r) => sum + r[j], 0)), total],
    )
    return [panel({id: 'findings', title: 'Findings by category and severity', lead: lead(total, worst), chart, caption: 'Deeper colour, more findings; each column in its severity\'s colour.', table, side: true})]
  }
  // A plan JSON carries the counts per department by severity and by category, not the two crossed.
  const depts = plan.audit.departments
  const bySeverity = depts.map((d) => SEVERITIES.map((s) => d.summary.bySeverity[s]))
  const byCategory = depts.map((d) => CATEGORIES.map((c) => d.summary.byCategory[c]))
  const total = bySeverity.flat().reduce((x, y) => x + y, 0)
  const critical = plan.audit.summary.bySeverity.critical + plan.audit.summary.bySeverity.high
  const sevChart = heatMap({label: 'Findings by department and severity', rows: depts.map((d) => d.name), columns: SEVERITY_COLUMNS, values: bySeverity, rowHeader: 'department'})
  const catChart = heatMap({label: 'Findings by department and category', rows: depts.map((d) => d.name), columns: CATEGORIES.map((c) => ({name: c, fill: BLUE})), values: byCategory, rowHeader: 'department'})
  const sevTable = dataTable('Findings by department and severity', [{head: 'department'}, ...SEVERITIES.map((s) => ({head: s, num: true})), {head: 'total', num: true}], depts.map((d, i) => [d.name, ...bySeverity[i], bySeverity[i].reduce((x, y) => x + y, 0)]))
  const catTable = dataTable('Findings by department and category', [{head: 'department'}, ...CATEGORIES.map((c) => ({head: c, num: true})), {head: 'total', num: true}], depts.map((d, i) => [d.name, ...byCategory[i], byCategory[i].reduce((x, y) => x + y, 0)]))
  return [
    panel({id: 'findings', title: 'Findings by severity', lead: lead(total, `${fmt(critical)} critical or high`), chart: sevChart, caption: 'Deeper colour, more findings.', table: sevTable, side: true}),
    panel({id: 'findings-category', title: 'Findings by category', lead: 'Where the findings are: the categories of the rules that found them.', chart: catChart, caption: 'Deeper colour, more findings.', table: catTable}),
  ]
}

function timelinePanel(plan: PlanReport): string {
  const shown = plan.waves.slice(0, MAX_TIMELINE_ROWS)
  // The waves the critical path moves in, marked on the timeline as in the graph.
  const criticalWaves = new Map(plan.criticalPath.map((p) => [p.wave, p.moveGroup]))
  const rows = shown.map((w) => ({
    label: criticalWaves.has(w.number) ? `Wave ${w.number} ◆` : `Wave ${w.number}`,
    start: w.start,
    end: w.end,
    fill: w.end > plan.deadline ? BLUE : '#00703c',
    note: `${w.systems.length}`,
    title: `Wave ${w.number}: ${w.start} to ${w.end}, ${plural(w.systems.length, 'system')}, ${pm(w.effort)} person-months${criticalWaves.has(w.number) ? `; critical path: ${criticalWaves.get(w.number)}` : ''}`,
  }))
  // When only the first waves are drawn, the axis ends with them: the completion is in the lead and the table.
  const all = shown.length === plan.waves.length
  const chart = timeline({
    label: `Wave timeline: ${plural(plan.waves.length, 'wave')} from ${plan.start} to ${plan.completion}, against the ${plan.deadline} deadline`,
    rows,
    markers: markers(plan.asOf, plan.deadline, all ? plan.completion : undefined, plan.daysPastDeadline),
    shadeAfter: plan.deadline,
  })
  const waveRows = firstRows(plan.waves, 'Waves: dates, systems, effort and risks', 'waves')
  const table = dataTable(
    waveRows.caption,
    [{head: 'wave', nowrap: true}, {head: 'start', nowrap: true}, {head: 'end', nowrap: true}, {head: 'systems', num: true}, {head: 'person-months', num: true, nowrap: true}, {head: 'days late', num: true}, {head: 'risks'}],
    waveRows.rows.map((w) => [`Wave ${w.number}`, w.start, w.end, w.systems.length, pm(w.effort), Math.max(0, daysBetween(plan.deadline, w.end)), w.risks.join('; ')]),
  )
  const capped = all ? '' : ` The chart draws the first ${MAX_TIMELINE_ROWS} of ${fmt(plan.waves.length)} waves.`
  const lead = plan.waves.length
    ? `${plural(plan.waves.length, 'wave')} of ${plan.waveLengthMonths} months from ${plan.start}, the last ending ${plan.completion}. The numbers in the bars are systems; ◆ marks a wave the critical path moves in.${capped}`
    : 'Nothing left to move: no waves.'
  return panel({id: 'timeline', title: 'Wave timeline', lead, legend: markerLegend(all), chart, caption: 'Each bar is a wave, from its first to its last day.', table})
}

interface ProgressRow {
  date: string
  label: string
  systemsDone: number
  shareSystems: number
  shareRunCost: number
}

/**
 * The plan's progress points and the end of every wave, counted as the plan counts them: systems
 * already moved or retired as done at every date (their own dates are not recorded), the others at
 * their wave's end.
 */
function progressRows(plan: PlanReport): ProgressRow[] {
  const total = plan.systems.length || 1
  const cost = plan.systems.reduce((sum, s) => sum + (s.annualRunGbp ?? 0), 0) || 1
  // One sweep over the finish dates in order: an estate of 100,000 systems has thousands of waves.
  const finishes: Array<{date: string; gbp: number}> = []
  for (const s of plan.systems) {
    const date = s.status === 'done' ? '' : s.wave !== null ? plan.waves[s.wave - 1].end : undefined
    if (date !== undefined) finishes.push({date, gbp: s.annualRunGbp ?? 0})
  }
  finishes.sort((a, b) => (a.date < b.date ? -1 : a.date > b.date ? 1 : 0))
  const points = new Map<string, {date: string; label: string; plan?: ProgressRow}>()
  for (const p of plan.progress) points.set(`${p.date} ${p.label}`, {date: p.date, label: p.label, plan: p})
  const completionAt = new Set(plan.progress.filter((p) => p.label === 'completion').map((p) => p.date))
  for (const w of plan.waves) if (!completionAt.has(w.end)) points.set(`${w.end} wave ${w.number}`, {date: w.end, label: `end of wave ${w.number}`})
  const sorted = [...points.values()].sort((a, b) => (a.date < b.date ? -1 : a.date > b.date ? 1 : a.label < b.label ? -1 : 1))
  let next = 0
  let count = 0
  let gbpDone = 0
  return sorted.map((p) => {
    for (; next < finishes.length && finishes[next].date <= p.date; next++) {
      count++
      gbpDone += finishes[next].gbp
    }
    // The plan's own points keep the plan's numbers; the wave ends between them are counted here.
    return p.plan ? {...p.plan} : {date: p.date, label: p.label, systemsDone: count, shareSystems: Math.round((count / total) * 1000) / 1000, shareRunCost: Math.round((gbpDone / cost) * 1000) / 1000}
  })
}

const PROGRESS_LABEL: Record<string, string> = {'as-of': 'today (as of)', deadline: 'deadline', completion: 'completion'}

function progressPanel(plan: PlanReport): string {
  const rows = progressRows(plan)
  // Before the as-of date the plan knows nothing of what moved when: the lines start there.
  const drawn = rows.filter((r) => r.date >= plan.asOf)
  const chart = stepChart({
    label: `Share of systems and of run cost migrated over time, against the ${plan.deadline} deadline`,
    series: [
      {name: 'systems', stroke: BLUE, points: drawn.map((r) => ({date: r.date, value: r.shareSystems}))},
      {name: 'run cost', stroke: PURPLE, dash: true, points: drawn.map((r) => ({date: r.date, value: r.shareRunCost}))},
    ],
    markers: markers(plan.asOf, plan.deadline),
    shadeAfter: plan.deadline,
  })
  const shown = firstRows(rows, 'Share migrated by date', 'dates')
  const table = dataTable(
    shown.caption,
    [{head: 'date', nowrap: true}, {head: 'point'}, {head: 'systems done', num: true}, {head: 'share of systems', num: true}, {head: 'share of run cost', num: true}],
    shown.rows.map((r) => [r.date, PROGRESS_LABEL[r.label] ?? r.label.replace(/^end-(\d{4})$/, 'end of $1'), r.systemsDone, percent(r.shareSystems), percent(r.shareRunCost)]),
  )
  const last = rows[rows.length - 1]
  const lead = `${percent(plan.summary.shareDoneByDeadline)} of systems were done by the deadline; the plan reaches ${percent(last?.shareSystems ?? 0)} of systems and ${percent(last?.shareRunCost ?? 0)} of the run cost (retained systems never move).`
  return panel({
    id: 'progress',
    title: 'Share migrated over time',
    lead,
    legend: legend([{name: 'share of systems', stroke: BLUE}, {name: 'share of run cost', stroke: PURPLE, dash: true}, {name: 'deadline', stroke: '#d4351c', dash: true}, {name: 'today (the as-of date)', stroke: '#0b0c0c'}]),
    chart,
    caption: 'Systems count as moved at the end of their wave; those already moved or retired count as done throughout.',
    table,
  })
}

type Group = PlanReport['moveGroups'][number]

/**
 * The groups to draw when there are too many: the critical path first, then outwards from it
 * through dependencies and dependants (cycles and the most connected first), so what is drawn is
 * one readable neighbourhood rather than the same number of unconnected boxes.
 */
function groupsToDraw(linked: Group[], critical: Set<string>, max: number): Set<string> {
  if (linked.length <= max) return new Set(linked.map((g) => g.id))
  const byId = new Map(linked.map((g) => [g.id, g]))
  const neighbours = new Map<string, string[]>(linked.map((g) => [g.id, []]))
  for (const g of linked) {
    for (const d of g.dependsOn) {
      if (!byId.has(d)) continue
      neighbours.get(g.id)!.push(d)
      neighbours.get(d)!.push(g.id)
    }
  }
  const rank = (a: string, b: string) => {
    const ga = byId.get(a)!
    const gb = byId.get(b)!
    return Number(gb.systems.length > 1) - Number(ga.systems.length > 1) || neighbours.get(b)!.length - neighbours.get(a)!.length || (a < b ? -1 : 1)
  }
  const keep = new Set<string>()
  const queue: string[] = []
  const visit = (id: string) => {
    if (keep.has(id) || keep.size >= max) return
    keep.add(id)
    queue.push(id)
  }
  for (const g of linked) if (critical.has(g.id)) visit(g.id)
  const seeds = linked.map((g) => g.id).sort(rank)
  let seed = 0
  for (let q = 0; keep.size < max; q++) {
    if (q >= queue.length) {
      // This neighbourhood is drawn whole: start the next from the best group left.
      while (seed < seeds.length && keep.has(seeds[seed])) seed++
      if (seed >= seeds.length) break
      visit(seeds[seed])
    }
    for (const n of neighbours.get(queue[q])!.filter((x) => !keep.has(x)).sort(rank)) visit(n)
  }
  return keep
}

function graphPanel(plan: PlanReport): string {
  const dependents = new Map<string, number>()
  for (const g of plan.moveGroups) for (const d of g.dependsOn) dependents.set(d, (dependents.get(d) ?? 0) + 1)
  const linked = plan.moveGroups.filter((g) => g.systems.length > 1 || g.dependsOn.length > 0 || dependents.has(g.id))
  const critical = new Set(plan.criticalPath.map((p) => p.moveGroup))
  const keep = groupsToDraw(linked, critical, MAX_GRAPH_NODES)
  const drawn = linked.filter((g) => keep.has(g.id))
  const ordered = linked.filter((g) => keep.has(g.id))
  const nodes: GraphNode[] = ordered.map((g) => ({
    id: g.id,
    lines: [`${g.id} · ${g.wave === null ? 'not moving' : `wave ${g.wave}`}`, `${g.systems[0]}${g.systems.length > 1 ? ` +${g.systems.length - 1}` : ''}`],
    title: `${g.id}${g.wave === null ? ' (already moved or retained)' : ` (wave ${g.wave})`}: ${g.systems.join(', ')}${g.dependsOn.length ? `; depends on ${g.dependsOn.join(', ')}` : ''}`,
    kind: g.wave === null ? 'done' : g.systems.length > 1 ? 'cycle' : 'group',
    critical: critical.has(g.id),
  }))
  const edges = ordered.flatMap((g) => g.dependsOn.filter((d) => keep.has(d)).map((d): [string, string] => [d, g.id]))
  const chart = nodes.length ? layeredGraph({label: `Move groups and their dependencies: ${plural(nodes.length, 'group')} drawn`, nodes, edges}) : ''
  const capped = linked.length > drawn.length ? ` The graph draws ${drawn.length} of the ${fmt(linked.length)}: the critical path and the groups around it, cycles and the most connected first; the table lists them.` : ''
  const lead = linked.length
    ? `${plural(linked.length, 'move group')} of ${plan.moveGroups.length} have several systems (a dependency cycle, moving together) or depend on another group. An arrow points from a group to the groups that need it first; the critical path — the longest chain of dependencies, ${plural(plan.constraint.longestChain, 'group')} long — is drawn heavier${plan.constraint.longestChain >= plan.constraint.waves ? ' and sets the completion date' : `: capacity, not the chain, sets the completion date (with unlimited capacity the chain would take ${plural(plan.constraint.longestChain, 'wave')})`}. Its groups: ${plan.criticalPath.map((p) => p.moveGroup).join(' → ') || 'none'}.${capped}`
    : 'No system depends on another: every system is a move group of its own, free to move in any wave.'
  const groupRows = firstRows(linked, 'Move groups with several systems or dependencies', 'groups')
  const table = dataTable(
    groupRows.caption,
    [{head: 'move group', nowrap: true}, {head: 'wave', nowrap: true}, {head: 'systems', num: true}, {head: 'members', wide: true}, {head: 'depends on'}, {head: 'critical path'}, ...(linked.length > drawn.length ? [{head: 'drawn'}] : [])],
    groupRows.rows.map((g) => [g.id, g.wave ?? 'not moving', g.systems.length, g.systems.join(', '), g.dependsOn.join(', '), critical.has(g.id) ? 'yes' : '', ...(linked.length > drawn.length ? [keep.has(g.id) ? 'yes' : 'no'] : [])]),
  )
  return panel({
    id: 'dependencies',
    title: 'Move groups and dependencies',
    lead,
    legend: legend([
      {name: 'move group', fill: '#ffffff'},
      {name: 'dependency cycle: systems that move together', fill: '#fff4d6'},
      {name: 'already moved or retained', fill: '#f3f2f1'},
      {name: 'critical path', stroke: '#0b0c0c'},
    ]),
    chart: chart || '<p class="note">Nothing to draw.</p>',
    caption: nodes.length ? 'Columns are steps: a group depends only on groups in columns to its left.' : undefined,
    // No table of nothing under "Nothing to draw".
    table: linked.length ? table : '',
  })
}

/** The department league table (league.ts) as a panel of its own: a table, how it is ranked, no chart. */
export function leaguePanel(table: LeagueTable): string {
  const header = leagueHeader(table)
  const notes = leagueNotes(table)
  return `<section class="panel" id="league" aria-labelledby="league-h"><h2 id="league-h">League table</h2>
<p class="lead">${escapeHtml(notes[0])}</p>
${dataTable(`Departments ranked (${table.rows.length})`, header.map((head, i) => ({head, num: LEAGUE_NUMERIC.has(i), nowrap: i === 1})), leagueCells(table))}
${notes.slice(1).map((n) => `<p class="note">${escapeHtml(n)}</p>`).join('')}
</section>`
}

/** The league of the report's departments; none for one department (nothing to rank it against). */
export function reportLeague(input: ReportInput): LeagueTable | null {
  const depts = input.plan.audit.departments
  if (depts.length < 2) return null
  const source = {plan: input.plan, audit: input.audit}
  const base = input.baseline ?? input.audit?.baseline
  return leagueTable(
    depts.map((d) => departmentColumn(source, d.id, input.plan.files)),
    base ? {file: base.file, departments: base.departments} : undefined,
  )
}

/** Run cost in its named parts, the same figures as the audit's text, JSON and markdown. */
function moneyPanel(plan: PlanReport): string {
  const c = plan.audit.summary.runCost
  const rows = MONEY_PARTS.map((m) => [`Run cost ${m.label}`, gbp(c[m.key].gbp), c[m.key].systems, c[m.key].noCostRecorded])
  return `<section class="panel" id="money" aria-labelledby="money-h"><h2 id="money-h">Run cost</h2>
<p class="lead">${escapeHtml(`${gbp(plan.audit.summary.annualRunGbp)} a year is recorded in all. ${MONEY_NOTE}`)}</p>
${dataTable('Run cost a year, in named parts', [{head: 'part'}, {head: 'a year', num: true}, {head: 'systems', num: true}, {head: 'with no cost recorded', num: true}], rows)}
</section>`
}

function notesSection(plan: PlanReport): string {
  const items = [
    plan.pilot.wave === null ? `No pilot wave: ${plan.pilot.reason}` : `Pilot wave ${plan.pilot.wave}: ${plan.pilot.systems.join(', ')} (${plan.pilot.reason})`,
    ...plan.warnings,
    ...plan.externalConstraints.map((e) => `${e.ref} depends on ${e.dependsOn}, which is not in these inventories: the plan cannot schedule around it`),
    ...(plan.summary.slips.systems ? [`${plural(plan.summary.slips.systems, 'system')} land after their own migration.target_date, by up to ${fmt(plan.summary.slips.maxDays)} days (each system's slip is in its row below)`] : []),
    ...plan.hybridPeriods.map((h) => `Hybrid period: ${h.ref} runs in the cloud from ${h.from} while ${h.dependsOn}, which it calls through a loose link, stays on premises ${h.until ? `until ${h.until} (${h.months} months)` : '(retained)'}: plan the link's latency, egress and security`),
  ]
  if (!items.length) return ''
  return `<section class="panel" id="warnings" aria-labelledby="warnings-h"><h2 id="warnings-h">Warnings</h2><ul class="notes">${items.map((w) => `<li>${escapeHtml(w)}</li>`).join('')}</ul></section>`
}

/** The whole report page. */
export function reportHtml(input: ReportInput, ctx: FormatContext): string {
  const {plan} = input
  const depts = plan.audit.departments
  const subtitle = `${depts.map((d) => d.name).join(', ') || 'No departments'} · as of ${plan.asOf} · deadline ${plan.deadline}`
  const body = [
    verdict(plan),
    headline(plan),
    meta([
      ['As of', plan.asOf],
      ['Deadline', plan.deadline],
      ['Plan', `${plural(plan.summary.waves, 'wave')} of ${plan.waveLengthMonths} months from ${plan.start}; capacity ${plan.capacity.systems !== undefined ? `${plan.capacity.systems} systems` : `${plan.capacity.effort} person-months`} a wave`],
      ['Lifecycle data', `snapshot of ${plan.lifecycle.snapshot} (${plan.lifecycle.source})`],
      ['Inventories', plan.files.join(', ')],
      ['Tool', `cloudready ${ctx.version}`],
      // The plan page is drawn from the plan alone; say what the report adds, so two pages that look alike are not taken for one.
      ...(input.audit ? [] : [['This page', 'the plan as a page (cloudready plan --format html): findings are counted by department; cloudready report adds them by category and severity, from the audit'] as [string, string]]),
    ]),
    ...[reportLeague(input)].filter((l) => l !== null).map(leaguePanel),
    readinessPanel(plan),
    ...findingsPanels(plan, input.audit),
    timelinePanel(plan),
    progressPanel(plan),
    ...(input.trend ? trendSections(input.trend) : []),
    moneyPanel(plan),
    graphPanel(plan),
    notesSection(plan),
    systemsSection(plan, input.audit),
  ].filter((s) => s !== '')
  return page({
    title: input.audit ? 'Cloud migration report' : 'Cloud migration plan',
    eyebrow: input.audit ? 'cloudready report' : 'cloudready plan',
    subtitle,
    body,
    footer: provenance({asOf: plan.asOf, deadline: plan.deadline, lifecycle: plan.lifecycle, version: ctx.version, script: true}),
    script: SYSTEMS_SCRIPT,
  })
}

/** `cloudready report`: the plan with the audit under it. */
export const format = (input: ReportInput, ctx: FormatContext): string => reportHtml(input, ctx)
