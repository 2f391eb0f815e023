/**
 * The department league table a Digital Task Force reads: one row per department with the figures
 * it compares departments by, ranked by a stated order, ties kept as ties. Built from department
 * columns (columns.ts), so `report`, `compare --by-department` and their JSON print the same numbers.
 */
import type {BaseDepartment} from '../assess/baseline.js'
import type {CompareColumn} from './columns.js'

export interface LeagueRow {
  /** 1 for the first; departments equal on every ranking figure share a rank (1, 2, 2, 4). */
  rank: number
  tied: boolean
  department: {id: string; name: string}
  systems: number
  /** Share of the department's systems done by the deadline, as the plan counts it (0–1). */
  shareDoneByDeadline: number
  /** Share migrated or retired at the as-of date (0–1). */
  shareDone: number
  /** Of the systems still to move, those `ready` to move as they are. */
  readyToMove: {count: number; share: number}
  completion: string
  /** The completion under the low and high effort estimates, where the plan gives them per department; else null. */
  completionRange: {early: string; late: string} | null
  daysPastDeadline: number
  unsupportedRunCost: {gbp: number; noCostRecorded: number} | null
  confidence: number | null
  /** With a baseline (an earlier `audit --format json`): what changed since; null without one or for a department new since. */
  change: {systems: number; done: number; readyNotDone: number} | null
}

export interface LeagueTable {
  /** How the rows are ordered, in words, for every format to print under the table. */
  order: string
  /** The baseline file the change is measured from, or null. */
  baseline: string | null
  rows: LeagueRow[]
}

export const LEAGUE_ORDER =
  'Ranked by completion (earliest first), then by the share done by the deadline, the share done now and the share ready of those still to move (each highest first); departments equal on all four share a rank (=).'

/** The ranking figures, compared in order; 0 when two rows are equal on all of them. */
function compareRows(a: LeagueRow, b: LeagueRow): number {
  return (
    (a.completion < b.completion ? -1 : a.completion > b.completion ? 1 : 0) ||
    b.shareDoneByDeadline - a.shareDoneByDeadline ||
    b.shareDone - a.shareDone ||
    b.readyToMove.share - a.readyToMove.share
  )
}

/** The league table of department columns; `base` gives the change since a baseline, by department id. */
export function leagueTable(columns: CompareColumn[], base?: {file: string; departments: Record<string, BaseDepartment>}): LeagueTable {
  const rows: LeagueRow[] = columns
    .filter((c) => c.department !== null)
    .map((c) => {
      const before = base && Object.hasOwn(base.departments, c.department!.id) ? base.departments[c.department!.id] : undefined
      return {
        rank: 0,
        tied: false,
        department: {...c.department!},
        systems: c.systems,
        shareDoneByDeadline: c.shareDoneByDeadline,
        shareDone: c.shareDone,
        readyToMove: {...c.readyToMove},
        completion: c.completion,
        completionRange: c.completionRange,
        daysPastDeadline: c.daysPastDeadline,
        unsupportedRunCost: c.unsupportedRunCost && {...c.unsupportedRunCost},
        confidence: c.confidence,
        change: before ? {systems: c.systems - before.systems, done: c.done - before.done, readyNotDone: c.readyNotDone - before.readyNotDone} : null,
      }
    })
  // Ties are ties: equal rows keep one rank, listed by department id so the order is stable.
  rows.sort((a, b) => compareRows(a, b) || (a.department.id < b.department.id ? -1 : a.department.id > b.department.id ? 1 : 0))
  rows.forEach((r, i) => {
    const prev = rows[i - 1]
    r.rank = prev && compareRows(prev, r) === 0 ? prev.rank : i + 1
  })
  for (const r of rows) r.tied = rows.some((o) => o !== r && o.rank === r.rank)
  return {order: LEAGUE_ORDER, baseline: base?.file ?? null, rows}
}
