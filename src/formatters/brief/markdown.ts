/** `report --brief --format markdown`: the same brief for a wiki page, an email or a pull request. */
import type {Brief} from '../../core/brief.js'
import {leagueCells, leagueHeader, leagueNotes} from '../league.js'
import {mdCell, mdTable, sanitizeTerminal} from '../text.js'
import type {FormatContext} from '../types.js'
import {briefFigures, briefLevers, briefRiskCells, briefVerdict, RISK_HEADER} from './lines.js'

export function briefMarkdown(b: Brief, ctx: FormatContext): string {
  const p = b.plan
  const out = [
    '# Cloud migration: the brief',
    '',
    `${mdCell(p.audit.departments.map((d) => d.name).join(', ') || 'No departments')} · as of ${p.asOf} · deadline ${p.deadline}`,
    '',
    `**${mdCell(briefVerdict(b).line)}**`,
    '',
    ...briefFigures(b).map((f) => `- **${mdCell(f.value)}** ${mdCell(f.label)}`),
    '',
  ]
  if (b.league) out.push('## League table', '', mdTable(leagueHeader(b.league), leagueCells(b.league)), '', ...leagueNotes(b.league).map((n) => `<sub>${mdCell(n)}</sub>`), '')
  out.push('## The five largest risks', '', b.risks.length ? mdTable(RISK_HEADER, briefRiskCells(b)) : 'No finding stands against a system still to move.', '')
  out.push('## What would change the completion date most', '', ...briefLevers(b).map((l) => `- ${mdCell(l)}`), '')
  out.push(`<sub>cloudready ${mdCell(ctx.version)} · lifecycle data of ${p.lifecycle.snapshot}</sub>`)
  // Escape sequences in any name or message (a department's, a lifecycle table's) shown, never obeyed by a terminal or a viewer.
  return sanitizeTerminal(`${out.join('\n')}\n`)
}

export const format = (b: Brief, ctx: FormatContext): string => briefMarkdown(b, ctx)
