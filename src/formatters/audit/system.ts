/**
 * `cloudready explain DEPT/SYSTEM PATHS…`: one system on the terminal — its readiness and why, what
 * blocks it, its path to ready in order with each remedy, its strategy and reasons, its deadline
 * status and its findings with file and line. The question every IT lead asks after the audit.
 */
import {Chalk} from 'chalk'

import type {SystemAssessment} from '../../core/assess/index.js'
import type {PlannedSystem} from '../../core/plan/index.js'
import {count, mdCell, sanitizeTerminal, strategyText} from '../text.js'

export interface SystemView {
  assessment: SystemAssessment
  planned?: PlannedSystem
  wave?: {number: number; start: string; end: string}
}

function lines(v: SystemView): Array<{head?: string; text: string}> {
  const a = v.assessment
  const p = v.planned
  const out: Array<{head?: string; text: string}> = []
  out.push({head: `${a.ref} — ${a.name}`, text: `${a.file}:${a.line}:${a.column}`})
  out.push({text: `Readiness: ${a.readiness}, score ${a.score}, confidence ${a.confidence}${a.blockers.length ? `; blocked by ${a.blockers.join(', ')}` : ''}`})
  out.push({text: `Deadline: ${a.deadlineStatus}${a.daysLate ? `, ${count(a.daysLate)} days late` : ''}${a.completed ? ` (completed ${a.completed})` : ''}${a.targetDate ? `; target date ${a.targetDate}` : ''}`})
  out.push({head: 'Path to ready', text: ''})
  if (a.pathToReady.length === 0) out.push({text: a.readiness === 'ready' ? '  Ready: nothing to clear.' : '  Nothing left to move.'})
  a.pathToReady.forEach((step, i) => {
    out.push({text: `  ${i + 1}. ${step.blocker ? '[blocker] ' : ''}${step.rule} (${step.severity}): ${step.message}`})
    out.push({text: `     what to do: ${step.remedy}`})
  })
  if (p) {
    out.push({head: `Strategy: ${strategyText(p)}`, text: ''})
    for (const r of p.reasons) out.push({text: `  - ${r.fact} [${r.rule}]`})
    out.push({text: v.wave ? `  Wave ${v.wave.number}: ${v.wave.start} to ${v.wave.end}; move group ${p.moveGroup}` : `  No wave: ${p.status}`})
    if (p.dependsOn.length) out.push({text: `  Depends on: ${p.dependsOn.join(', ')}`})
  }
  out.push({head: `Findings (${a.findings.length})`, text: ''})
  for (const f of a.findings) out.push({text: `  ${f.file}:${f.line}:${f.column}  ${f.severity}  ${f.message}  ${f.rule}`})
  return out
}

export function systemText(v: SystemView, color: boolean): string {
  const c = new Chalk({level: color ? 1 : 0})
  return `${lines(v)
    .map((l) => (l.head ? `${c.bold(sanitizeTerminal(l.head))}${l.text ? `  ${c.dim(sanitizeTerminal(l.text))}` : ''}` : sanitizeTerminal(l.text)))
    .join('\n')}\n`
}

export function systemMarkdown(v: SystemView): string {
  return `${lines(v)
    .map((l) => (l.head ? `\n### ${mdCell(l.head)}${l.text ? ` \`${mdCell(l.text)}\`` : ''}\n` : mdCell(l.text.trim()) === '' ? '' : `${l.text.startsWith('  ') ? '- ' : ''}${mdCell(l.text.trim())}`))
    .join('\n')
    .trim()}\n`
}
