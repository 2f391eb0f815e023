import type {AuditView} from '../../core/assess/report.js'
import type {ChunkFormatter, Formatter} from '../types.js'
import {toYamlChunks} from '../yaml-emit.js'
import {auditDataLazy} from './data.js'

/** The JSON's data as YAML, a system at a time. */
export const chunks: ChunkFormatter<AuditView> = (report) => toYamlChunks(auditDataLazy(report))

export const format: Formatter<AuditView> = (report, ctx) => [...chunks(report, ctx)].join('')
