import {stringify} from 'yaml'

import type {PlanReport} from '../../core/plan/report.js'
import type {Formatter} from '../types.js'
import {planData} from './data.js'

export const format: Formatter<PlanReport> = (report) => stringify(planData(report), {aliasDuplicateObjects: false, lineWidth: 0})
