/**
 * Where a release stands on a given day. Every answer takes `asOf` (YYYY-MM-DD): nothing here
 * reads the clock, so the same inventory and date give the same findings.
 */
import {addMonths, isIsoDate} from './dates.js'
import type {LifecycleMatch} from './lookup.js'
import type {SupportEnd} from './table.js'

/**
 * - `supported`: full (mainstream) support, or security support for a product without a
 *   separate mainstream phase;
 * - `mainstream-ended`: security fixes only;
 * - `extended-only`: past the end of security support, covered only by extended support, which is
 *   usually paid (Microsoft ESU, RHEL ELS, Ubuntu Pro, Oracle Extended Support) or, for Debian, LTS;
 * - `unsupported`: no support of any kind;
 * - `unknown`: the product, version or its security end is unknown.
 */
export type SupportPhase = 'supported' | 'mainstream-ended' | 'extended-only' | 'unsupported' | 'unknown'

export type SupportKind = 'mainstream' | 'security' | 'extended'

/**
 * Whether a support end has passed on `asOf`. An end date is the last day covered, so support
 * has ended from the day after it. `undefined` when the end is unknown (`null`).
 */
export function hasEnded(end: SupportEnd, asOf: string): boolean | undefined {
  if (end === null) return undefined
  if (typeof end === 'boolean') return end
  return asOf > end
}

/** The phase a matched release is in on `asOf`. */
export function supportPhase(match: LifecycleMatch, asOf: string): SupportPhase {
  if (match.status !== 'known') return 'unknown'
  const security = hasEnded(match.securityEnd, asOf)
  if (security === undefined) return 'unknown'
  if (!security) return hasEnded(match.mainstreamEnd, asOf) === true ? 'mainstream-ended' : 'supported'
  return hasEnded(match.extendedEnd, asOf) === false ? 'extended-only' : 'unsupported'
}

function endOf(match: LifecycleMatch, kind: SupportKind): SupportEnd {
  if (match.status !== 'known') return null
  return kind === 'mainstream' ? match.mainstreamEnd : kind === 'security' ? match.securityEnd : match.extendedEnd
}

/** The day security support ends (or ended), when the source gives one. */
export function securityEndDate(match: LifecycleMatch): string | undefined {
  const end = endOf(match, 'security')
  return isIsoDate(end) ? end : undefined
}

/** The day mainstream support ends (or ended), when the source gives one. */
export function mainstreamEndDate(match: LifecycleMatch): string | undefined {
  const end = endOf(match, 'mainstream')
  return isIsoDate(end) ? end : undefined
}

/** The day extended support ends (or ended), when the source gives one. */
export function extendedEndDate(match: LifecycleMatch): string | undefined {
  const end = endOf(match, 'extended')
  return isIsoDate(end) ? end : undefined
}

/**
 * Whether support of `kind` (default security) is still running on `asOf` but ends within
 * `months` calendar months of it: "reaching end of security support within 12 months".
 * False when it has already ended or no end date is known.
 */
export function supportEndsWithin(match: LifecycleMatch, asOf: string, months: number, kind: SupportKind = 'security'): boolean {
  const end = endOf(match, kind)
  return isIsoDate(end) && asOf <= end && end <= addMonths(asOf, months)
}

/** "Red Hat Enterprise Linux 7", "Microsoft SQL Server 11.0-sp4", or the name given: for messages. */
export function matchLabel(match: LifecycleMatch): string {
  // What was written, and the release it matched when that reads differently: "Microsoft SQL Server 2014 (12.0 SP3)".
  if (match.status === 'known') return match.version === match.cycle ? `${match.title} ${match.cycle}` : `${match.title} ${match.version} (${cycleLabel(match.cycle)})`
  if (match.status === 'unknown-version') return match.version === undefined ? match.title : `${match.title} ${match.version}`
  return match.version === undefined ? match.product : `${match.product} ${match.version}`
}

/** A table's cycle id as people write it: "12.0-sp3" → "12.0 SP3", "13.0-sp3-acp" → "13.0 SP3 ACP". */
export function cycleLabel(cycle: string): string {
  return cycle.replace(/-(sp\d+|acp|cu\d+|ltsc|lts)/gi, (_, part: string) => ` ${part.toUpperCase()}`)
}
