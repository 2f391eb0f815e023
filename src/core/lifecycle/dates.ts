/**
 * Calendar dates as `YYYY-MM-DD` strings. They sort as strings, so comparing two is comparing
 * the days, and no time zone or clock can change an answer.
 */
import {asciiDigits} from '../strings.js'

const DATE = /^(\d{4})-(\d{2})-(\d{2})$/

function daysInMonth(year: number, month: number): number {
  if (month === 2) return year % 4 === 0 && (year % 100 !== 0 || year % 400 === 0) ? 29 : 28
  return month === 4 || month === 6 || month === 9 || month === 11 ? 30 : 31
}

/** Whether `value` is a real calendar date written `YYYY-MM-DD` (so not `2023-02-30`). */
export function isIsoDate(value: unknown): value is string {
  // Read by code units, not a regex match: rules ask this of every date of every system.
  if (typeof value !== 'string' || value.length !== 10 || value.charCodeAt(4) !== 45 || value.charCodeAt(7) !== 45) return false
  const year = asciiDigits(value, 0, 4)
  const month = asciiDigits(value, 5, 7)
  const day = asciiDigits(value, 8, 10)
  return year >= 0 && month >= 1 && month <= 12 && day >= 1 && day <= daysInMonth(year, month)
}

/**
 * `date` plus `months` calendar months, the day clamped to the end of a shorter month
 * (`2026-08-31` + 6 → `2027-02-28`), as people count "within 12 months".
 */
export function addMonths(date: string, months: number): string {
  const match = DATE.exec(date)
  if (!match || !Number.isInteger(months)) throw new RangeError(`addMonths: expected YYYY-MM-DD and whole months, got ${date} and ${months}`)
  const index = Number(match[1]) * 12 + (Number(match[2]) - 1) + months
  const year = Math.floor(index / 12)
  const month = index - year * 12 + 1
  const day = Math.min(Number(match[3]), daysInMonth(year, month))
  return `${String(year).padStart(4, '0')}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`
}
