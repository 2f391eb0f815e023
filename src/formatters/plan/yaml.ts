import type {PlanReport} from '../../core/plan/report.js'
import type {ChunkFormatter, Formatter} from '../types.js'
import {toYamlChunks} from '../yaml-emit.js'
import {planData} from './data.js'

/** The JSON's data as YAML, a system (and a wave) at a time. */
export const chunks: ChunkFormatter<PlanReport> = (report) => toYamlChunks(planData(report))

export const format: Formatter<PlanReport> = (report, ctx) => [...chunks(report, ctx)].join('')
