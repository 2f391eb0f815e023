/**
 * Calendar arithmetic on `YYYY-MM-DD` strings, in UTC days, so no time zone or clock changes an answer.
 */
export {addMonths, isIsoDate} from './lifecycle/dates.js'

const DAY = 86_400_000

function toDay(date: string): number {
  return Date.UTC(Number(date.slice(0, 4)), Number(date.slice(5, 7)) - 1, Number(date.slice(8, 10))) / DAY
}

/** Whole days from `a` to `b` (negative when `b` is earlier). */
export function daysBetween(a: string, b: string): number {
  return Math.round(toDay(b) - toDay(a))
}

export function addDays(date: string, days: number): string {
  return new Date((toDay(date) + days) * DAY).toISOString().slice(0, 10)
}

/** Today in UTC: read only by commands, as the default of `--as-of`; core code is given dates. */
export function todayUtc(): string {
  return new Date().toISOString().slice(0, 10)
}
