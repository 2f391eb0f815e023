import type {AuditReport} from '../../core/assess/report.js'
import type {Formatter} from '../types.js'
import {auditData} from './data.js'

export const format: Formatter<AuditReport> = (report) => `${JSON.stringify(auditData(report), null, 2)}\n`
