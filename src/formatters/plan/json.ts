import type {PlanReport} from '../../core/plan/report.js'
import type {Formatter} from '../types.js'
import {planData} from './data.js'

export const format: Formatter<PlanReport> = (report) => `${JSON.stringify(planData(report), null, 2)}\n`
