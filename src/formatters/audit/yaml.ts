import type {AuditReport} from '../../core/assess/report.js'
import type {Formatter} from '../types.js'
import {toYaml} from '../yaml-emit.js'
import {auditData} from './data.js'

export const format: Formatter<AuditReport> = (report) => toYaml(auditData(report))
