/**
 * The work to do, as items for an issue tracker: one per system with a non-empty path to ready (or
 * one per finding on it, `--per finding`). Each has a stable external id — the same system or
 * finding gives the same id on every export — so a re-export updates items instead of duplicating.
 * Built from the audit and the plan alone: the trackers' formats are in jira.ts, github.ts, gitlab.ts.
 */
import type {AuditReport} from '../assess/report.js'
import type {Finding, Severity} from '../model/types.js'
import type {PlanReport} from '../plan/report.js'

export interface WorkItem {
  externalId: string
  ref: string
  department: string
  title: string
  /** Markdown (GitHub, GitLab) that reads as plain text too (Jira). */
  description: string
  labels: string[]
  severity: Severity
  /** Jira's names: Highest, High, Medium, Low, Lowest. */
  priority: string
  /** The first day of the wave the system's move starts in: clear its path to ready before then. Null when it has no wave. */
  dueDate: string | null
}

export const PRIORITY: Record<Severity, string> = {critical: 'Highest', high: 'High', medium: 'Medium', low: 'Low', info: 'Lowest'}
const RANK: Record<Severity, number> = {critical: 0, high: 1, medium: 2, low: 3, info: 4}

export interface ExportOptions {
  per: 'system' | 'finding'
  /** Makes file:line a link: `<base><file>#L<line>` (a repository's blob URL). */
  linkBase?: string
  version: string
}

/**
 * Text from an inventory, as it goes into a tracker: on one line (so no line of it can start a GitLab
 * quick action such as \`/close\`), with an \`@\` that would mention someone broken by a zero-width space.
 */
export function inline(text: string): string {
  return text.replace(/\s+/g, ' ').replace(/@(?=[\w-])/g, '@\u200b')
}

function place(f: Finding, linkBase?: string): string {
  const at = `${f.file}:${f.line}`
  return linkBase ? `[${at}](${linkBase}${f.file}#L${f.line})` : `\`${at}\``
}

export function workItems(audit: AuditReport, plan: PlanReport, o: ExportOptions): WorkItem[] {
  const rules = new Map(audit.rules.map((r) => [r.id, r]))
  const planned = new Map(plan.systems.map((s) => [s.ref, s]))
  const items: WorkItem[] = []
  for (const s of audit.systems) {
    if (s.pathToReady.length === 0) continue
    const p = planned.get(s.ref)
    const strategy = p?.strategy ?? null
    const due = p?.start ?? null
    const findingOf = (rule: string) => s.findings.find((f) => f.rule === rule)
    const stepText = (step: (typeof s.pathToReady)[number], i: number) => {
      const f = findingOf(step.rule)
      const meta = rules.get(step.rule)
      const sources = meta?.sources.map((x) => (x.url ? `[${x.title}](${x.url})` : x.title)).join('; ')
      return [`${i + 1}. **${step.severity}${step.blocker ? ', blocker' : ''}** \`${step.rule}\`: ${inline(step.message)}${f ? ` (${place(f, o.linkBase)})` : ''}`, `   Remedy: ${inline(step.remedy)}`, ...(sources ? [`   Source: ${sources}`] : [])].join('\n')
    }
    const context = `**${s.ref}** (${inline(s.name)}): readiness ${s.readiness}, score ${s.score}, confidence ${s.confidence}; strategy ${strategy ?? 'none'}${p?.wave ? `, wave ${p.wave} from ${p.start}` : ''}; deadline status ${s.deadlineStatus}.`
    const footer = `Made by cloudready ${o.version} export, assessed as of ${audit.asOf}. External id: ${'`'}cloudready:${s.ref}${'`'} (a re-export carries the same id).`
    const baseLabels = ['cloudready', `department:${s.department}`, ...(strategy ? [`strategy:${strategy}`] : [])]
    if (o.per === 'system') {
      const worst = s.pathToReady.reduce((w, st) => (RANK[st.severity] < RANK[w] ? st.severity : w), 'info' as Severity)
      const categories = [...new Set(s.pathToReady.map((st) => rules.get(st.rule)?.category ?? 'data'))].sort()
      items.push({
        externalId: `cloudready:${s.ref}`,
        ref: s.ref,
        department: s.department,
        title: `${s.ref}: clear ${s.pathToReady.length === 1 ? '1 step' : `${s.pathToReady.length} steps`} to ready (${inline(s.name)})`,
        description: [context, '', 'Path to ready, in order:', '', ...s.pathToReady.map(stepText), '', footer].join('\n'),
        labels: [...baseLabels, `severity:${worst}`, ...categories.map((c) => `category:${c}`)],
        severity: worst,
        priority: PRIORITY[worst],
        dueDate: due,
      })
      continue
    }
    for (const [i, step] of s.pathToReady.entries()) {
      const f = findingOf(step.rule)
      const id = `cloudready:${s.ref}:${step.rule}${f?.pointer ? `:${f.pointer}` : ''}`
      items.push({
        externalId: id,
        ref: s.ref,
        department: s.department,
        title: `${s.ref}: ${step.rule} (step ${i + 1} of ${s.pathToReady.length} to ready)`,
        description: [context, '', stepText(step, i), '', footer.replace(`cloudready:${s.ref}`, id)].join('\n'),
        labels: [...baseLabels, `severity:${step.severity}`, `category:${rules.get(step.rule)?.category ?? 'data'}`],
        severity: step.severity,
        priority: PRIORITY[step.severity],
        dueDate: due,
      })
    }
  }
  return items
}
