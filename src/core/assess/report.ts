import type {RuleMeta} from '../../rules/types.js'
import {type Diagnostic, SEVERITIES, type Severity} from '../model/types.js'
import type {BaselineSummary} from './baseline.js'
import type {Assessment, SystemList} from './index.js'

export type FailOn = Severity | 'none'

/** What `audit` hands its formatters: the assessment and what a reader needs to trust it. */
export interface AuditReport extends Assessment {
  tool: {name: 'cloudready'; version: string}
  failOn: FailOn
  /** The inventory files read, as shown. */
  files: string[]
  /** Validation warnings (references to departments not loaded). */
  warnings: Diagnostic[]
  /** The rules that ran, with the severity the config gave them. */
  rules: RuleMeta[]
  lifecycleSource: string
  /** Present with --baseline: what the head adds to or worsens from the base. */
  baseline?: BaselineSummary
}

/**
 * What the audit formatters read: a report whose systems may be made as they are written (a
 * SystemList, read once where it can be: each reading judges every system again).
 */
export interface AuditView extends Omit<AuditReport, 'systems'> {
  systems: SystemList
}

const RANK: Record<Severity, number> = {critical: 0, high: 1, medium: 2, low: 3, info: 4}

/** Is a finding of severity `s` at or above the `--fail-on` threshold? */
export function atOrAbove(s: Severity, failOn: FailOn): boolean {
  return failOn !== 'none' && RANK[s] <= RANK[failOn]
}

/** How many findings are at or above the report's --fail-on (from its summary: the systems may not be kept). */
export function failingFindings(report: Pick<AuditView, 'summary' | 'failOn'>): number {
  let n = 0
  for (const s of SEVERITIES) if (atOrAbove(s, report.failOn)) n += report.summary.bySeverity[s]
  return n
}
