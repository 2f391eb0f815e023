import type {PlanReport} from '../../core/plan/report.js'
import {prettyJsonChunks} from '../json-chunks.js'
import type {ChunkFormatter, Formatter} from '../types.js'
import {planData} from './data.js'

export const chunks: ChunkFormatter<PlanReport> = function* (report) {
  yield* prettyJsonChunks(planData(report))
  yield '\n'
}

export const format: Formatter<PlanReport> = (report, ctx) => [...chunks(report, ctx)].join('')
