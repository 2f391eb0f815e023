/**
 * The measures a Task Force quotes, computed from the points alone (README "Trend"): pure, so each
 * can be checked by hand against a small history.
 */
import {addDays, daysBetween} from '../dates.js'
import type {QuarterThroughput, Slippage, TrendMeasures, TrendPoint} from './report.js'

/** Days in a quarter and in a month, on the Gregorian calendar's mean year (365.2425 days). */
export const DAYS_PER_QUARTER = 365.2425 / 4
export const DAYS_PER_MONTH = 365.2425 / 12
/** Throughput and recent slippage look back this far from the last point. */
export const RECENT_DAYS = 365

const round = (n: number, places: number) => Math.round(n * 10 ** places) / 10 ** places

export function quarterOf(date: string): string {
  return `${date.slice(0, 4)}-Q${Math.floor((Number(date.slice(5, 7)) - 1) / 3) + 1}`
}

/** Every quarter from the first point's to the last's, with the systems that became done in it. */
export function throughputByQuarter(points: TrendPoint[]): QuarterThroughput[] {
  if (points.length === 0) return []
  const moved = new Map<string, number>()
  for (const p of points) if (p.moved.length) moved.set(quarterOf(p.date), (moved.get(quarterOf(p.date)) ?? 0) + p.moved.length)
  const out: QuarterThroughput[] = []
  let [y, q] = quarterOf(points[0].date).split('-Q').map(Number)
  const last = quarterOf(points[points.length - 1].date)
  for (;;) {
    const key = `${y}-Q${q}`
    out.push({quarter: key, moved: moved.get(key) ?? 0})
    if (key === last) break
    q++
    if (q > 4) {
      q = 1
      y++
    }
  }
  return out
}

/** The forecast's move between two points, per calendar month. */
export function slippageBetween(a: TrendPoint, b: TrendPoint): Slippage {
  const days = daysBetween(a.completion!, b.completion!)
  const calendar = daysBetween(a.date, b.date)
  const months = calendar / DAYS_PER_MONTH
  return {from: a.date, to: b.date, completionFrom: a.completion!, completionTo: b.completion!, months: round(months, 2), days, daysPerMonth: months > 0 ? round(days / months, 1) : 0}
}

export function measures(points: TrendPoint[]): TrendMeasures {
  const judged = points.filter((p) => p.gap === null)
  const first = judged[0]
  const last = judged[judged.length - 1]
  let throughputPerQuarter: number | null = null
  let throughputWindow: TrendMeasures['throughputWindow'] = null
  if (first && last && last.date > first.date) {
    // The last twelve months (or the whole history when it is shorter): moves dated after its start.
    const from = [addDays(last.date, -RECENT_DAYS), first.date].sort()[1]
    let moved = 0
    for (const p of judged) if (p.date > from) moved += p.moved.length
    throughputPerQuarter = round(moved / (daysBetween(from, last.date) / DAYS_PER_QUARTER), 2)
    throughputWindow = {from, to: last.date, moved}
  }
  let forecastFromThroughput: string | null = null
  let forecastReason: string
  if (!last) {
    forecastReason = 'no point of the history validates'
  } else if (last.toMove === 0) {
    forecastFromThroughput = last.date
    forecastReason = 'nothing is left to move'
  } else if (throughputPerQuarter === null) {
    forecastReason = 'one point is not a history: no throughput can be measured'
  } else if (throughputPerQuarter === 0) {
    forecastReason = `no system moved between ${throughputWindow!.from} and ${throughputWindow!.to}: at that rate the ${last.toMove} left never move`
  } else {
    forecastFromThroughput = addDays(last.date, Math.ceil((last.toMove! / throughputPerQuarter) * DAYS_PER_QUARTER))
    forecastReason = `${last.toMove} left to move at ${throughputPerQuarter} a quarter, the rate from ${throughputWindow!.from} to ${throughputWindow!.to}`
  }
  const planned = judged.filter((p) => p.completion !== null)
  const overall = planned.length >= 2 && planned[planned.length - 1].date > planned[0].date ? slippageBetween(planned[0], planned[planned.length - 1]) : null
  let recent: Slippage | null = null
  if (overall) {
    const end = planned[planned.length - 1]
    const start = planned.find((p) => p.date >= addDays(end.date, -RECENT_DAYS))!
    if (start.date < end.date) recent = slippageBetween(start, end)
  }
  let added = 0
  let removed = 0
  let reopened = 0
  for (const p of judged.slice(1)) {
    added += p.added.length
    removed += p.removed.length
    reopened += p.reopened.length
  }
  return {
    throughputPerQuarter,
    throughputWindow,
    throughputByQuarter: throughputByQuarter(judged),
    forecastFromThroughput,
    forecastReason,
    slippageDaysPerMonth: overall ? overall.daysPerMonth : null,
    slippage: {overall, recent},
    scope: {added, removed},
    reopened,
  }
}

/** What a slippage rate means, in words: a forecast that slips a month every month never arrives. */
export function slippageVerdict(daysPerMonth: number | null): string {
  if (daysPerMonth === null) return 'not measured (fewer than two planned points)'
  if (daysPerMonth >= round(DAYS_PER_MONTH, 1)) return 'it recedes as fast as time passes: at this rate it never arrives'
  if (daysPerMonth > 0) return `the forecast slips ${daysPerMonth} days for every month that passes`
  if (daysPerMonth === 0) return 'the forecast holds'
  return `the forecast comes ${-daysPerMonth} days nearer for every month that passes`
}
