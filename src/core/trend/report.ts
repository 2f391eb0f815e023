/**
 * What `trend` reports: the points of a history and the measures computed from them
 * (`schemas/trend.schema.json`).
 */

export interface DepartmentPoint {
  id: string
  systems: number
  done: number
  toMove: number
  /** When its last move ends in the plan (midpoint effort); null with nothing to move. */
  completion: string | null
}

/** The estate at one point of its history, judged and planned as of that point's date. */
export interface TrendPoint {
  /** The as-of date of the point (UTC): the commit's date, the end of a period with `--every`, or `--as-of` for the working copy. */
  date: string
  /** The commit read (null for the working copy). */
  commit: string | null
  /** Its date, when the point is the end of a period (`--every`) rather than the commit itself. */
  commitDate: string | null
  subject: string
  workingCopy: boolean
  /** Set when the inventories at this point do not validate (or there are none): the rest is then null or empty. */
  gap: string | null
  systems: number | null
  /** Migrated or retired. */
  done: number | null
  /** Dated completions on or before the deadline. */
  doneByDeadline: number | null
  /** Neither done nor retained. */
  toMove: number | null
  /** Of those to move, `ready` now. */
  readyToMove: number | null
  /** Of those to move, `ready-with-conditions`: they can move once the conditions their findings name are met. */
  readyWithConditionsToMove: number | null
  /** Of those to move, on an OS, database or runtime past its end of security support: systems and recorded run cost a year. */
  pastSecuritySupport: {systems: number; annualRunGbp: number} | null
  completion: string | null
  completionRange: {early: string; late: string} | null
  daysPastDeadline: number | null
  /** Systems that became done since the previous point that is not a gap (throughput). */
  moved: string[]
  /** Systems that appeared or disappeared since that point (scope change). */
  added: string[]
  removed: string[]
  /** Systems done at that point and not done at this one. */
  reopened: string[]
  departments: DepartmentPoint[]
}

export interface QuarterThroughput {
  quarter: string
  moved: number
}

export interface Slippage {
  from: string
  to: string
  /** Forecast completions at those points. */
  completionFrom: string
  completionTo: string
  /** Calendar months between the points (days ÷ 30.436875, the mean Gregorian month). */
  months: number
  days: number
  daysPerMonth: number
}

export interface TrendMeasures {
  /** Systems moved per quarter over the last 12 months of the history (the whole history when shorter); null with a single point. */
  throughputPerQuarter: number | null
  throughputWindow: {from: string; to: string; moved: number} | null
  throughputByQuarter: QuarterThroughput[]
  /** At `throughputPerQuarter`, the day the systems left to move would all have moved; null when it cannot be said (`forecastReason`). */
  forecastFromThroughput: string | null
  forecastReason: string
  /** How far the plan's forecast completion moved per calendar month, over the whole history; null with fewer than two planned points. */
  slippageDaysPerMonth: number | null
  slippage: {overall: Slippage | null; recent: Slippage | null}
  scope: {added: number; removed: number}
  reopened: number
}

export interface TrendReport {
  tool: {name: 'cloudready'; version: string}
  /** The repository's top folder, as given; the inventories read from it. */
  repository: string
  paths: string[]
  asOf: string
  deadline: string
  every: 'commit' | 'week' | 'month' | 'quarter'
  since: string | null
  until: string
  /** What every point was judged with, as given now (not as it was at the commit). */
  settings: {config: string | null; capacity: string; waveLengthMonths: number; teamSize: number; lifecycleSnapshot: string}
  points: TrendPoint[]
  measures: TrendMeasures
  /** Blobs read and parsed: each distinct file version once. */
  read: {commits: number; blobs: number}
}
