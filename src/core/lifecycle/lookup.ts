/**
 * Product name and version → release cycle. The rules, in order: a cycle written in full; the
 * product's own spellings (SQL Server years, Oracle's 11g R2, Java's 1.8…); the longest cycle
 * that is a dotted prefix of the version (RHEL 6.10 → 6); and, for a release the source splits
 * into service packs or technology levels, the latest level when the version names none. A
 * version that fits no cycle, or fits several, is reported as such: never guessed.
 */
import type {CycleRow, LifecyclePlatform, LifecycleProduct, LifecycleTable, ProductCategory, SupportEnd} from './table.js'

const ZOS_OS = new Set(['zos', 'z/os', 'os390', 'mvs'])
const IBM_I_OS = new Set(['ibm-i', 'os400', 'i5os'])

/**
 * The platform a system's database and runtime are dated for: z/OS on a mainframe or a z/OS family
 * OS, IBM i on an AS/400 or IBM i, else distributed (Linux, Unix, Windows).
 */
export function platformOf(system: {platform?: {os?: {name: string}; hardware?: string}}): LifecyclePlatform {
  const os = system.platform?.os?.name.toLowerCase()
  const hardware = system.platform?.hardware
  if ((os && ZOS_OS.has(os)) || hardware === 'mainframe') return 'zos'
  if ((os && IBM_I_OS.has(os)) || hardware === 'as400') return 'ibm-i'
  return 'distributed'
}
import {basicVersion, dispatch, genericVersion, normaliseName, rulesFor, type ProductRules} from './versions.js'

interface MatchedProduct {
  productId: string
  title: string
  category: ProductCategory
}

/** The name matches no product in the table (z/OS, COBOL, a typo): its lifecycle is unknown. */
export interface UnknownProductMatch {
  status: 'unknown-product'
  /** The name as the inventory gives it. */
  product: string
  version?: string
  /** The name matched a product the table dates for other platforms only (Db2 LUW, asked for on z/OS). */
  otherPlatform?: {title: string; platform: LifecyclePlatform}
}

/** A known product whose version is missing, matches no cycle, or could be more than one. */
export interface UnknownVersionMatch extends MatchedProduct {
  status: 'unknown-version'
  version?: string
  reason: 'missing' | 'no-match' | 'ambiguous'
  /** Why, in words, for a finding's message. */
  detail: string
}

/** The release cycle the version belongs to, with its end-of-support dates. */
export interface KnownMatch extends MatchedProduct {
  status: 'known'
  version: string
  cycle: string
  releaseDate: string | null
  /** End of mainstream (active) support: new features and non-security fixes stop. */
  mainstreamEnd: SupportEnd
  /** End of security support: the end of support most people mean. */
  securityEnd: SupportEnd
  /** End of extended support, usually paid (ESU, ELS, ESM); null when there is none. */
  extendedEnd: SupportEnd
  /**
   * The version named a release but not its service pack or technology level, and the source
   * splits it: the dates are the latest level's, which are the release's published dates but
   * hold only for a system kept on that level.
   */
  assumedLatestLevel: boolean
}

export type LifecycleMatch = UnknownProductMatch | UnknownVersionMatch | KnownMatch

interface Level {
  number: number
  letter: string
}

interface Entry {
  row: CycleRow
  release: string
  level: Level
}

interface ProductIndex {
  id: string
  product: LifecycleProduct
  rules: ProductRules
  releases: Map<string, Entry[]>
  cycles: Map<string, Entry>
}

interface TableIndex {
  names: Map<string, string>
  products: Map<string, ProductIndex>
}

const GA: Level = {number: 0, letter: ''}
const SP_SUFFIX = /^(.+?)-(?:sp(\d+)([a-z]?)|rtm)$/

// Tables are immutable data; their indexes are built once, on first lookup.
const indexes = new WeakMap<LifecycleTable, TableIndex>()

function indexOf(table: LifecycleTable): TableIndex {
  let index = indexes.get(table)
  if (!index) {
    index = buildIndex(table)
    indexes.set(table, index)
  }
  return index
}

function buildIndex(table: LifecycleTable): TableIndex {
  const names = new Map<string, string>()
  const products = new Map<string, ProductIndex>()
  for (const [id, product] of Object.entries(table.products)) {
    names.set(id, id)
    for (const alias of product.aliases) if (!names.has(alias)) names.set(alias, id)
    const rules = rulesFor(id)
    const releases = new Map<string, Entry[]>()
    const cycles = new Map<string, Entry>()
    for (const row of product.cycles) {
      const spelling = rules.canonical ? rules.canonical(row[0]) : row[0]
      const entry = {row, ...splitCycle(spelling, rules)}
      cycles.set(spelling, entry)
      const list = releases.get(entry.release)
      if (list) list.push(entry)
      else releases.set(entry.release, [entry])
    }
    products.set(id, {id, product, rules, releases, cycles})
  }
  return {names, products}
}

function splitCycle(cycle: string, rules: ProductRules): {release: string; level: Level} {
  const parts = cycle.split('.')
  if (rules.levels === 'minor' && parts.length === 2 && /^\d+$/.test(parts[1]!)) return {release: parts[0]!, level: {number: Number(parts[1]), letter: ''}}
  if (rules.levels === 'patch' && parts.length === 3 && /^\d+$/.test(parts[2]!)) return {release: `${parts[0]}.${parts[1]}`, level: {number: Number(parts[2]), letter: ''}}
  const sp = rules.levels === 'patch' ? null : SP_SUFFIX.exec(cycle)
  if (sp) return {release: sp[1]!, level: sp[2] === undefined ? GA : {number: Number(sp[2]), letter: sp[3] ?? ''}}
  return {release: cycle, level: GA}
}

/** A version read under the product's scheme: the release it names and the level, if it names one. */
function splitVersion(version: string, rules: ProductRules): {release: string; level?: Level} {
  const sp = rules.levels === 'patch' ? null : SP_SUFFIX.exec(version)
  if (sp) return {release: sp[1]!, level: sp[2] === undefined ? GA : {number: Number(sp[2]), letter: sp[3] ?? ''}}
  const parts = version.split('.')
  if (rules.levels === 'minor' && /^\d+$/.test(parts[0]!)) {
    if (parts.length === 1) return {release: version}
    if (/^\d+$/.test(parts[1]!)) return {release: parts[0]!, level: {number: Number(parts[1]), letter: ''}}
  }
  if (rules.levels === 'patch' && parts.length >= 3 && /^\d+$/.test(parts[2]!)) {
    return {release: `${parts[0]}.${parts[1]}`, level: {number: Number(parts[2]), letter: ''}}
  }
  return {release: version}
}

function compareLevels(a: Level, b: Level): number {
  return a.number - b.number || (a.letter < b.letter ? -1 : a.letter > b.letter ? 1 : 0)
}

function sameLevel(a: Level, b: Level): boolean {
  return compareLevels(a, b) === 0
}

/** The release a version belongs to, under the suffix scheme's dotted-prefix rules. */
function findRelease(index: ProductIndex, release: string): string | undefined {
  if (index.releases.has(release)) return release
  if (index.rules.levels !== 'suffix') return undefined
  let best: string | undefined
  for (const key of index.releases.keys()) {
    if (release.startsWith(`${key}.`) && (best === undefined || key.length > best.length)) best = key
  }
  if (best !== undefined) return best
  // Tomcat "9" is 9.0 when 9.0 is the only 9.x; PostgreSQL "9" (9.0 to 9.6) is not.
  const zero = `${release}.0`
  if (index.releases.has(zero)) {
    const others = [...index.releases.keys()].filter((key) => key.split('-')[0]!.startsWith(`${release}.`) && key.split('-')[0] !== zero)
    if (others.length === 0) return zero
  }
  return undefined
}

function known(index: ProductIndex, version: string, entry: Entry, assumedLatestLevel: boolean): KnownMatch {
  const [cycle, releaseDate, mainstreamEnd, securityEnd, extendedEnd] = entry.row
  return {
    status: 'known', ...matched(index), version, cycle, releaseDate, mainstreamEnd, securityEnd, extendedEnd, assumedLatestLevel,
  }
}

function matched(index: ProductIndex): MatchedProduct {
  return {productId: index.id, title: index.product.title, category: index.product.category}
}

function unknownVersion(index: ProductIndex, version: string | undefined, reason: UnknownVersionMatch['reason'], detail: string): UnknownVersionMatch {
  return {status: 'unknown-version', ...matched(index), ...(version === undefined ? {} : {version}), reason, detail}
}

function listCycles(entries: readonly Entry[], limit = 8): string {
  const names = entries.map((entry) => entry.row[0])
  return names.length > limit ? `${names.slice(0, limit).join(', ')}, …` : names.join(', ')
}

/** A name, or a name with its version written in (`rhel6`, `windows-server-2012-r2`, `oracle11g`). */
function resolveName(index: TableIndex, raw: string): {id: string; name: string; version?: string} | undefined {
  const name = normaliseName(raw)
  const id = index.names.get(name)
  if (id !== undefined) return {id, name}
  // The longest leading part that is a known name, cut where a number starts.
  for (let i = name.length - 1; i > 0; i--) {
    if (!/\d/.test(name[i]!) || !/[a-z.-]/.test(name[i - 1]!)) continue
    const prefix = name.slice(0, i).replace(/[-.]+$/, '')
    const found = index.names.get(prefix)
    if (found !== undefined) return {id: found, name: prefix, version: name.slice(i)}
  }
  return undefined
}

/** "RHEL 7.9" as a version of rhel: the product's own name in front of the number says nothing more. */
function withoutProductName(index: TableIndex, version: string, ids: readonly string[]): string {
  const digit = version.search(/\d/)
  if (digit <= 0) return version
  const named = index.names.get(version.slice(0, digit).replace(/[-.]+$/, ''))
  return named !== undefined && ids.includes(named) ? version.slice(digit) : version
}

function matchVersion(index: ProductIndex, given: string, version: string): LifecycleMatch {
  const {rules} = index
  const canonical = (v: string): string => (rules.canonical ? rules.canonical(v) : v)

  // A cycle written as the source writes it, unless it names a release without a level and the
  // source has levels of that release (SQL Server "11.0", Solaris "11": the latest applies, below).
  const exact = index.cycles.get(canonical(version))
  if (exact && (splitVersion(canonical(version), rules).level !== undefined || index.releases.get(exact.release)!.length === 1)) {
    return known(index, given, exact, false)
  }

  const rewritten = rules.rewrite ? rules.rewrite(genericVersion(version), {hasRelease: (r) => index.releases.has(r)}) : genericVersion(version)
  if (typeof rewritten !== 'string') return unknownVersion(index, given, 'ambiguous', rewritten.unplaceable)
  const {release, level} = splitVersion(canonical(rewritten), rules)
  const found = findRelease(index, release)
  if (found === undefined) {
    const candidates = [...index.cycles.entries()].filter(([spelling]) => spelling.startsWith(`${release}.`) || spelling.startsWith(`${release}-`)).map(([, entry]) => entry)
    if (candidates.length > 0) {
      return unknownVersion(index, given, 'ambiguous', `${index.product.title} "${given}" could be any of ${listCycles(candidates)}: give the release`)
    }
    return unknownVersion(index, given, 'no-match', `${index.product.title} "${given}" matches no release in the lifecycle table (known: ${listCycles([...index.cycles.values()])})`)
  }
  const entries = index.releases.get(found)!
  if (level !== undefined) {
    const entry = entries.find((candidate) => sameLevel(candidate.level, level))
      // The source does not split this release (Exchange 2010 is one cycle): any level of it is it.
      ?? (rules.levels === 'suffix' && entries.length === 1 && sameLevel(entries[0]!.level, GA) ? entries[0] : undefined)
    if (entry) return known(index, given, entry, false)
    return unknownVersion(index, given, 'no-match', `${index.product.title} "${given}" matches no cycle of release ${found} (known: ${listCycles(entries)})`)
  }
  const latest = entries.reduce((a, b) => (compareLevels(b.level, a.level) > 0 ? b : a))
  return known(index, given, latest, entries.length > 1 || latest.level.number > 0)
}

/**
 * Finds the lifecycle of a product as an inventory names it.
 *
 * Names are compared in lower case with spaces and underscores as hyphens, through each product's
 * aliases (`sql-server` → mssqlserver, `solaris` → oracle-solaris…); a version may be written into
 * the name (`rhel6`). A product's version is matched by the rules in docs/lifecycle.md.
 */
export function lookup(table: LifecycleTable, product: {name: string; version?: string | undefined}, platform: LifecyclePlatform = 'distributed'): LifecycleMatch {
  const index = indexOf(table)
  const given = product.version === undefined || product.version === null ? undefined : String(product.version).trim()
  const resolved = resolveName(index, String(product.name ?? ''))
  if (!resolved) return {status: 'unknown-product', product: product.name, ...(given ? {version: given} : {})}
  // Dates published for one platform never stand for another: Db2 on z/OS is not Db2 for Linux, Unix and Windows.
  const dated = index.products.get(resolved.id)!.product
  if (!(dated.platforms ?? ['distributed']).includes(platform)) {
    return {status: 'unknown-product', product: product.name, ...(given ? {version: given} : {}), otherPlatform: {title: dated.title, platform}}
  }
  const version = given ? given : resolved.version
  let productIndex = index.products.get(resolved.id)!
  if (version === undefined || basicVersion(version) === '') {
    return unknownVersion(productIndex, given || undefined, 'missing', `no version of ${productIndex.product.title} is given`)
  }
  const basic = basicVersion(version)
  const target = dispatch(resolved.id, resolved.name, genericVersion(basic))
  if ('unplaceable' in target) return unknownVersion(productIndex, version, 'ambiguous', target.unplaceable)
  productIndex = index.products.get(target.productId) ?? productIndex
  return matchVersion(productIndex, version, withoutProductName(index, basic, [resolved.id, productIndex.id]))
}
