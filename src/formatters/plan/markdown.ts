import type {PlanReport} from '../../core/plan/report.js'
import {mdCell, mdTable, personMonths, range, sanitizeTerminal, strategyText} from '../text.js'
import type {Formatter} from '../types.js'
import {verdictLines} from './verdict.js'

export const format: Formatter<PlanReport> = (r) => {
  const [head, ...verdict] = verdictLines(r)
  const out = [`# ${mdCell(head)}`, '', ...verdict.map((l) => `- ${mdCell(l)}`), '', '## Waves', '']
  out.push(mdTable(['wave', 'start', 'end', 'systems', 'effort (person-months)', 'risks'], r.waves.map((w) => [w.number, w.start, w.end, w.systems.join(', '), range(w.effort.low, w.effort.high, personMonths), w.risks.join('; ')])), '')
  out.push('## Systems', '')
  out.push(mdTable(['system', 'strategy', 'wave', 'start', 'end', 'slip (days)', 'move group', 'effort', 'reasons'], r.systems.map((s) => [s.ref, strategyText(s), s.wave ?? s.status, s.start ?? '', s.end ?? '', s.slipDays ?? '', s.moveGroup, range(s.effort.low, s.effort.high, personMonths), s.reasons.map((x) => `${x.rule}: ${x.fact}`).join('; ')])), '')
  if (r.criticalPath.length) out.push('## Critical path', '', r.criticalPath.map((p) => `${p.moveGroup} (wave ${p.wave})`).join(' → '), '')
  if (r.hybridPeriods.length) out.push('## Hybrid periods', '', mdTable(['system in the cloud', 'calls, still on premises', 'from', 'until', 'months', 'opens in wave'], r.hybridPeriods.map((h) => [h.ref, h.dependsOn, h.from, h.until ?? 'retained', h.months ?? '', h.wave])), '')
  if (r.blockers.length) out.push('## Clear first', '', mdTable(['system', 'readiness', 'systems waiting', 'blocking findings'], r.blockers.map((b) => [b.ref, b.readiness, b.waiting, b.rules.join(', ')])), '')
  if (r.bridges.length) out.push('## Bridges', '', mdTable(['system', 'platform', 'security support ended', 'extended support to', 'wave ends', 'days of exposure from now', 'need'], r.bridges.map((b) => [b.ref, b.product, b.securityEnd ?? 'ended', b.extendedEnd ?? '', b.waveEnd, b.exposureDays, b.need])), '')
  if (r.warnings.length) out.push('## Warnings', '', ...r.warnings.map((w) => `- ${mdCell(w)}`), '')
  // Escape sequences in any name or message (a department's, a lifecycle table's) shown, never obeyed by a terminal or a viewer.
  return sanitizeTerminal(`${out.join('\n')}\n`)
}
