import type {AuditReport} from '../../core/assess/report.js'
import {prettyJsonChunks} from '../json-chunks.js'
import type {ChunkFormatter, Formatter} from '../types.js'
import {auditData} from './data.js'

export const chunks: ChunkFormatter<AuditReport> = function* (report) {
  yield* prettyJsonChunks(auditData(report))
  yield '\n'
}

export const format: Formatter<AuditReport> = (report, ctx) => [...chunks(report, ctx)].join('')
