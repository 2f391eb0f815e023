/**
 * Cell values to inventory values, each change recorded so the YAML can say what it was: dates in
 * DD/MM/YYYY or as Excel serial numbers to YYYY-MM-DD, Yes/No to booleans, "£2,400,000" to 2400000,
 * product names to the lifecycle table's ("Microsoft Windows Server 2012 R2 Standard" → windows-server
 * "2012 R2"). A value that cannot be read is never guessed: the caller reports it and keeps it aside.
 */
import {isIsoDate} from '../dates.js'
import {defaultLifecycle} from '../lifecycle/index.js'
import {lookup} from '../lifecycle/lookup.js'
import type {Cell} from './read.js'
import {type FieldSpec, headerKey} from './columns.js'

export type Normalised = {ok: true; value: unknown; note?: string} | {ok: false; problem: string}

const TRUE = new Set(['yes', 'y', 'true', 't', '1'])
const FALSE = new Set(['no', 'n', 'false', 'f', '0'])
const MONTHS = ['jan', 'feb', 'mar', 'apr', 'may', 'jun', 'jul', 'aug', 'sep', 'oct', 'nov', 'dec']

const text = (c: Cell) => (c === null ? '' : String(c).trim())

/** Excel's day numbers count from 1899-12-30 (its 1900 leap-year bug included). */
export function excelSerialToDate(serial: number): string {
  return new Date(Date.UTC(1899, 11, 30) + Math.round(serial) * 86_400_000).toISOString().slice(0, 10)
}

export function normaliseDate(cell: Cell, dayFirst = true): Normalised {
  if (typeof cell === 'number') {
    if (Number.isInteger(cell) && cell > 0 && cell < 2_958_466) return {ok: true, value: excelSerialToDate(cell), note: `Excel day number ${cell}`}
    return {ok: false, problem: `${cell} is not a date`}
  }
  const t = text(cell)
  if (isIsoDate(t)) return {ok: true, value: t}
  let m = /^(\d{4})[/.](\d{1,2})[/.](\d{1,2})$/.exec(t)
  if (m) return checked(t, m[1], m[2], m[3])
  m = /^(\d{1,2})[/.-](\d{1,2})[/.-](\d{4})$/.exec(t)
  if (m) return dayFirst ? checked(t, m[3], m[2], m[1]) : checked(t, m[3], m[1], m[2])
  m = /^(\d{1,2})[\s-]+([a-z]{3,9})[\s-]+(\d{4})$/i.exec(t)
  if (m && MONTHS.includes(m[2].slice(0, 3).toLowerCase())) return checked(t, m[3], String(MONTHS.indexOf(m[2].slice(0, 3).toLowerCase()) + 1), m[1])
  // An ISO timestamp: its date.
  m = /^(\d{4}-\d{2}-\d{2})[T ]\d{2}:\d{2}/.exec(t)
  if (m && isIsoDate(m[1])) return {ok: true, value: m[1], note: t}
  return {ok: false, problem: `"${t}" is not a date (write YYYY-MM-DD or DD/MM/YYYY)`}
}

function checked(original: string, y: string, mo: string, d: string): Normalised {
  const iso = `${y}-${mo.padStart(2, '0')}-${d.padStart(2, '0')}`
  return isIsoDate(iso) ? {ok: true, value: iso, note: original} : {ok: false, problem: `"${original}" is not a real date`}
}

/** "£2,400,000", "2 400 000", "1.2m", "350k" → a number; a currency sign or separators are dropped. */
export function normaliseNumber(cell: Cell, integer = false): Normalised {
  if (typeof cell === 'number') return integer && !Number.isInteger(cell) ? {ok: false, problem: `${cell} is not a whole number`} : {ok: true, value: cell}
  const t = text(cell)
  const m = /^[£$€]?\s*(-?[\d,\s]*\.?\d+)\s*([km]|bn)?\s*(gbp)?$/i.exec(t.replace(/\u00a0/g, ' '))
  if (!m || !/^-?\d{1,3}(?:([,\s])\d{3}(?:\1\d{3})*)?(?:\.\d+)?$|^-?\d+(?:\.\d+)?$/.test(m[1])) return {ok: false, problem: `"${t}" is not a number`}
  const scale = {k: 1e3, m: 1e6, bn: 1e9}[(m[2] ?? '').toLowerCase() as 'k' | 'm' | 'bn'] ?? 1
  const value = Math.round(Number(m[1].replace(/[,\s]/g, '')) * scale * 100) / 100
  if (integer && !Number.isInteger(value)) return {ok: false, problem: `"${t}" is not a whole number`}
  return {ok: true, value, note: String(value) === t ? undefined : t}
}

export function normaliseBoolean(cell: Cell): Normalised {
  if (typeof cell === 'boolean') return {ok: true, value: cell}
  const k = headerKey(text(cell))
  if (TRUE.has(k)) return {ok: true, value: true, note: text(cell) === 'true' ? undefined : text(cell)}
  if (FALSE.has(k)) return {ok: true, value: false, note: text(cell) === 'false' ? undefined : text(cell)}
  return {ok: false, problem: `"${text(cell)}" is not yes or no`}
}

export function normaliseEnum(cell: Cell, field: FieldSpec, extra: Record<string, string> = {}): Normalised {
  const t = text(cell)
  const k = headerKey(t)
  // The mapping file's values first, as written or by key.
  for (const [from, to] of Object.entries(extra)) if (from === t || headerKey(from) === k) return {ok: true, value: to, note: t === to ? undefined : t}
  for (const [value, synonyms] of Object.entries(field.values ?? {})) {
    if (t === value || headerKey(value) === k || synonyms.includes(k)) return {ok: true, value, note: t === value ? undefined : t}
  }
  return {ok: false, problem: `"${t}" is not one of ${Object.keys(field.values ?? {}).join(', ')}`}
}

/** An id: lower case, letters, digits and hyphens (the schema's pattern), from the column's text. */
export function slug(t: string): string {
  return headerKey(t).replace(/ /g, '-').slice(0, 63).replace(/-+$/, '')
}

const EDITIONS = /\b(standard|datacenter|datacentre|foundation|essentials|web|enterprise edition|edition|x64|x86|64 ?bit|32 ?bit|server edition|sp\d+)\b/gi
const SERVER_YEARS = /^(2000|2003|2008|2012|2016|2019|2022|2025)$/

/**
 * A product as the lifecycle table names it, when one of its names (or aliases) is in the cell:
 * "Microsoft Windows Server 2012 R2 Standard" → {name: windows-server, version: "2012 R2"}; "Red Hat
 * Enterprise Linux 7.9 (64-bit)" → {name: rhel, version: "7.9"}. Otherwise the cell's text, unchanged.
 */
export function normaliseProduct(cell: Cell, version?: string): {name: string; version?: string; note?: string} {
  const raw = text(cell)
  const words = raw.replace(/\([^)]*\)/g, ' ').replace(/[_,]/g, ' ').trim().split(/\s+/).filter(Boolean)
  // The version is the run of words from the first that starts with a digit (and an R2 or SP after it).
  const at = words.findIndex((w, i) => i > 0 && /^\d/.test(w))
  const nameWords = at === -1 ? words : words.slice(0, at)
  const versionWords = at === -1 ? [] : words.slice(at).filter((w) => /^\d|^r\d$/i.test(w))
  const inName = versionWords.map((w) => (/^r\d$/i.test(w) ? w.toUpperCase() : w)).join(' ') || undefined
  const table = defaultLifecycle()
  const tries: string[] = []
  const base = nameWords.join(' ')
  tries.push(base, base.replace(EDITIONS, ' '))
  for (let n = nameWords.length - 1; n >= 1; n--) tries.push(nameWords.slice(0, n).join(' '))
  for (const t of tries) {
    const name = t.trim().toLowerCase().replace(/\s+/g, '-')
    if (!name) continue
    const m = lookup(table, {name, version: version ?? inName ?? '0'})
    if (m.status === 'unknown-product') continue
    let id = m.productId
    // "Windows 2012 R2": a server year means Windows Server, not the desktop Windows.
    if (id === 'windows' && SERVER_YEARS.test((version ?? inName ?? '').split(' ')[0])) id = 'windows-server'
    // A version column may hold a build ("6.3.9600" for Windows Server 2012 R2): the release named in
    // the product's own cell is kept when the column's matches no release the table knows and it does.
    let v = version ?? inName
    if (version && inName && m.status !== 'known' && lookup(table, {name: id, version: inName}).status === 'known') v = inName
    return {name: id, ...(v ? {version: v} : {}), note: id === raw && (v ?? '') === '' ? undefined : raw}
  }
  // Not in the lifecycle table (z/OS, COBOL, a product it does not date): the name as written, the version apart.
  const v = version ?? inName
  const name = nameWords.join(' ') || raw
  const known = OTHER_NAMES[name.toLowerCase()]
  return {name: known ?? name, ...(v ? {version: v} : {}), note: (known ?? name) === raw ? undefined : raw}
}

/** Names the rules know that the lifecycle table does not date (the mainframe and IBM i operating systems). */
const OTHER_NAMES: Record<string, string> = {'z/os': 'zos', zos: 'zos', 'ibm z/os': 'zos', os390: 'zos', 'os/390': 'zos', 'ibm i': 'ibm-i', os400: 'ibm-i', 'os/400': 'ibm-i', 'i5/os': 'ibm-i'}
