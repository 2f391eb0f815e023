/**
 * What every trend format says, made once: the measures in sentences and a row per point. The
 * table, markdown, CSV and HTML print these, so they cannot disagree.
 */
import type {TrendMeasures, TrendPoint, TrendReport} from '../../core/trend/report.js'
import {slippageVerdict} from '../../core/trend/measures.js'
import {count, gbp} from '../text.js'

export const POINT_HEADER = ['date', 'commit', 'systems', 'done', 'done by deadline', 'to move', 'ready to move', 'past security support', 'run cost past support (£/yr)', 'completion', 'range', 'days past deadline', 'moved', 'added', 'removed', 'note']

export function pointCells(p: TrendPoint): string[] {
  const commit = p.workingCopy ? 'working copy' : (p.commit ?? '').slice(0, 10)
  if (p.gap !== null) return [p.date, commit, '', '', '', '', '', '', '', '', '', '', '', '', '', `gap: ${p.gap}`]
  const note = [p.commitDate ? `state of ${p.commitDate}` : '', p.reopened.length ? `reopened ${p.reopened.join(', ')}` : ''].filter(Boolean).join('; ')
  return [
    p.date,
    commit,
    count(p.systems!),
    count(p.done!),
    count(p.doneByDeadline!),
    count(p.toMove!),
    count(p.readyToMove!),
    count(p.pastSecuritySupport!.systems),
    count(p.pastSecuritySupport!.annualRunGbp),
    p.completion!,
    `${p.completionRange!.early} – ${p.completionRange!.late}`,
    count(p.daysPastDeadline!),
    count(p.moved.length),
    count(p.added.length),
    count(p.removed.length),
    note,
  ]
}

/** The measures in sentences, with what each was computed from. */
export function measureLines(r: TrendReport): string[] {
  const m: TrendMeasures = r.measures
  const judged = r.points.filter((p) => p.gap === null)
  const last = judged[judged.length - 1]
  const gaps = r.points.length - judged.length
  const lines = [
    `${count(r.points.length)} points from ${r.points[0]?.date ?? '–'} to ${r.points[r.points.length - 1]?.date ?? '–'} (${r.every === 'commit' ? 'every commit that changed an inventory' : `the last commit of each ${r.every}`})${gaps ? `, ${count(gaps)} of them gaps` : ''}; deadline ${r.deadline}.`,
  ]
  if (last) lines.push(`Now (${last.date}): ${count(last.done!)} of ${count(last.systems!)} systems done (${count(last.doneByDeadline!)} by the deadline), ${count(last.toMove!)} to move, ${count(last.readyToMove!)} of them ready and ${count(last.readyWithConditionsToMove!)} ready with conditions; ${count(last.pastSecuritySupport!.systems)} on a platform past security support (${gbp(last.pastSecuritySupport!.annualRunGbp)} a year recorded).`)
  lines.push(m.throughputPerQuarter === null ? 'Throughput: not measured (a single point).' : `Throughput: ${m.throughputPerQuarter} systems moved a quarter (${count(m.throughputWindow!.moved)} from ${m.throughputWindow!.from} to ${m.throughputWindow!.to}).`)
  lines.push(m.forecastFromThroughput ? `Forecast from throughput: ${m.forecastFromThroughput} (${m.forecastReason}).` : `Forecast from throughput: none (${m.forecastReason}).`)
  if (last) lines.push(`The plan's forecast now: ${last.completion} (${last.completionRange!.early} – ${last.completionRange!.late}), ${count(last.daysPastDeadline!)} days past the deadline.`)
  const o = m.slippage.overall
  lines.push(o ? `Slippage: ${o.daysPerMonth} days a month (forecast ${o.completionFrom} on ${o.from} → ${o.completionTo} on ${o.to}: ${count(o.days)} days in ${o.months} months): ${slippageVerdict(o.daysPerMonth)}.` : `Slippage: ${slippageVerdict(null)}.`)
  const recent = m.slippage.recent
  if (recent && o && recent.from !== o.from) lines.push(`Over the last 12 months: ${recent.daysPerMonth} days a month (${recent.completionFrom} on ${recent.from} → ${recent.completionTo} on ${recent.to}).`)
  lines.push(`Scope: ${count(m.scope.added)} systems added, ${count(m.scope.removed)} removed (not moves)${m.reopened ? `; ${count(m.reopened)} done systems reopened` : ''}.`)
  return lines
}

export const DEPARTMENT_HEADER = ['department', 'systems', 'done', 'to move', 'completion']

/** Each department at the last point that is not a gap. */
export function departmentRows(r: TrendReport): string[][] {
  const last = r.points.filter((p) => p.gap === null).at(-1)
  return (last?.departments ?? []).map((d) => [d.id, count(d.systems), count(d.done), count(d.toMove), d.completion ?? 'nothing to move'])
}

/** What every point was judged with. */
export function settingsLine(r: TrendReport): string {
  const s = r.settings
  return `Each point judged as of its date with today's settings: ${s.config ? `config ${s.config}` : 'no config'}, ${s.capacity}, ${s.waveLengthMonths}-month waves, team size ${s.teamSize}, lifecycle data of ${s.lifecycleSnapshot}.`
}
