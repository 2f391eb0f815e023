/**
 * Formatters by command and name, loaded lazily so a command imports only the one it prints with.
 */
import type {AuditView} from '../core/assess/report.js'
import type {CompareReport} from '../core/compare/index.js'
import type {PlanReport} from '../core/plan/report.js'
import type {TrendReport} from '../core/trend/report.js'
import type {ChunkFormatter, Formatter, ValidateReport} from './types.js'

/** A formatter module: its `format`, and for the big outputs the same text in pieces (`chunks`). */
type Loader<R> = () => Promise<{format: Formatter<R>; chunks?: ChunkFormatter<R>}>

export const validateFormatters: Record<string, Loader<ValidateReport>> = {
  stylish: () => import('./validate/stylish.js'),
  json: () => import('./validate/json.js'),
  csv: () => import('./ci/validate-csv.js'),
  // The CI formats take either report: see ci/results.ts.
  sarif: () => import('./ci/sarif.js'),
  junit: () => import('./ci/junit.js'),
  github: () => import('./ci/github.js'),
  gitlab: () => import('./ci/gitlab.js'),
}

export const auditFormatters: Record<string, Loader<AuditView>> = {
  stylish: () => import('./audit/stylish.js'),
  json: () => import('./audit/json.js'),
  yaml: () => import('./audit/yaml.js'),
  markdown: () => import('./audit/markdown.js'),
  csv: () => import('./audit/csv.js'),
  sarif: () => import('./ci/sarif.js'),
  junit: () => import('./ci/junit.js'),
  github: () => import('./ci/github.js'),
  gitlab: () => import('./ci/gitlab.js'),
}

export const planFormatters: Record<string, Loader<PlanReport>> = {
  table: () => import('./plan/table.js'),
  json: () => import('./plan/json.js'),
  yaml: () => import('./plan/yaml.js'),
  markdown: () => import('./plan/markdown.js'),
  csv: () => import('./plan/csv.js'),
  html: () => import('./plan/html.js'),
}

export const compareFormatters: Record<string, Loader<CompareReport>> = {
  table: () => import('./compare/table.js'),
  json: () => import('./compare/json.js'),
  markdown: () => import('./compare/markdown.js'),
  html: () => import('./compare/html.js'),
}

export const trendFormatters: Record<string, Loader<TrendReport>> = {
  table: () => import('./trend/table.js'),
  json: () => import('./trend/json.js'),
  csv: () => import('./trend/csv.js'),
  markdown: () => import('./trend/markdown.js'),
  html: () => import('./trend/html.js'),
}

/** Formats that a program reads: never coloured, never mixed with progress. */
export const MACHINE_FORMATS = new Set(['json', 'yaml', 'sarif', 'junit', 'github', 'gitlab', 'csv'])
