import type {TrendReport} from '../../core/trend/report.js'
import type {Formatter} from '../types.js'

/** The report as `schemas/trend.schema.json` describes it. */
export const format: Formatter<TrendReport> = (report) => `${JSON.stringify(report, null, 2)}\n`
