/**
 * GitLab Code Quality (a subset of the Code Climate issue format): a JSON array of issues that the
 * merge request widget compares between the base and the head by `fingerprint`.
 */
import type {AuditView} from '../../core/assess/report.js'
import {MappedList, prettyJsonChunks} from '../json-chunks.js'
import type {ChunkFormatter, Formatter, ValidateReport} from '../types.js'
import {type CiResult, type CiSeverity, position, resultText, toCiReport} from './results.js'

type GitlabSeverity = 'info' | 'minor' | 'major' | 'critical' | 'blocker'

const SEVERITY: Record<CiSeverity, GitlabSeverity> = {critical: 'blocker', high: 'critical', medium: 'major', low: 'minor', info: 'info', error: 'blocker', warning: 'minor'}

/** Code Climate's categories, where one of ours has an obvious counterpart. */
const CATEGORIES: Record<string, string[]> = {security: ['Security'], data: ['Security'], platform: ['Compatibility'], validation: ['Bug Risk']}

/** The issues in pieces, one at a time (a million findings make no single string). */
export const chunks: ChunkFormatter<ValidateReport | AuditView> = function* (report) {
  const ci = toCiReport(report)
  const category = new Map(ci.rules.map((r) => [r.id, CATEGORIES[r.category]]))
  const issue = (r: CiResult) => {
    const categories = category.get(r.ruleId)
    return {
      type: 'issue',
      engine_name: 'cloudready',
      check_name: r.ruleId,
      description: resultText(r),
      ...(categories ? {categories} : {}),
      fingerprint: r.fingerprint,
      severity: SEVERITY[r.severity],
      location: {path: r.file, lines: {begin: position(r.line)}},
    }
  }
  yield* prettyJsonChunks(new MappedList(ci.results, issue))
  yield '\n'
}

export const format: Formatter<ValidateReport | AuditView> = (report, ctx) => [...chunks(report, ctx)].join('')
