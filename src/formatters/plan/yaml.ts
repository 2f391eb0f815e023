import type {PlanReport} from '../../core/plan/report.js'
import type {Formatter} from '../types.js'
import {toYaml} from '../yaml-emit.js'
import {planData} from './data.js'

export const format: Formatter<PlanReport> = (report) => toYaml(planData(report))
