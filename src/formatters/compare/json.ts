import type {CompareReport} from '../../core/compare/index.js'
import type {Formatter} from '../types.js'
import {compareData} from './data.js'

export const format: Formatter<CompareReport> = (report) => `${JSON.stringify(compareData(report), null, 2)}\n`
