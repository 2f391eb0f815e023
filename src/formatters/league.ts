/**
 * The department league table as cells, for every format that prints it (compare's table, markdown
 * and HTML, the report and the brief): one place decides the columns and how each figure reads.
 */
import type {LeagueRow, LeagueTable} from '../core/compare/league.js'
import {count, gbp, percent} from './text.js'

const fmt = count
const signed = (n: number) => (n === 0 ? '0' : `${n > 0 ? '+' : '−'}${fmt(Math.abs(n))}`)

export function leagueHeader(table: LeagueTable): string[] {
  return [
    'rank',
    'department',
    'systems',
    'done by the deadline',
    'done now',
    'ready, of those to move',
    'completion',
    'days past the deadline',
    'run cost on unsupported platforms',
    'data completeness',
    ...(table.baseline ? ['since the baseline'] : []),
  ]
}

/** Which columns are numbers (right-aligned). */
export const LEAGUE_NUMERIC = new Set([0, 2, 3, 4, 5, 7, 8, 9])

function completion(r: LeagueRow): string {
  return r.completionRange ? `${r.completion} (${r.completionRange.early} – ${r.completionRange.late})` : r.completion
}

function runCost(r: LeagueRow): string {
  if (!r.unsupportedRunCost) return 'unknown (a plan JSON does not say)'
  const {gbp: sum, noCostRecorded} = r.unsupportedRunCost
  return noCostRecorded ? `${gbp(sum)} (${fmt(noCostRecorded)} with no cost recorded)` : gbp(sum)
}

function change(r: LeagueRow): string {
  if (!r.change) return 'new since the baseline'
  const c = r.change
  return `${signed(c.systems)} systems, ${signed(c.done)} done, ${signed(c.readyNotDone)} ready`
}

export function leagueCells(table: LeagueTable): string[][] {
  return table.rows.map((r) => [
    `${r.rank}${r.tied ? '=' : ''}`,
    r.department.name === r.department.id ? r.department.id : `${r.department.name} (${r.department.id})`,
    fmt(r.systems),
    percent(r.shareDoneByDeadline),
    percent(r.shareDone),
    `${percent(r.readyToMove.share)} (${fmt(r.readyToMove.count)})`,
    completion(r),
    fmt(r.daysPastDeadline),
    runCost(r),
    r.confidence === null ? 'unknown' : percent(r.confidence),
    ...(table.baseline ? [change(r)] : []),
  ])
}

/** What the table's less obvious columns mean, printed under it in every format. */
export function leagueNotes(table: LeagueTable): string[] {
  return [
    table.order,
    '"Done by the deadline" counts dated completions on or before it (and moves the plan finishes by then); "ready, of those to move" is the share of systems still to move that could move now as they are; "run cost on unsupported platforms" is the yearly run cost of systems still to move on a platform past end of security support; "data completeness" is the mean confidence of the assessments (the share of criteria with the data they need). A department\'s completion is when its last move ends, with its range as its moves take their low or high effort.',
    ...(table.baseline ? [`"Since the baseline" compares with ${table.baseline}: systems added, systems done, and systems ready but not yet done.`] : []),
  ]
}
