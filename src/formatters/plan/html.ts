import type {PlanReport} from '../../core/plan/report.js'
import {reportHtml} from '../html/report.js'
import type {Formatter} from '../types.js'

/** `plan --format html`: the report page from the plan alone (findings by department, not crossed by category). */
export const format: Formatter<PlanReport> = (report, ctx) => reportHtml({plan: report}, ctx)
