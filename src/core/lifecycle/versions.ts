/**
 * How the names and versions people write in inventories are brought to the source's spelling.
 * Everything here is a deliberate, documented reading (docs/lifecycle.md); where a version can
 * mean two releases, the lookup says so instead of picking one.
 */

/** How names are compared: lower case, runs of spaces and underscores become one hyphen. */
export function normaliseName(name: string): string {
  return name.trim().toLowerCase().replace(/[\s_]+/g, '-').replace(/-{2,}/g, '-').replace(/^-+|-+$/g, '')
}

/** The first, spelling-only step for a version: `" 6.10 (Santiago) "` → `6.10`, `2008 R2` → `2008-r2`. */
export function basicVersion(raw: string): string {
  return raw.trim().toLowerCase()
    .replace(/\([^)]*\)/g, ' ')
    .replace(/[\s_,]+/g, '-')
    .replace(/-{2,}/g, '-')
    .replace(/^[-.]+|[-.]+$/g, '')
}

// Words and build qualifiers that do not change which release a version is: editions, update and
// fix-pack levels within a release, architectures.
const NOISE = /-(?:lts|ltss|ga|final|edition|standard|std|enterprise|datacenter|data-center|express|web|developer|workgroup|essentials|foundation|ee|se|se2|x64|x86|amd64|64-?bit|32-?bit|server|cu-?\d+|fp-?\d+|ur-?\d+|sru-?\d+(?:\.\d+)*|update-?\d+|u\d+[a-z]?|patch-?\d+|latest)$/

/** Spelling that holds for every product: service packs as `-spN`, no leading `v`, no edition words. */
export function genericVersion(version: string): string {
  let v = version.replace(/service-?pack-?(\d)/g, 'sp$1').replace(/(\d)-?sp-?(\d)/g, '$1-sp$2')
  v = v.replace(/^(?:version-?|ver-?|release-?|rel-?|v)(?=\d)/, '')
  for (let previous = ''; previous !== v;) {
    previous = v
    v = v.replace(NOISE, '')
  }
  // 8u292 (Java), 6.7u3 (ESXi), 10u11 (Solaris): an update within the release.
  return v.replace(/(\d)u\d+[a-z]?$/, '$1')
}

/**
 * How a product's cycles split into a release and a level within it, the level being what the
 * vendor keeps patching while the release lives (a service pack, a technology level):
 * - `suffix`: `2012-sp4` is release 2012 at SP4, `2012` the release itself (most products);
 * - `minor`: SLES `15.4` is release 15 at SP4;
 * - `patch`: AIX `7.2.5` is release 7.2 at technology level 5.
 */
export type LevelScheme = 'suffix' | 'minor' | 'patch'

/** What a rewrite may ask of the product's cycles. */
export interface RewriteContext {
  hasRelease(release: string): boolean
}

/** A version that names no single release however it is read, with the reason in words. */
export interface Unplaceable {
  unplaceable: string
}

export interface ProductRules {
  levels: LevelScheme
  /** Applied to cycles and versions alike, where the source spells one release two ways. */
  canonical?: (spelling: string) => string
  /** A product's own ways of writing a version → the source's. */
  rewrite?: (version: string, context: RewriteContext) => string | Unplaceable
}

const DEFAULT_RULES: ProductRules = {levels: 'suffix'}

// "1.8", "1.8.0_292", "jdk-8": Java 5 to 8 were also numbered 1.5 to 1.8. 1.4 and earlier stay as they are.
const java: ProductRules = {
  levels: 'suffix',
  rewrite: (v) => v.replace(/^(?:jdk|jre|java|openjdk|java-se|j2se)-?(?=\d)/, '').replace(/^1\.([5-9])(?:[.-].*)?$/, '$1'),
}

// SQL Server is known by its year; the source numbers it by version, with service packs as cycles.
const SQL_SERVER_YEARS: Readonly<Record<string, string>> = {
  '2000': '8.0', '2005': '9.0', '2008': '10.0', '2008-r2': '10.5', '2012': '11.0', '2014': '12.0',
  '2016': '13.0', '2017': '14.0', '2019': '15.0', '2022': '16.0', '2025': '17.0',
}

// The source writes SQL Server 2008 both "10.00" and "10.0-sp4", 2008 R2 "10.50", and 2008 R2's
// first cycle "10.50-r2": one spelling for all, so "2008" finds every 2008 cycle.
function sqlServerCanonical(spelling: string): string {
  return spelling.replace(/^(\d+)\.(\d)0(?=$|[.-])/, '$1.$2').replace(/^10\.5-r2$/, '10.5')
}

const DEBIAN_CODENAMES: Readonly<Record<string, string>> = {
  trixie: '13', bookworm: '12', bullseye: '11', buster: '10', stretch: '9', jessie: '8', wheezy: '7',
  squeeze: '6', lenny: '5', etch: '4', sarge: '3.1', woody: '3.0', potato: '2.2', slink: '2.1', hamm: '2.0',
}

const UBUNTU_CODENAMES: Readonly<Record<string, string>> = {
  noble: '24.04', jammy: '22.04', focal: '20.04', bionic: '18.04', xenial: '16.04', trusty: '14.04',
  precise: '12.04', lucid: '10.04', hardy: '8.04', dapper: '6.06',
}

function codename(names: Readonly<Record<string, string>>): ProductRules {
  return {levels: 'suffix', rewrite: (v) => names[/^([a-z]+)(?:-[a-z]+)?$/.exec(v)?.[1] ?? ''] ?? v}
}

const RULES: Readonly<Record<string, ProductRules>> = {
  'windows-server': {
    levels: 'suffix',
    rewrite: (version, context) => {
      let v = version.replace(/^(?:windows-)?(?:server-)?/, '')
      // win2k8 and friends: 2k → 2000, 2k3 → 2003, 2k8 → 2008, 2k12 → 2012.
      v = v.replace(/^2k(\d{1,2})?(?=$|-|r)/, (_, year?: string) => (year === undefined ? '2000' : `20${year.padStart(2, '0')}`))
      v = v.replace(/^(\d{4})-?r2(?=$|-)/, '$1-r2')
      // "1809" is the Semi-Annual Channel release the source calls "1809-sac".
      if (!context.hasRelease(v)) {
        for (const suffix of ['-sac', '-ac']) if (context.hasRelease(v + suffix)) return v + suffix
      }
      return v
    },
  },
  windows: {
    levels: 'suffix',
    rewrite: (v) => v.replace(/^windows-/, '').replace(/^xp(?=$|-)/, '5').replace(/^vista(?=$|-)/, '6'),
  },
  mssqlserver: {
    levels: 'suffix',
    canonical: sqlServerCanonical,
    rewrite: (version) => {
      const v = version.replace(/^(?:sql-?server-)?(\d{4})-?r2(?=$|-)/, '$1-r2')
      const match = /^(\d{4}(?:-r2)?)(.*)$/.exec(v)
      const mapped = match ? SQL_SERVER_YEARS[match[1]!] : undefined
      return mapped !== undefined ? mapped + match![2] : v
    },
  },
  sles: {levels: 'minor'},
  'ibm-aix': {
    levels: 'patch',
    rewrite: (v) => {
      // `oslevel -s` prints 7200-05-03-2148: release 7.2, technology level 05.
      const oslevel = /^(\d)(\d)00-(\d{2})(?:-.*)?$/.exec(v)
      if (oslevel) return `${oslevel[1]}.${oslevel[2]}.${Number(oslevel[3])}`
      const tl = /^(\d+\.\d+)(?:\.0)?-?tl-?(\d+)(?:-.*)?$/.exec(v)
      return tl ? `${tl[1]}.${Number(tl[2])}` : v
    },
  },
  // V7R3M0 is IBM i 7.3.
  'ibm-i': {levels: 'suffix', rewrite: (v) => v.replace(/^(?:i-?|os-?400-?|i5-?os-?)?v?(\d+)r(\d+)(?:m\d+)?$/, '$1.$2')},
  // Solaris 11.1 to 11.4 are updates of release 11, which Oracle supports on the latest update.
  // SunOS 5.10 is Solaris 10 and 5.11 any Solaris 11; "10 1/13" is a Solaris 10 update named by its date.
  'oracle-solaris': {
    levels: 'minor',
    rewrite: (v) => v.replace(/^(?:solaris-|sunos-)/, '').replace(/^5\.([7-9]|1[01])(?=$|[.-])/, '$1').replace(/-\d{1,2}\/\d{2}$/, ''),
  },
  'oracle-database': {
    levels: 'suffix',
    // 11g R2 → 11.2, 19c → 19. 23ai was renamed 26ai; the source keeps it as cycle 23. A bare 11g
    // or 12c is two releases and stays ambiguous.
    rewrite: (v) => {
      const match = /^(\d+)(g|c|i|ai)(?:-?(?:r|release-?)(\d+))?$/.exec(v)
      if (!match) return v
      if (match[3] !== undefined) return `${match[1]}.${match[3]}`
      return match[1] === '26' && match[2] === 'ai' ? '23' : match[1]!
    },
  },
  'oracle-jdk': java,
  'eclipse-temurin': java,
  'red-hat-build-of-openjdk': java,
  'ibm-semeru': java,
  dotnetfx: {
    levels: 'suffix',
    rewrite: (v) => (/^4\.0\.30319/.test(v)
      ? {unplaceable: '4.0.30319 is the runtime (CLR) version every .NET Framework 4.x reports; give the framework release, such as 4.8 or 4.6.2'}
      : v.replace(/^(?:framework-|fx-)/, '')),
  },
  dotnet: {levels: 'suffix', rewrite: (v) => v.replace(/^(?:core-|net-)/, '')},
  debian: codename(DEBIAN_CODENAMES),
  ubuntu: codename(UBUNTU_CODENAMES),
}

/** The version rules of a product; products without their own follow the general ones. */
export function rulesFor(productId: string): ProductRules {
  return Object.hasOwn(RULES, productId) ? RULES[productId]! : DEFAULT_RULES
}

/** Where a version written under one product belongs to its sibling, or cannot be placed. */
export type Dispatch = {productId: string} | Unplaceable

/**
 * Products whose name people use for a sibling. The source's `windows` is the desktop OS, but
 * estates write "windows 2012 R2" for the server; a year can only be a server release. ".NET 4.8"
 * can only be the .NET Framework; ".NET 2.0" could be the Framework or .NET Core.
 */
export function dispatch(productId: string, nameUsed: string, version: string): Dispatch {
  if (productId === 'windows' && /^(?:windows-)?(?:server-)?(?:19\d\d|20\d\d|2k)/.test(version)) return {productId: 'windows-server'}
  if (productId === 'dotnet') {
    const v = version.replace(/^(?:framework-|fx-)/, '')
    if (/^(?:4|3\.5)(?:$|[.-])/.test(v)) return {productId: 'dotnetfx'}
    if (!nameUsed.includes('core') && /^(?:1\.[01]|2\.0|3\.0)(?:$|[.-])/.test(v)) {
      return {unplaceable: `.NET ${v} could be the .NET Framework or .NET Core: name the product dotnet-framework or dotnet-core`}
    }
  }
  return {productId}
}
