import type {TrendReport} from '../../core/trend/report.js'
import {csvRow} from '../text.js'
import type {Formatter} from '../types.js'

const HEADER = ['date', 'commit', 'workingCopy', 'gap', 'systems', 'done', 'doneByDeadline', 'toMove', 'readyToMove', 'readyWithConditionsToMove', 'pastSecuritySupport', 'pastSecuritySupportGbp', 'completion', 'completionEarly', 'completionLate', 'daysPastDeadline', 'moved', 'added', 'removed', 'reopened']

/** One row per point, numbers as numbers, for a spreadsheet or a dashboard. */
export const format: Formatter<TrendReport> = (r) => {
  const rows = [csvRow(HEADER)]
  for (const p of r.points) {
    rows.push(csvRow([p.date, p.commit ?? '', p.workingCopy, p.gap ?? '', p.systems, p.done, p.doneByDeadline, p.toMove, p.readyToMove, p.readyWithConditionsToMove, p.pastSecuritySupport?.systems, p.pastSecuritySupport?.annualRunGbp, p.completion, p.completionRange?.early, p.completionRange?.late, p.daysPastDeadline, p.moved.length, p.added.length, p.removed.length, p.reopened.length]))
  }
  return `${rows.join('\r\n')}\r\n`
}
