import type {DepartmentSummary, Summary} from '../assess/index.js'
import type {Plan} from './index.js'

/** What `plan` hands its formatters, and what `plan --format json` prints (schemas/plan.schema.json). */
export interface PlanReport extends Plan {
  tool: {name: 'cloudready'; version: string}
  lifecycle: {snapshot: string; source: string}
  files: string[]
  /** The audit the plan stands on, summarised: what `compare` and the HTML report need beside the plan. */
  audit: {summary: Summary; departments: DepartmentSummary[]}
}
