import {Chalk} from 'chalk'

import type {PlanReport} from '../../core/plan/report.js'
import {count, personMonths, range, sanitizeLine, strategyText} from '../text.js'
import type {ChunkFormatter, Formatter} from '../types.js'
import {timelineLines} from './timeline.js'
import {verdictLines} from './verdict.js'

/**
 * A table's lines, its rows read twice — once for the column widths, once to write — so that a
 * million systems' rows are never held at once (they are made again from the plan).
 */
function* table(rows: () => Iterable<string[]>, right: Set<number> = new Set()): Generator<string> {
  const widths: number[] = []
  for (const r of rows()) for (let i = 0; i < r.length; i++) widths[i] = Math.max(widths[i] ?? 0, r[i].length)
  for (const r of rows()) yield r.map((c, i) => (right.has(i) ? c.padStart(widths[i]) : c.padEnd(widths[i]))).join('  ').trimEnd()
}

/** The plan for a terminal: the verdict, the waves, every system with its strategy and reason; line by line. */
export const chunks: ChunkFormatter<PlanReport> = function* (r, ctx) {
  const c = new Chalk({level: ctx.color ? 1 : 0})
  const [head, ...verdict] = verdictLines(r)
  const out = [c.bold(sanitizeLine(head)), ...verdict.map(sanitizeLine), '']
  const timeline = timelineLines(r, c, ctx.width)
  if (timeline.length) out.push(c.bold('Timeline'), ...timeline, '')
  out.push(c.bold('Waves'))
  const waveRows = [['wave', 'dates', 'systems', 'effort (pm)', 'risks']]
  for (const w of r.waves) waveRows.push([String(w.number), `${w.start} → ${w.end}`, String(w.systems.length), range(w.effort.low, w.effort.high, personMonths), w.risks.join('; ')])
  for (const line of table(() => waveRows, new Set([0, 2]))) out.push(line)
  out.push('')
  out.push(c.bold('Systems'))
  yield `${out.join('\n')}\n`
  out.length = 0
  for (const line of table(() => systemRows(r))) yield `${line}\n`
  out.push('')
  for (const h of r.hybridPeriods) out.push(`${c.bold('Hybrid period')}: ${h.ref} in the cloud from ${h.from} while ${h.dependsOn} stays on premises ${h.until ? `until ${h.until} (${h.months} months)` : '(retained)'}`)
  if (r.criticalPath.length) out.push(`${c.bold('Critical path')} (the longest chain of dependencies; ${r.constraint.longestChain >= r.constraint.waves ? 'it sets the completion date' : 'capacity, not the chain, sets the completion date'}): ${r.criticalPath.map((p) => `${p.moveGroup} (wave ${p.wave}: ${p.systems.join(', ')})`).join(' → ')}`)
  if (r.blockers.length) {
    out.push(`${c.bold('Clear first')}: not ready, and other systems wait on them:`)
    for (const b of r.blockers.slice(0, 10)) out.push(`  ${b.ref} (${b.readiness}): ${b.waiting} waiting; ${sanitizeLine(b.rules.join(', '))}`)
    if (r.blockers.length > 10) out.push(`  … and ${r.blockers.length - 10} more`)
  }
  if (r.bridges.length) {
    const paid = r.bridges.filter((b) => b.need === 'extended-support').length
    out.push(`${c.bold('Bridges')}: ${r.bridges.length} platforms are out of security support before their wave ends: ${paid} need paid extended support until then, ${r.bridges.length - paid} have none left (move them earlier or accept the risk). Longest exposure first:`)
    const shown = 15
    const worst = [...r.bridges].sort((a, b) => b.exposureDays - a.exposureDays || (a.ref < b.ref ? -1 : 1))
    for (const b of worst.slice(0, shown)) {
      const cover = b.need === 'extended-support' ? `extended support to ${b.extendedEnd}` : 'no support available'
      out.push(`  ${b.ref}: ${sanitizeLine(b.product)}, security support ${b.securityEnd ? `ended ${b.securityEnd}` : 'ended'}, ${cover}; wave ${b.wave} ends ${b.waveEnd} (${b.exposureDays} days from now)`)
    }
    if (r.bridges.length > shown) out.push(`  … and ${r.bridges.length - shown} more (all of them in --format json, csv or markdown)`)
  }
  if (r.externalConstraints.length) out.push(`${c.bold('External constraints')}: ${r.externalConstraints.map((e) => `${e.ref} → ${e.dependsOn}`).join(', ')}`)
  for (const w of r.warnings) out.push(c.yellow(`warning: ${sanitizeLine(w)}`))
  yield `${out.join('\n')}\n`
}

export const format: Formatter<PlanReport> = (r, ctx) => [...chunks(r, ctx)].join('')

function* systemRows(r: PlanReport): Generator<string[]> {
  yield ['system', 'strategy', 'wave', 'start', 'end', 'slip', 'group', 'effort', 'why']
  for (const s of r.systems) {
    const why = s.reasons[0] ? `${s.reasons[0].fact}` : ''
    yield [s.ref, strategyText(s), s.wave === null ? s.status : String(s.wave), s.start ?? '', s.end ?? '', s.slipDays ? `${count(s.slipDays)}d` : '', s.moveGroup, range(s.effort.low, s.effort.high, personMonths), sanitizeLine(why)]
  }
}
