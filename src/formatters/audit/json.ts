import type {AuditReport} from '../../core/assess/report.js'
import {prettyJsonChunks} from '../json-chunks.js'
import type {ChunkFormatter, Formatter} from '../types.js'
import {auditDataLazy} from './data.js'

export const chunks: ChunkFormatter<AuditReport> = function* (report) {
  yield* prettyJsonChunks(auditDataLazy(report))
  yield '\n'
}

export const format: Formatter<AuditReport> = (report, ctx) => [...chunks(report, ctx)].join('')
