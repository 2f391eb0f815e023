import {stringify} from 'yaml'

import type {AuditReport} from '../../core/assess/report.js'
import type {Formatter} from '../types.js'
import {auditData} from './data.js'

// Plain YAML 1.2 with no anchors, so any reader gets the same data as from the JSON.
export const format: Formatter<AuditReport> = (report) => stringify(auditData(report), {aliasDuplicateObjects: false, lineWidth: 0})
