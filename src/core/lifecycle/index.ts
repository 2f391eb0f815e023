/**
 * End-of-support lookup over the lifecycle table shipped with cloudready (data/lifecycle.json,
 * endoflife.date's facts) or a newer one given with `--lifecycle FILE`. Pure apart from reading
 * those files; see docs/lifecycle.md for the format, aliases and version rules.
 */
import {readFileSync} from 'node:fs'

import {noteInputRead} from '../io/inputs-read.js'
import {ReadError, readRegularFile} from '../io/read.js'
import {DEFAULT_MAX_FILE_MB} from '../load/index.js'
import {fileURLToPath} from 'node:url'
import {LifecycleError, parseLifecycle, type LifecycleTable} from './table.js'

export {LifecycleError, parseLifecycle, FORMAT_VERSION, PRODUCT_CATEGORIES} from './table.js'
export type {CycleRow, LifecyclePlatform, LifecycleProduct, LifecycleTable, ProductCategory, SupportEnd} from './table.js'
export {lookup, platformOf} from './lookup.js'
export type {KnownMatch, LifecycleMatch, UnknownProductMatch, UnknownVersionMatch} from './lookup.js'
export {extendedEndDate, hasEnded, mainstreamEndDate, matchLabel, securityEndDate, supportEndsWithin, supportPhase} from './phase.js'
export type {SupportKind, SupportPhase} from './phase.js'
export {addMonths, isIsoDate} from './dates.js'
export {normaliseName} from './versions.js'

// src/core/lifecycle/index.ts under vitest and dist/core/lifecycle/index.js when built are both
// three levels below the package root, where data/ is.
const SHIPPED = new URL('../../../data/lifecycle.json', import.meta.url)

let shipped: LifecycleTable | undefined

/** The table shipped with cloudready, read and checked on first use, then kept. */
export function defaultLifecycle(): LifecycleTable {
  if (!shipped) {
    const file = fileURLToPath(SHIPPED)
    let text: string
    try {
      text = readFileSync(file, 'utf8')
    } catch (error) {
      throw new LifecycleError(`the lifecycle table shipped with cloudready cannot be read (${reason(error)}): reinstall cloudready, or give one with --lifecycle FILE`)
    }
    shipped = parseLifecycle(text, file)
  }
  return shipped
}

/**
 * Reads and checks a lifecycle table from a file, for `--lifecycle FILE`.
 * @throws LifecycleError when the file cannot be read or is not a valid table
 */
export function loadLifecycle(file: string): LifecycleTable {
  let text: string
  try {
    noteInputRead(file)
    text = readRegularFile(file, DEFAULT_MAX_FILE_MB * 1024 * 1024).toString('utf8')
  } catch (error) {
    throw new LifecycleError(`cannot read the lifecycle table ${file}: ${error instanceof ReadError ? error.message.replace(/^cannot read: /, '') : reason(error)}`)
  }
  return parseLifecycle(text, file)
}

function reason(error: unknown): string {
  const code = (error as {code?: unknown} | null)?.code
  if (code === 'ENOENT') return 'no such file'
  if (code === 'EISDIR') return 'it is a folder'
  if (code === 'EACCES' || code === 'EPERM') return 'permission denied'
  return error instanceof Error ? error.message : String(error)
}

/** The date the table's facts were taken (`YYYY-MM-DD`), to show beside any end-of-support date. */
export function lifecycleSnapshot(table: LifecycleTable): string {
  return table.snapshot
}

/** One line crediting the source, for reports: "End-of-support dates: endoflife.date (…), MIT licence, …; snapshot 2026-08-22." */
export function lifecycleAttribution(table: LifecycleTable): string {
  return `End-of-support dates: ${table.source.trim().replace(/[.\s]+$/, '')}; snapshot ${table.snapshot}.`
}
