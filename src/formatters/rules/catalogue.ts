import type {RuleMeta} from '../../rules/types.js'
import {mdCell, mdTable} from '../text.js'

/** The catalogue as a terminal table: id, category, severity, description. */
export function catalogueText(rules: RuleMeta[], attribution: string): string {
  const w = Math.max(...rules.map((r) => r.id.length), 4)
  const lines = [`${'rule'.padEnd(w)}  ${'category'.padEnd(12)}  ${'severity'.padEnd(8)}  description`]
  for (const r of rules) lines.push(`${r.id.padEnd(w)}  ${r.category.padEnd(12)}  ${r.severity.padEnd(8)}  ${r.description}`)
  lines.push('', `${rules.length} rules. 'cloudready explain RULE' gives each one's rationale, source and remedy.`, attribution)
  return `${lines.join('\n')}\n`
}

/** The catalogue as Markdown, for the README (generated; a test keeps it in sync). */
export function catalogueMarkdown(rules: RuleMeta[]): string {
  return mdTable(
    ['rule', 'category', 'severity', 'what it finds', 'source'],
    rules.map((r) => [r.id, r.category, r.severity, r.description, r.sources.map((s) => s.title).join('; ')]),
  )
}

/** One rule in full, for `cloudready explain`. */
export function explainText(r: RuleMeta): string {
  const out = [
    `${r.id}  (${r.category}, default severity ${r.severity})`,
    '',
    r.description,
    '',
    'Why it matters',
    `  ${r.rationale}`,
    '',
    'Source',
    ...r.sources.map((s) => `  - ${s.title}${s.url ? ` <${s.url}>` : ''}`),
    '',
    'What to do',
    `  ${r.remedy}`,
    '',
    'Fields it reads',
    `  ${(r.reads ?? r.fields).join(', ') || '(none recorded)'}`,
  ]
  if (r.options && Object.keys(r.options).length) {
    out.push('', 'Options (set in .cloudready.yaml under rules.<id>.options)', ...Object.entries(r.options).map(([k, v]) => `  ${k}: ${String(v)}`))
  }
  if (r.example) out.push('', 'Example of a system it flags', ...r.example.split('\n').map((l) => `  ${l}`))
  out.push('', 'How findings count', `  ${r.category === 'deadline' ? 'Deadline findings set the deadline status and lateness; they never change readiness or score.' : 'A critical finding makes the system not-ready; high or medium makes it ready-with-conditions. Each finding lowers the score (critical 40, high 20, medium 10, low 4, info 0). A system lacking the fields above lowers the confidence.'}`)
  return `${out.join('\n')}\n`
}

export function explainMarkdown(r: RuleMeta): string {
  return [`### ${r.id}`, '', `${mdCell(r.description)} (${r.category}, ${r.severity})`, '', r.rationale, '', `Source: ${r.sources.map((s) => (s.url ? `[${s.title}](${s.url})` : s.title)).join('; ')}`, '', `Remedy: ${r.remedy}`].join('\n')
}
