import type {PlanReport} from '../../core/plan/report.js'
import {mdCell, mdTable, mdTableLines, personMonths, range, sanitizeTerminal, strategyText} from '../text.js'
import type {ChunkFormatter, Formatter} from '../types.js'
import {verdictLines} from './verdict.js'

/** The plan for a pull-request comment or a wiki page; the systems' table line by line (a million systems make no single string). */
export const chunks: ChunkFormatter<PlanReport> = function* (r) {
  const [head, ...verdict] = verdictLines(r)
  const out = [`# ${mdCell(head)}`, '', ...verdict.map((l) => `- ${mdCell(l)}`), '', '## Waves', '']
  out.push(mdTable(['wave', 'start', 'end', 'systems', 'effort (person-months)', 'risks'], r.waves.map((w) => [w.number, w.start, w.end, w.systems.join(', '), range(w.effort.low, w.effort.high, personMonths), w.risks.join('; ')])), '')
  out.push('## Systems', '')
  // Escape sequences in any name or message (a department's, a lifecycle table's) shown, never obeyed by a terminal or a viewer.
  yield sanitizeTerminal(`${out.join('\n')}\n`)
  for (const l of mdTableLines(['system', 'strategy', 'wave', 'start', 'end', 'slip (days)', 'move group', 'effort', 'reasons'], systemRows(r))) yield `${sanitizeTerminal(l)}\n`
  const rest: string[] = ['']
  if (r.criticalPath.length) rest.push('## Critical path', '', r.criticalPath.map((p) => `${p.moveGroup} (wave ${p.wave})`).join(' → '), '')
  if (r.hybridPeriods.length) rest.push('## Hybrid periods', '', mdTable(['system in the cloud', 'calls, still on premises', 'from', 'until', 'months', 'opens in wave'], r.hybridPeriods.map((h) => [h.ref, h.dependsOn, h.from, h.until ?? 'retained', h.months ?? '', h.wave])), '')
  if (r.blockers.length) rest.push('## Clear first', '', mdTable(['system', 'readiness', 'systems waiting', 'blocking findings'], r.blockers.map((b) => [b.ref, b.readiness, b.waiting, b.rules.join(', ')])), '')
  if (r.bridges.length) rest.push('## Bridges', '', mdTable(['system', 'platform', 'security support ended', 'extended support to', 'wave ends', 'days of exposure from now', 'need'], r.bridges.map((b) => [b.ref, b.product, b.securityEnd ?? 'ended', b.extendedEnd ?? '', b.waveEnd, b.exposureDays, b.need])), '')
  if (r.warnings.length) rest.push('## Warnings', '', ...r.warnings.map((w) => `- ${mdCell(w)}`), '')
  yield sanitizeTerminal(`${rest.join('\n')}\n`)
}

function* systemRows(r: PlanReport): Generator<unknown[]> {
  for (const s of r.systems) yield [s.ref, strategyText(s), s.wave ?? s.status, s.start ?? '', s.end ?? '', s.slipDays ?? '', s.moveGroup, range(s.effort.low, s.effort.high, personMonths), s.reasons.map((x) => `${x.rule}: ${x.fact}`).join('; ')]
}

export const format: Formatter<PlanReport> = (r, ctx) => [...chunks(r, ctx)].join('')
