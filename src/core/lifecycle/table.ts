/**
 * The lifecycle table's shape (data/lifecycle.json, schemas/lifecycle.schema.json) and its
 * validation. A table given with `--lifecycle FILE` is user input: it is parsed as JSON only,
 * never executed, and every problem is reported in words with where it is.
 */
import {CloudreadyError} from '../errors.js'
import {isIsoDate} from './dates.js'
import {normaliseName} from './versions.js'

/** The table format this code reads; the build script writes the same number. */
export const FORMAT_VERSION = 1

export type ProductCategory = 'os' | 'database' | 'runtime' | 'middleware' | 'application'
export const PRODUCT_CATEGORIES: readonly ProductCategory[] = ['os', 'database', 'runtime', 'middleware', 'application']

/**
 * The end of one kind of support: its last day as `YYYY-MM-DD`, `true` (ended, date unknown),
 * `false` (not ended, no end announced) or `null` (not applicable or unknown).
 */
export type SupportEnd = string | boolean | null

/** One release cycle: `[cycle, releaseDate, mainstreamEnd, securityEnd, extendedEnd]`. */
export type CycleRow = readonly [cycle: string, releaseDate: string | null, mainstreamEnd: SupportEnd, securityEnd: SupportEnd, extendedEnd: SupportEnd]

export interface LifecycleProduct {
  readonly title: string
  readonly category: ProductCategory
  /** Other names for the product, normalised: lower case, hyphens for spaces. */
  readonly aliases: readonly string[]
  /** In the source's order and spelling (mostly newest first). */
  readonly cycles: readonly CycleRow[]
  /**
   * The platforms these dates hold for (README "Lifecycle"): `distributed` (Linux, Unix, Windows) when
   * not given. A vendor that dates a product separately on z/OS or IBM i (Db2 for z/OS) gets its own entry.
   */
  readonly platforms?: readonly LifecyclePlatform[]
}

/** Where a database or runtime runs, as vendors date it: distributed systems, z/OS, or IBM i. */
export type LifecyclePlatform = 'distributed' | 'zos' | 'ibm-i'
const PLATFORMS: readonly LifecyclePlatform[] = ['distributed', 'zos', 'ibm-i']

/** A parsed, validated lifecycle table: the shipped one or a newer one the user points at. */
export interface LifecycleTable {
  readonly formatVersion: typeof FORMAT_VERSION
  /** What the format is, for a person reading the file. */
  readonly format?: string
  /** Where the facts come from, with their licence: show it wherever the dates are shown. */
  readonly source: string
  readonly license?: string
  /** The date the source was taken, `YYYY-MM-DD`. */
  readonly snapshot: string
  /** Products the source does not cover. */
  readonly notes?: string
  /** Product id → product. */
  readonly products: Readonly<Record<string, LifecycleProduct>>
}

/** A lifecycle table that cannot be read or is not valid: the user's mistake, exit 2. */
export class LifecycleError extends CloudreadyError {
  /** Each problem found, in words, with where it is in the file. */
  readonly problems: readonly string[]

  constructor(message: string, problems: readonly string[] = []) {
    super(message)
    this.problems = problems
  }
}

// A table is a few hundred KB; anything far bigger is not one, and is not worth parsing.
const MAX_BYTES = 32 * 1024 * 1024
const MAX_PROBLEMS = 20
const PRODUCT_ID = /^[a-z0-9][a-z0-9._+-]{0,62}$/
const CYCLE = /^[a-z0-9][a-z0-9._+-]{0,62}$/
const TOP_KEYS = new Set(['$schema', 'formatVersion', 'format', 'source', 'license', 'snapshot', 'notes', 'products'])
const PRODUCT_KEYS = ['title', 'category', 'aliases', 'cycles', 'platforms']
const END_NAMES = ['mainstream end', 'security end', 'extended end']

function describe(value: unknown): string {
  if (value === null) return 'null'
  if (Array.isArray(value)) return 'a list'
  if (typeof value === 'object') return 'an object'
  if (typeof value === 'string') return JSON.stringify(value.length > 40 ? `${value.slice(0, 40)}…` : value)
  return String(value)
}

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value)
}

/**
 * Parses and validates a lifecycle table.
 *
 * @param text the file's content
 * @param file the file as the user named it, for messages
 * @throws LifecycleError listing what is wrong (not JSON, wrong types, impossible dates, names
 *   given to two products…), never a stack trace
 */
export function parseLifecycle(text: string, file: string): LifecycleTable {
  if (text.length > MAX_BYTES) throw new LifecycleError(`${file}: not a lifecycle table: ${Math.round(text.length / 1048576)} MB is far more than a table holds`)
  let data: unknown
  try {
    data = JSON.parse(text.replace(/^\uFEFF/, ''))
  } catch (error) {
    const reason = error instanceof Error ? error.message : String(error)
    throw new LifecycleError(`${file}: not a lifecycle table: it is not valid JSON (${reason})`)
  }
  const problems = checkTable(data)
  if (problems.length > 0) {
    const shown = problems.slice(0, MAX_PROBLEMS).map((problem) => `  - ${problem}`)
    if (problems.length > MAX_PROBLEMS) shown.push(`  - … and ${problems.length - MAX_PROBLEMS} more`)
    throw new LifecycleError(`${file}: not a valid lifecycle table:\n${shown.join('\n')}`, problems)
  }
  return data as LifecycleTable
}

/** Every problem with `data` as a lifecycle table, each with its place (`products.rhel.cycles[2]`). */
function checkTable(data: unknown): string[] {
  const problems: string[] = []
  if (!isObject(data)) return [`expected an object with "formatVersion", "source", "snapshot" and "products", found ${describe(data)}`]
  for (const key of Object.keys(data)) {
    if (!TOP_KEYS.has(key) && !key.startsWith('x-')) problems.push(`unknown key "${key}" (expected ${[...TOP_KEYS].slice(1).join(', ')})`)
  }
  if (data.formatVersion !== FORMAT_VERSION) {
    problems.push(data.formatVersion === undefined
      ? `"formatVersion" is missing (this cloudready reads format version ${FORMAT_VERSION})`
      : `"formatVersion" is ${describe(data.formatVersion)}; this cloudready reads format version ${FORMAT_VERSION}`)
  }
  if (typeof data.source !== 'string' || data.source.trim() === '') problems.push(`"source" must say where the facts come from, found ${describe(data.source)}`)
  if (!isIsoDate(data.snapshot)) problems.push(`"snapshot" must be the date the facts were taken, YYYY-MM-DD, found ${describe(data.snapshot)}`)
  for (const key of ['format', 'license', 'notes', '$schema']) {
    if (key in data && typeof data[key] !== 'string') problems.push(`"${key}" must be a string, found ${describe(data[key])}`)
  }
  if (!isObject(data.products)) {
    problems.push(`"products" must be an object of product id → product, found ${describe(data.products)}`)
    return problems
  }
  const ids = Object.keys(data.products)
  if (ids.length === 0) problems.push('"products" is empty')
  const owners = new Map<string, string>()
  for (const id of ids) {
    if (!PRODUCT_ID.test(id)) problems.push(`products: "${id}" is not a product id (lower-case letters, digits, ".", "_", "+", "-")`)
    owners.set(id, id)
  }
  for (const id of ids) checkProduct(id, data.products[id], owners, problems)
  return problems
}

function checkProduct(id: string, product: unknown, owners: Map<string, string>, problems: string[]): void {
  const at = `products.${id}`
  if (!isObject(product)) {
    problems.push(`${at}: expected an object with ${PRODUCT_KEYS.join(', ')}, found ${describe(product)}`)
    return
  }
  for (const key of Object.keys(product)) {
    if (!PRODUCT_KEYS.includes(key)) problems.push(`${at}: unknown key "${key}" (expected ${PRODUCT_KEYS.join(', ')})`)
  }
  if (typeof product.title !== 'string' || product.title.trim() === '') problems.push(`${at}.title: expected the product's name, found ${describe(product.title)}`)
  if (!PRODUCT_CATEGORIES.includes(product.category as ProductCategory)) {
    problems.push(`${at}.category: expected one of ${PRODUCT_CATEGORIES.join(', ')}, found ${describe(product.category)}`)
  }
  if (product.platforms !== undefined && (!Array.isArray(product.platforms) || product.platforms.length === 0 || product.platforms.some((p) => !PLATFORMS.includes(p as LifecyclePlatform)))) {
    problems.push(`${at}.platforms: expected a list of ${PLATFORMS.join(', ')}, found ${describe(product.platforms)}`)
  }
  if (!Array.isArray(product.aliases)) {
    problems.push(`${at}.aliases: expected a list of names, found ${describe(product.aliases)}`)
  } else {
    product.aliases.forEach((alias: unknown, i) => {
      if (typeof alias !== 'string' || alias === '') {
        problems.push(`${at}.aliases[${i}]: expected a name, found ${describe(alias)}`)
      } else if (normaliseName(alias) !== alias) {
        problems.push(`${at}.aliases[${i}]: write "${alias}" as "${normaliseName(alias)}" (lower case, hyphens for spaces)`)
      } else if (owners.has(alias) && owners.get(alias) !== id) {
        problems.push(`${at}.aliases[${i}]: "${alias}" already names product "${owners.get(alias)}"`)
      } else {
        owners.set(alias, id)
      }
    })
  }
  if (!Array.isArray(product.cycles) || product.cycles.length === 0) {
    problems.push(`${at}.cycles: expected a non-empty list of [cycle, releaseDate, mainstreamEnd, securityEnd, extendedEnd], found ${describe(product.cycles)}`)
    return
  }
  const seen = new Set<string>()
  product.cycles.forEach((row: unknown, i) => {
    const where = `${at}.cycles[${i}]`
    if (!Array.isArray(row) || row.length !== 5) {
      problems.push(`${where}: expected [cycle, releaseDate, mainstreamEnd, securityEnd, extendedEnd], found ${Array.isArray(row) ? `a list of ${row.length}` : describe(row)}`)
      return
    }
    const [cycle, released, ...ends] = row as unknown[]
    if (typeof cycle !== 'string' || !CYCLE.test(cycle)) {
      problems.push(`${where}[0]: expected a cycle name in lower case (such as "7" or "2012-r2"), found ${describe(cycle)}`)
    } else if (seen.has(cycle)) {
      problems.push(`${where}[0]: cycle "${cycle}" appears twice`)
    } else {
      seen.add(cycle)
    }
    const name = typeof cycle === 'string' ? ` (cycle ${cycle})` : ''
    if (released !== null && !isIsoDate(released)) problems.push(`${where}[1]${name}: release date must be a real YYYY-MM-DD date or null, found ${describe(released)}`)
    ends.forEach((end, e) => {
      if (end !== null && typeof end !== 'boolean' && !isIsoDate(end)) {
        problems.push(`${where}[${e + 2}]${name}: ${END_NAMES[e]} must be a real YYYY-MM-DD date, true (ended), false (not ended) or null (unknown), found ${describe(end)}`)
      }
    })
  })
}
