import type {TrendReport} from '../../core/trend/report.js'
import {mdCell, mdTable, sanitizeTerminal} from '../text.js'
import type {Formatter} from '../types.js'
import {DEPARTMENT_HEADER, departmentRows, measureLines, POINT_HEADER, pointCells, settingsLine} from './rows.js'

export const format: Formatter<TrendReport> = (r) => {
  const out = ['# Progress from the inventories\' history', '', ...measureLines(r).map((l) => `- ${mdCell(l)}`), '', mdCell(settingsLine(r)), '']
  const depts = departmentRows(r)
  if (depts.length > 1) out.push('## By department, at the last point', '', mdTable(DEPARTMENT_HEADER, depts), '')
  out.push('## Throughput by quarter', '', mdTable(['quarter', 'systems moved'], r.measures.throughputByQuarter.map((q) => [q.quarter, q.moved])), '')
  out.push('## Points', '', mdTable(POINT_HEADER, r.points.map(pointCells)), '')
  return sanitizeTerminal(`${out.join('\n')}\n`)
}
