/**
 * The named parts of run cost (README "Money"), worded once for every format: each sum with the
 * systems it counts and, beside it, how many of those have no cost recorded.
 */
import type {MoneyPart, RunCost} from '../core/assess/index.js'
import {gbp, plural} from './text.js'

export const MONEY_PARTS: Array<{key: keyof RunCost; label: string}> = [
  {key: 'pastSecuritySupport', label: 'on platforms past security support'},
  {key: 'extendedSupportOnly', label: 'on paid extended support only, part of the above'},
  {key: 'notReady', label: 'of systems not ready to move'},
  {key: 'toMove', label: 'of all systems still to move'},
  {key: 'retained', label: 'of retained systems, apart'},
]

/** "£12.3m (14 systems; 2 with no cost recorded)". */
export function moneyFigure(part: MoneyPart): string {
  const none = part.noCostRecorded ? `; ${part.noCostRecorded} with no cost recorded` : ''
  return `${gbp(part.gbp)} (${plural(part.systems, 'system')}${none})`
}

/** One line per part: "£12.3m a year on platforms past security support (14 systems; …)". */
export function moneyLines(cost: RunCost): string[] {
  return MONEY_PARTS.map((p) => `${moneyFigure(cost[p.key])} a year ${p.label}`.replace(/^(£[^ ]+) \((.*?)\) a year (.*)$/, '$1 a year $3 ($2)'))
}

export const MONEY_NOTE = 'Systems already migrated or retired, and systems hosted in public cloud or SaaS, are in none of these sums.'
