import type {AuditView} from '../../core/assess/report.js'
import {prettyJsonChunks} from '../json-chunks.js'
import type {ChunkFormatter, Formatter} from '../types.js'
import {auditDataLazy} from './data.js'

export const chunks: ChunkFormatter<AuditView> = function* (report) {
  yield* prettyJsonChunks(auditDataLazy(report))
  yield '\n'
}

export const format: Formatter<AuditView> = (report, ctx) => [...chunks(report, ctx)].join('')
