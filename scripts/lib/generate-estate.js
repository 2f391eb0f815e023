/**
 * Deterministic generator of cloudready inventories (SPEC "Inventory format", apiVersion cloudready/v1)
 * for benchmarks, scale tests and property tests, plus a fast YAML writer in the style a person writes.
 *
 * Pure: the same arguments always give the same objects. Randomness comes from seeded mulberry32
 * streams only (no Math.random, no clock); calendar dates are computed arithmetically (no Date).
 *
 * Shape of the dependency graph produced by generateEstate():
 * - within a department the systems are laid out in a topological order that is the index order
 *   lightly shuffled, and each system depends only on systems earlier in that order (0–4 of them,
 *   mostly recent neighbours, sometimes one of a few shared "hub" systems) — mostly on smaller
 *   indices, sometimes on a slightly larger one, never creating a cycle;
 * - with `cycles`, one small cycle of 2–5 consecutive systems is planted every ~200 systems, and,
 *   when there are several departments and `crossDepartment`, one 2-cycle joins each department to
 *   the previous one (first system in topological order ↔ last one of the previous department);
 *   the strongly connected components are then exactly those planted cycles;
 * - with `crossDepartment`, ~5% of systems also depend on a system of an earlier department.
 */

import {Buffer} from 'node:buffer'

// ---------------------------------------------------------------------------------------------
// Seeded randomness

/** mulberry32: a small, fast 32-bit PRNG; returns a function giving floats in [0, 1). */
export function mulberry32(seed) {
  let a = seed | 0
  return function next() {
    a = (a + 0x6d2b79f5) | 0
    let t = Math.imul(a ^ (a >>> 15), 1 | a)
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296
  }
}

/** Mixes a seed and stream numbers into one 32-bit seed (murmur3 finaliser), so streams are independent. */
function mix(...parts) {
  let h = 0x9e3779b9
  for (const part of parts) {
    // Safe integers beyond 32 bits contribute both halves.
    const lo = part | 0
    const hi = Math.floor(part / 4294967296) | 0
    for (const v of [lo, hi]) {
      h ^= v
      h = Math.imul(h ^ (h >>> 16), 0x85ebca6b)
      h = Math.imul(h ^ (h >>> 13), 0xc2b2ae35)
      h ^= h >>> 16
    }
  }
  return h | 0
}

class Rng {
  constructor(...seedParts) {
    this.next = mulberry32(mix(...seedParts))
  }

  /** Integer in [lo, hi], both included. */
  int(lo, hi) {
    return lo + Math.floor(this.next() * (hi - lo + 1))
  }

  chance(p) {
    return this.next() < p
  }

  pick(items) {
    return items[Math.floor(this.next() * items.length)]
  }

  /** `table` is a prepared weighted table (see weights()). */
  weighted(table) {
    const x = this.next() * table.total
    const {cumulative, values} = table
    for (let i = 0; i < cumulative.length; i++) if (x < cumulative[i]) return values[i]
    return values[values.length - 1]
  }

  /** `k` distinct items of `items`, in a random order. */
  sample(items, k) {
    const pool = items.slice()
    const out = []
    for (let i = 0; i < k && pool.length > 0; i++) out.push(pool.splice(Math.floor(this.next() * pool.length), 1)[0])
    return out
  }
}

/** A weighted table from [[value, weight], …]. */
function weights(pairs) {
  const values = []
  const cumulative = []
  let total = 0
  for (const [value, weight] of pairs) {
    total += weight
    values.push(value)
    cumulative.push(total)
  }
  return {values, cumulative, total}
}

// ---------------------------------------------------------------------------------------------
// Calendar dates without Date (Howard Hinnant's days_from_civil / civil_from_days)

function daysFromCivil(y, m, d) {
  y -= m <= 2 ? 1 : 0
  const era = Math.floor(y / 400)
  const yoe = y - era * 400
  const doy = Math.floor((153 * (m + (m > 2 ? -3 : 9)) + 2) / 5) + d - 1
  const doe = yoe * 365 + Math.floor(yoe / 4) - Math.floor(yoe / 100) + doy
  return era * 146097 + doe - 719468
}

function civilFromDays(z) {
  z += 719468
  const era = Math.floor(z / 146097)
  const doe = z - era * 146097
  const yoe = Math.floor((doe - Math.floor(doe / 1460) + Math.floor(doe / 36524) - Math.floor(doe / 146096)) / 365)
  const doy = doe - (365 * yoe + Math.floor(yoe / 4) - Math.floor(yoe / 100))
  const mp = Math.floor((5 * doy + 2) / 153)
  const d = doy - Math.floor((153 * mp + 2) / 5) + 1
  const m = mp + (mp < 10 ? 3 : -9)
  return [yoe + era * 400 + (m <= 2 ? 1 : 0), m, d]
}

function pad2(n) {
  return n < 10 ? '0' + n : String(n)
}

/** `YYYY-MM-DD` of a day number (days since 1970-01-01). */
export function formatDay(days) {
  const [y, m, d] = civilFromDays(days)
  return `${y}-${pad2(m)}-${pad2(d)}`
}

const dayCache = new Map()

function day(iso) {
  let days = dayCache.get(iso)
  if (days === undefined) {
    const [y, m, d] = iso.split('-').map(Number)
    days = daysFromCivil(y, m, d)
    dayCache.set(iso, days)
  }
  return days
}

function dateBetween(rng, fromIso, toIso) {
  return formatDay(rng.int(day(fromIso), day(toIso)))
}

/** A date between two years, biased towards quarter and month ends as contract and plan dates are. */
function planDate(rng, fromYear, toYear) {
  const y = rng.int(fromYear, toYear)
  if (rng.chance(0.6)) {
    const m = rng.pick([3, 3, 6, 9, 12, 12, rng.int(1, 12)])
    return formatDay(daysFromCivil(m === 12 ? y + 1 : y, m === 12 ? 1 : m + 1, 1) - 1) // last day of month m
  }
  return formatDay(rng.int(daysFromCivil(y, 1, 1), daysFromCivil(y, 12, 31)))
}

// ---------------------------------------------------------------------------------------------
// Vocabulary of a legacy government estate

const DEPARTMENT_NAMES = [
  'HM Revenue & Customs',
  'Department for Work and Pensions',
  'Home Office',
  'Ministry of Justice',
  'Department for Education',
  'Department for Transport',
  'Department of Health and Social Care',
  'Department for Environment, Food & Rural Affairs',
  'Cabinet Office',
  'HM Treasury',
  'Foreign, Commonwealth & Development Office',
  'Ministry of Defence',
  'Department for Business and Trade',
  'Ministry of Housing, Communities and Local Government',
  'Department for Culture, Media and Sport',
  'HM Land Registry',
  'Driver and Vehicle Licensing Agency',
  'Companies House',
  'Office for National Statistics',
  'Met Office',
]

const DOMAINS = [
  'Tax', 'Benefits', 'Pensions', 'Customs', 'Payroll', 'HR', 'Finance', 'Grants', 'Licensing',
  'Land Registry', 'Court', 'Prison', 'Probation', 'Passport', 'Visa', 'Vehicle', 'Driver',
  'Fisheries', 'Farm Payments', 'Flood Warning', 'Schools', 'Student Finance', 'Child Maintenance',
  'Border', 'Immigration', 'Procurement', 'Estates', 'Records', 'Statistics', 'Weather',
  'Companies', 'Charities', 'Export', 'Trade', 'Legal Aid', 'Tribunal', 'Policing', 'Housing',
]
const FUNCTIONS = [
  'Calculation', 'Payment', 'Case', 'Records', 'Claims', 'Eligibility', 'Reporting', 'Identity',
  'Document', 'Scheduling', 'Workflow', 'Correspondence', 'Assessment', 'Registration', 'Booking',
  'Ledger', 'Enquiry', 'Audit', 'Matching', 'Debt', 'Appeals', 'Inspection', 'Notification',
]
const KINDS = [
  'Engine', 'Gateway', 'System', 'Portal', 'Service', 'Database', 'Hub', 'Platform', 'Batch',
  'Archive', 'Interface', 'Manager', 'Store', 'Warehouse', 'Online',
]
/** Real estates have names that must be quoted in YAML, or that look like other types. */
const ODD_NAMES = [
  'Payments: Legacy Batch',
  'Case Mgmt #2',
  '[Legacy] Grants Portal',
  '*NIX Print Spooler',
  'Tax Calculation Engine (v2)',
  "Driver's Licence Enquiry",
  'Cofrestr Tir — Welsh Land Register',
  'Gwasanaeth Trethi Cymru',
  'R&D Tax Credits',
  '2021 Census Archive',
  'Yes',
  'Null Island Geocoder',
  'HR/Payroll - Interface',
  '@Home Remote Access',
  'Contact Centre: IVR',
  'E-Filing, Bulk',
  'ÉCLAIR Données',
  '100% Checks',
  '- Unnamed batch',
  'MAINFRAME-01',
]
const TEAMS = [
  'Digital Tax Platform team', 'Benefits Technology', 'Shared Services', 'Corporate IT',
  'Infrastructure & Operations', 'Data Services', 'Casework Systems', 'Payments Team',
  'Legacy Applications Support', 'Identity & Access', 'Enterprise Architecture', 'Service Desk',
]

const CRITICALITY = weights([['critical', 10], ['high', 25], ['medium', 40], ['low', 25]])
const HARDWARE = weights([['x86', 86], ['mainframe', 4], ['sparc', 3], ['power', 3], ['as400', 2], ['appliance', 1], ['other', 1]])
const HOSTING_X86 = weights([
  ['on-premises', 35], ['co-location', 14], ['crown-hosting', 14], ['private-cloud', 14], ['public-cloud', 15], ['saas', 8],
])
const HOSTING_BIG_IRON = weights([['on-premises', 55], ['co-location', 20], ['crown-hosting', 25]])
const ARCHITECTURE = weights([['monolith', 40], ['n-tier', 30], ['microservices', 6], ['batch', 12], ['desktop', 8], ['other', 4]])
const CLASSIFICATION = weights([['OFFICIAL', 78], ['OFFICIAL-SENSITIVE', 17], ['SECRET', 4], ['TOP-SECRET', 1]])
const RESIDENCY = weights([['uk', 70], ['uk-eea', 20], ['any', 10]])
const LICENCE = weights([['perpetual', 30], ['subscription', 25], ['open-source', 15], ['core-based', 15], ['user-based', 10], ['other', 5]])
const IN_HOUSE = weights([['none', 25], ['limited', 45], ['adequate', 30]])
const STATUS = weights([['not-started', 42], ['planned', 25], ['in-progress', 15], ['migrated', 10], ['retired', 8]])
const STRATEGY = weights([
  ['rehost', 25], ['replatform', 20], ['repurchase', 15], ['refactor', 12], ['retain', 10], ['retire', 8], ['relocate', 10],
])
const MOVE_STRATEGY = weights([['rehost', 30], ['replatform', 25], ['repurchase', 20], ['refactor', 12], ['relocate', 13]])
const TARGET = weights([['public-cloud', 55], ['private-cloud', 15], ['crown-hosting', 10], ['saas', 20]])
const RTO = [1, 2, 4, 4, 8, 8, 24, 24, 48, 72, 168]
const USERS = [10, 25, 50, 120, 200, 450, 1200, 3000, 12000, 40000, 250000, 1500000]

function products(pairs) {
  return weights(pairs.map(([name, versions, weight]) => [{name, versions}, weight]))
}

const OS_WINDOWS = products([['windows-server', ['2008', '2008', '2012', '2012', '2016', '2016', '2019', '2019', '2022'], 1]])
const OS_LINUX = products([
  ['rhel', ['6.10', '7', '7', '7.9', '8', '8.10', '9'], 45],
  ['sles', ['11.4', '12.5', '15.4', '15.5'], 15],
  ['ubuntu', ['14.04', '16.04', '18.04', '20.04', '22.04'], 20],
  ['centos', ['6', '7', '7'], 12],
  ['oracle-linux', ['7', '8'], 8],
])
const OS_BY_HARDWARE = {
  mainframe: products([['zos', ['2.3', '2.4', '2.5'], 1]]),
  sparc: products([['solaris', ['10', '11.3', '11.4'], 1]]),
  power: products([['aix', ['6.1', '7.1', '7.2', '7.3'], 1]]),
  as400: products([['ibm-i', ['7.2', '7.3', '7.4', '7.5'], 1]]),
  other: products([['openvms', ['7.3', '8.4'], 1], ['hp-ux', ['11.31'], 1]]),
}
const DB_WINDOWS = products([
  ['mssqlserver', ['2008', '2012', '2012', '2014', '2016', '2016', '2019', '2019', '2022'], 80],
  ['oracle-database', ['11.2', '12.2', '19'], 15],
  ['sybase-ase', ['15.7', '16.0'], 5],
])
const DB_LINUX = products([
  ['oracle-database', ['11.2', '11.2', '12.1', '12.2', '19', '19'], 45],
  ['postgresql', ['9.6', '11', '13', '15'], 25],
  ['mysql', ['5.6', '5.7', '8.0'], 18],
  ['mongodb', ['4.4', '6.0'], 5],
  ['informix', ['12.10', '14.10'], 7],
])
const DB_BY_HARDWARE = {
  mainframe: products([['db2', ['11', '12', '13'], 70], ['ims', ['14', '15'], 20], ['adabas', ['8.5'], 10]]),
  sparc: products([['oracle-database', ['10.2', '11.2', '12.1'], 1]]),
  power: products([['db2', ['10.5', '11.1', '11.5'], 60], ['oracle-database', ['11.2', '19'], 40]]),
  as400: products([['db2', ['7.3', '7.4'], 1]]),
  other: products([['rdb', ['7.3'], 1]]),
}
const RUNTIME_WINDOWS = products([
  ['dotnetfx', ['3.5', '4.6.2', '4.7.2', '4.8', '4.8'], 45],
  ['dotnet', ['6.0', '8.0'], 10],
  ['java', ['8', '11'], 15],
  ['visual-basic', ['6'], 10],
  ['classic-asp', ['3.0'], 8],
  ['powerbuilder', ['12.5'], 5],
  ['php', ['5.6'], 7],
])
const RUNTIME_LINUX = products([
  ['java', ['6', '7', '8', '8', '8', '11', '11', '17', '21'], 55],
  ['php', ['5.6', '7.4', '8.1'], 12],
  ['python', ['2.7', '3.6', '3.9', '3.11'], 12],
  ['nodejs', ['12', '16', '18', '20'], 9],
  ['perl', ['5.16'], 4],
  ['tomcat', ['7', '8.5', '9'], 8],
])
const RUNTIME_BY_HARDWARE = {
  mainframe: products([['cobol', ['6.3', '4.2'], 70], ['pl1', ['5.3'], 15], ['natural', ['8.2'], 15]]),
  sparc: products([['java', ['6', '7', '8'], 70], ['c', [], 30]]),
  power: products([['java', ['7', '8'], 60], ['cobol', ['6.1'], 40]]),
  as400: products([['rpg', [], 85], ['java', ['8'], 15]]),
  other: products([['fortran', ['77'], 1]]),
}
const SCARCE = {
  mainframe: ['cobol', 'jcl', 'cics', 'db2', 'pl1', 'assembler', 'natural', 'adabas', 'ims'],
  as400: ['rpg', 'cl', 'ibm-i'],
  sparc: ['solaris', 'oracle-forms'],
  power: ['aix', 'cobol'],
  other: ['openvms', 'fortran'],
  x86: ['vb6', 'powerbuilder', 'delphi', 'classic-asp', 'oracle-forms', 'perl', 'coldfusion', 'lotus-notes'],
}
const SUPPLIERS_BIG_IRON = ['IBM', 'Fujitsu', 'DXC Technology', 'Atos', 'Capgemini', 'Kyndryl']
const SUPPLIERS = [
  'Fujitsu', 'Capgemini', 'IBM', 'Atos', 'CGI', 'DXC Technology', 'Sopra Steria', 'Accenture', 'BT',
  'Kainos', 'Oracle', 'Microsoft', 'NEC', 'Northgate Public Services', 'Civica', 'Capita', 'Softcat',
  'Computacenter', 'TCS', 'Infosys', 'Amazon Web Services', 'Google Cloud',
]

// ---------------------------------------------------------------------------------------------
// Systems

/** Which optional parts a "partial" system has, and how often. */
const PARTIAL = {
  owner: 0.75, users: 0.5, platform: 0.85, data: 0.65, security: 0.55, resilience: 0.35, contracts: 0.4,
  licensing: 0.4, skills: 0.35, costs: 0.55, migration: 0.65, extension: 0.1,
}
const FULL = Object.fromEntries(Object.keys(PARTIAL).map((k) => [k, 1]))
FULL.users = 0.8
FULL.extension = 0.25

export const REQUIRED_ONLY_SHARE = 0.2
const FULL_SHARE = 0.33

function idOf(index, width) {
  return 'sys-' + String(index + 1).padStart(width, '0')
}

function departmentId(index, count) {
  return 'd-' + String(index + 1).padStart(Math.max(3, String(count).length), '0')
}

function product(rng, table, versionShare = 0.9) {
  const {name, versions} = rng.weighted(table)
  // Versions are always strings, even those that look like numbers ("19", "8.10").
  return versions.length > 0 && rng.chance(versionShare) ? {name, version: rng.pick(versions)} : {name}
}

function systemName(rng) {
  if (rng.chance(0.03)) return rng.pick(ODD_NAMES)
  const name = `${rng.pick(DOMAINS)} ${rng.pick(FUNCTIONS)} ${rng.pick(KINDS)}`
  return rng.chance(0.08) ? `${name} ${rng.int(2, 4)}` : name
}

function makeSystem(rng, id, profile, dependencies) {
  const p = profile === 'full' ? FULL : PARTIAL
  const hardware = rng.weighted(HARDWARE)
  const bigIron = hardware !== 'x86' && hardware !== 'appliance'
  const hosting = rng.weighted(bigIron ? HOSTING_BIG_IRON : HOSTING_X86)
  const system = {id, name: systemName(rng)}
  if (profile !== 'required' && rng.chance(p.owner)) system.owner = rng.pick(TEAMS)
  system.criticality = rng.weighted(CRITICALITY)
  if (profile !== 'required' && rng.chance(p.users)) system.users = rng.pick(USERS)
  system.hosting = hosting
  if (profile === 'required') {
    if (dependencies.length > 0) throw new Error(`internal: required-only system ${id} has dependencies`)
    return system
  }

  const windows = hardware === 'x86' && rng.chance(0.45)
  if (rng.chance(p.platform)) {
    const platform = {}
    const full = profile === 'full'
    if (hosting !== 'saas') {
      const osTable = hardware === 'x86' ? (windows ? OS_WINDOWS : OS_LINUX) : OS_BY_HARDWARE[hardware]
      if (osTable && (full || rng.chance(0.85))) platform.os = product(rng, osTable)
    }
    const dbTable = hardware === 'x86' || hardware === 'appliance' ? (windows ? DB_WINDOWS : DB_LINUX) : DB_BY_HARDWARE[hardware]
    if (full ? rng.chance(0.85) : rng.chance(0.55)) platform.database = product(rng, dbTable)
    const rtTable = hardware === 'x86' || hardware === 'appliance' ? (windows ? RUNTIME_WINDOWS : RUNTIME_LINUX) : RUNTIME_BY_HARDWARE[hardware]
    if (full ? rng.chance(0.85) : rng.chance(0.5)) platform.runtime = product(rng, rtTable)
    if (hosting !== 'saas' && (full || rng.chance(0.7))) platform.hardware = hardware
    if (hardware === 'x86' && hosting !== 'saas' && (full || rng.chance(0.5))) platform.virtualised = rng.chance(0.7)
    if (full || rng.chance(0.6)) platform.architecture = hardware === 'mainframe' && rng.chance(0.5) ? 'batch' : rng.weighted(ARCHITECTURE)
    if (Object.keys(platform).length > 0) system.platform = platform
  }
  if (rng.chance(p.data)) {
    const full = profile === 'full'
    const data = {}
    if (full || rng.chance(0.9)) data.classification = rng.weighted(CLASSIFICATION)
    const personal = rng.chance(0.55)
    if (full || rng.chance(0.7)) data.personal_data = personal
    if (personal && (full || rng.chance(0.6))) data.dpia_completed = rng.chance(0.6)
    if (full || rng.chance(0.5)) data.residency = rng.weighted(RESIDENCY)
    if (full || rng.chance(0.5)) data.volume_gb = Math.round(Math.exp(rng.next() * 11)) // 1 GB … ~60 TB
    if (Object.keys(data).length > 0) system.data = data
  }
  if (rng.chance(p.security)) {
    const security = {last_health_check: dateBetween(rng, '2015-01-01', '2024-12-31')}
    if (profile === 'full' || rng.chance(0.6)) security.critical_vulnerabilities = rng.chance(0.7) ? 0 : rng.int(1, 12)
    system.security = security
  }
  if (rng.chance(p.resilience)) {
    const resilience = {rto_hours: rng.pick(RTO)}
    if (rng.chance(0.6)) resilience.dr_tested = dateBetween(rng, '2017-01-01', '2024-12-31')
    system.resilience = resilience
  }
  if (rng.chance(p.contracts)) {
    const suppliers = bigIron ? SUPPLIERS_BIG_IRON : SUPPLIERS
    const contracts = []
    for (const supplier of rng.sample(suppliers, rng.chance(0.8) ? 1 : 2)) {
      const contract = {supplier}
      if (rng.chance(0.9)) contract.ends = planDate(rng, 2019, 2031)
      if (rng.chance(0.7)) contract.break_clause = rng.chance(0.35)
      contracts.push(contract)
    }
    system.contracts = contracts
  }
  if (rng.chance(p.licensing)) {
    const model = rng.weighted(LICENCE)
    system.licensing = rng.chance(0.8) ? {model, cloud_portable: model === 'open-source' || rng.chance(0.35)} : {model}
  }
  if (rng.chance(p.skills)) {
    const skills = {}
    const pool = SCARCE[hardware] ?? SCARCE.x86
    if (bigIron || rng.chance(0.4)) skills.scarce = rng.sample(pool, bigIron ? rng.int(1, 3) : 1)
    skills.in_house = rng.weighted(IN_HOUSE)
    system.skills = skills
  }
  if (dependencies.length > 0) system.dependencies = dependencies
  if (rng.chance(p.costs)) system.costs = {annual_run_gbp: Math.round(Math.exp(8.5 + rng.next() * 7) / 1000) * 1000}
  if (rng.chance(p.migration)) {
    const migration = {}
    let status = rng.weighted(STATUS)
    if ((hosting === 'public-cloud' || hosting === 'saas') && rng.chance(0.8)) status = 'migrated'
    migration.status = status
    if (status === 'retired') migration.strategy = 'retire'
    else if (status === 'migrated') migration.strategy = rng.weighted(MOVE_STRATEGY)
    else if (status !== 'not-started' || rng.chance(0.4)) migration.strategy = rng.weighted(STRATEGY)
    if (status !== 'retired' && migration.strategy !== 'retire' && migration.strategy !== 'retain' && (status !== 'not-started' || rng.chance(0.3))) {
      migration.target = status === 'migrated' && (hosting === 'public-cloud' || hosting === 'saas') ? hosting : rng.weighted(TARGET)
    }
    if (status === 'planned' || status === 'in-progress') migration.target_date = planDate(rng, 2021, 2028)
    else if (status === 'migrated' || status === 'retired') {
      if (rng.chance(0.7)) migration.target_date = planDate(rng, 2018, 2024)
    } else if (rng.chance(0.2)) migration.target_date = planDate(rng, 2023, 2030)
    system.migration = migration
  }
  if (rng.chance(p.extension)) {
    system['x-cmdb-id'] = 'CI' + String(rng.int(1, 9999999)).padStart(7, '0')
    if (rng.chance(0.5)) system['x-cost-centre'] = String(rng.int(1000, 9999)) // a string that looks like a number
    if (rng.chance(0.3)) system['x-tags'] = rng.sample(['legacy', 'batch', 'tier-1', 'citizen-facing', 'internal', 'pci', 'gdpr'], rng.int(1, 3))
    if (rng.chance(0.2)) system['x-notes'] = rng.pick(['Replacement tendered: see CR-2041', 'Owner moved #reorg', 'Decommission blocked by FOI archive', 'Runs nightly at 02:00'])
    if (rng.chance(0.15)) system['x-contact'] = {email: 'itops@example.gov.uk', rota: rng.chance(0.5)}
  }
  return system
}

// ---------------------------------------------------------------------------------------------
// Dependency graph

const DEP_COUNT = weights([[0, 20], [1, 30], [2, 25], [3, 15], [4, 10]])

/**
 * Plans one department's graph: per system index, its profile and its same-department dependencies
 * (as indices), plus the topological order (position → index).
 */
function planDepartment(rng, n, {cycles, crossCycleIn, crossCycleOut}) {
  const order = Array.from({length: n}, (_, i) => i)
  // A light local shuffle: some systems depend on a slightly later index, still acyclic.
  for (let p = 0; p < n; p++) {
    if (rng.chance(0.1)) {
      const q = p + rng.int(1, 12)
      if (q < n) [order[p], order[q]] = [order[q], order[p]]
    }
  }
  const profile = new Array(n)
  for (let i = 0; i < n; i++) {
    const x = rng.next()
    profile[i] = x < REQUIRED_ONLY_SHARE ? 'required' : x < REQUIRED_ONLY_SHARE + FULL_SHARE ? 'full' : 'partial'
  }
  const deps = Array.from({length: n}, () => [])
  // Each position's lowest allowed dependency position + 1 (cycle members depend outside their cycle only below it).
  const floor = Array.from({length: n}, (_, p) => p)
  const inCycle = new Array(n).fill(false)

  // Planted cycles on consecutive positions, away from the first and last positions (reserved for cross-department cycles).
  const planted = []
  if (cycles && n >= 8) {
    const count = Math.max(1, Math.round(n / 200))
    const span = (n - 2) / count
    for (let c = 0; c < count; c++) {
      const from = 1 + Math.floor(c * span)
      const to = 1 + Math.floor((c + 1) * span) // exclusive
      const k = Math.min(rng.int(2, 5), to - from)
      if (k < 2) continue
      const start = from + rng.int(0, to - from - k)
      const members = []
      for (let p = start; p < start + k; p++) {
        floor[p] = start
        inCycle[p] = true
        members.push(order[p])
        if (profile[order[p]] === 'required') profile[order[p]] = 'partial'
      }
      // m[j] → m[j-1] and m[0] → m[k-1].
      deps[members[0]].push(members[k - 1])
      for (let j = 1; j < k; j++) deps[members[j]].push(members[j - 1])
      planted.push(members)
    }
  }
  if (crossCycleIn && n > 0 && profile[order[0]] === 'required') profile[order[0]] = 'partial'
  if (crossCycleOut && n > 0 && profile[order[n - 1]] === 'required') profile[order[n - 1]] = 'partial'

  const hubs = Math.max(1, Math.floor(n / 100))
  for (let p = 0; p < n; p++) {
    const i = order[p]
    if (profile[i] === 'required') continue
    const below = floor[p] // candidates are positions [0, below)
    if (below === 0) continue
    const want = Math.min(inCycle[p] ? rng.int(0, 2) : rng.weighted(DEP_COUNT), below)
    const chosen = new Set(deps[i])
    for (let attempt = 0; attempt < want * 4 && chosen.size < deps[i].length + want; attempt++) {
      let q
      const x = rng.next()
      if (x < 0.25) q = rng.int(0, Math.min(hubs, below) - 1)
      else if (x < 0.35) q = rng.int(0, below - 1)
      else q = below - 1 - Math.floor(rng.next() * rng.next() * Math.min(below, 60))
      chosen.add(order[q])
    }
    chosen.delete(i)
    deps[i] = [...chosen]
  }
  return {order, profile, deps, planted}
}

function splitCounts(total, parts) {
  return Array.from({length: parts}, (_, k) => Math.floor(total / parts) + (k < total % parts ? 1 : 0))
}

function checkCount(name, value, min) {
  if (!Number.isSafeInteger(value) || value < min) throw new RangeError(`${name} must be an integer ≥ ${min}, got ${value}`)
}

/**
 * A varied, realistic estate of `systems` systems in total, spread evenly over `departments`
 * departments (`d-001`, `d-002`…; system ids `sys-000001`… numbered within each department).
 */
export function generateEstate({systems, departments = 1, seed = 1, cycles = true, crossDepartment = true} = {}) {
  checkCount('systems', systems, 0)
  checkCount('departments', departments, 1)
  checkCount('seed', seed, Number.MIN_SAFE_INTEGER)
  const sizes = splitCounts(systems, departments)
  const width = Math.max(6, String(Math.max(...sizes)).length)
  const cross = crossDepartment && departments > 1
  const deptIds = sizes.map((_, d) => departmentId(d, departments))
  const plans = sizes.map((n, d) =>
    planDepartment(new Rng(seed, 1, d), n, {
      cycles,
      crossCycleIn: cycles && cross && d > 0 && n > 0 && sizes[d - 1] > 0,
      crossCycleOut: cycles && cross && d < departments - 1 && n > 0 && sizes[d + 1] > 0,
    }),
  )
  // References as strings, per department and index.
  const refs = plans.map((plan) => plan.deps.map((list) => list.map((j) => idOf(j, width))))
  if (cross) {
    const rng = new Rng(seed, 2)
    for (let d = 1; d < departments; d++) {
      const n = sizes[d]
      const {order, profile} = plans[d]
      const reservedIn = cycles && sizes[d - 1] > 0 && n > 0 ? order[0] : -1
      for (let p = 0; p < n; p++) {
        const i = order[p]
        if (i === reservedIn || profile[i] === 'required' || refs[d][i].length >= 4 || !rng.chance(0.05)) continue
        const e = rng.int(0, d - 1)
        if (sizes[e] === 0) continue
        const hub = rng.chance(0.5)
        const target = hub ? plans[e].order[rng.int(0, Math.max(1, Math.floor(sizes[e] / 100)) - 1)] : rng.int(0, sizes[e] - 1)
        const ref = `${deptIds[e]}/${idOf(target, width)}`
        if (!refs[d][i].includes(ref)) refs[d][i].push(ref)
      }
      if (cycles && n > 0 && sizes[d - 1] > 0) {
        // Join this department to the previous one with a 2-cycle: first in order here ↔ last in order there.
        const x = order[0]
        const y = plans[d - 1].order[sizes[d - 1] - 1]
        refs[d][x].push(`${deptIds[d - 1]}/${idOf(y, width)}`)
        refs[d - 1][y].push(`${deptIds[d]}/${idOf(x, width)}`)
      }
    }
  }
  return sizes.map((n, d) => {
    const rng = new Rng(seed, 3, d)
    const list = new Array(n)
    for (let i = 0; i < n; i++) list[i] = makeSystem(rng, idOf(i, width), plans[d].profile[i], refs[d][i])
    return {id: deptIds[d], name: departmentName(d), systems: list}
  })
}

function departmentName(d) {
  const base = DEPARTMENT_NAMES[d % DEPARTMENT_NAMES.length]
  const round = Math.floor(d / DEPARTMENT_NAMES.length)
  return round === 0 ? base : `${base} ${round + 1}`
}

const CRITICALITIES = ['critical', 'high', 'medium', 'low']
const HOSTINGS = ['on-premises', 'co-location', 'crown-hosting', 'private-cloud', 'public-cloud', 'saas']

function minimalSystem(i, width) {
  return {id: idOf(i, width), name: `Chain System ${i + 1}`, criticality: CRITICALITIES[i % 4], hosting: HOSTINGS[i % 6]}
}

/** One department of `n` systems where system i depends on system i-1: a dependency chain n long. */
export function chainEstate(n) {
  checkCount('n', n, 0)
  const width = Math.max(6, String(n).length)
  const systems = []
  for (let i = 0; i < n; i++) {
    const s = minimalSystem(i, width)
    if (i > 0) s.dependencies = [idOf(i - 1, width)]
    systems.push(s)
  }
  return [{id: 'chain', name: 'Chain Department', systems}]
}

/** One department of `n` systems: the first one, and n-1 systems that all depend on it. */
export function fanInEstate(n) {
  checkCount('n', n, 0)
  const width = Math.max(6, String(n).length)
  const hub = idOf(0, width)
  const systems = []
  for (let i = 0; i < n; i++) {
    const s = minimalSystem(i, width)
    s.name = i === 0 ? 'Shared Identity Hub' : `Fan-in Client ${i}`
    if (i > 0) s.dependencies = [hub]
    systems.push(s)
  }
  return [{id: 'fan-in', name: 'Fan-in Department', systems}]
}

/**
 * Splits each department's systems evenly (in index order) over `parts` departments of their own,
 * renumbered `d-001`, `d-002`… across the whole estate (`parts` per original department), and rewrites
 * every dependency so it still resolves: bare within the same part, `d-00k/sys-…` across parts.
 * With parts = 1 the estate is returned unchanged.
 */
export function splitEstate(estate, parts) {
  checkCount('parts', parts, 1)
  if (parts === 1) return estate
  const total = estate.length * parts
  const newDept = new Map() // `old/id` → new department id
  const result = []
  estate.forEach((dept, d) => {
    const counts = splitCounts(dept.systems.length, parts)
    let at = 0
    for (let k = 0; k < parts; k++) {
      const id = departmentId(d * parts + k, total)
      const systems = dept.systems.slice(at, at + counts[k])
      at += counts[k]
      for (const s of systems) newDept.set(`${dept.id}/${s.id}`, id)
      result.push({from: dept, dept: {id, name: `${dept.name} (part ${k + 1} of ${parts})`, systems}})
    }
  })
  return result.map(({from, dept}) => ({
    ...dept,
    systems: dept.systems.map((s) => {
      if (!s.dependencies) return s
      const dependencies = s.dependencies.map((ref) => {
        const full = ref.includes('/') ? ref : `${from.id}/${ref}`
        const target = newDept.get(full)
        if (target === undefined) throw new Error(`dependency ${ref} of ${from.id}/${s.id} does not resolve`)
        const id = full.slice(full.indexOf('/') + 1)
        return target === dept.id ? id : `${target}/${id}`
      })
      return {...s, dependencies}
    }),
  }))
}

/** The inventory document of one department. */
export function toInventory(department) {
  return {apiVersion: 'cloudready/v1', kind: 'Inventory', department: {id: department.id, name: department.name}, systems: department.systems}
}

// ---------------------------------------------------------------------------------------------
// Writers

const WIDTH = 100
/** Mappings under these keys (and the items of sequences under them) are always written in block style. */
const BLOCK_KEYS = new Set(['systems', 'platform', 'data', 'security', 'migration'])

// A plain scalar must not start with an indicator or whitespace, contain control or special
// characters, or be read as something other than a string (YAML 1.2 core, and 1.1 to be safe).
// eslint-disable-next-line no-control-regex -- control characters are exactly what must be quoted
const PLAIN_BLOCK = /^[^\s\-?:,[\]{}#&*!|>'"%@`\ud800-\udfff][^\x00-\x1f\x7f-\x9f\u2028\u2029\ufeff\ufffe\uffff\ud800-\udfff]*$/
const PLAIN_FLOW_FORBIDDEN = /[,[\]{}:#]/
const BLOCK_FORBIDDEN = /: | #|:$|\s$|^\.\.\./
const NOT_A_STRING =
  /^(?:~|null|Null|NULL|true|True|TRUE|false|False|FALSE|y|Y|yes|Yes|YES|n|N|no|No|NO|on|On|ON|off|Off|OFF|<<|=|[-+]?(?:[0-9][0-9_]*(?:\.[0-9_]*)?|\.[0-9_]+)(?:[eE][-+]?[0-9]+)?|[-+]?\.(?:inf|Inf|INF)|\.(?:nan|NaN|NAN)|0x[0-9a-fA-F_]+|0o[0-7_]+|0b[01_]+|[-+]?[0-9][0-9_]*(?::[0-5]?[0-9])+(?:\.[0-9_]*)?)$/
const NEEDS_ESCAPE = /[\x7f-\x9f\u2028\u2029\ufeff\ufffe\uffff]/
const NEEDS_ESCAPE_ALL = new RegExp(NEEDS_ESCAPE.source, 'g')

function doubleQuoted(s) {
  const json = JSON.stringify(s) // a JSON string is a valid YAML double-quoted scalar…
  // …except for characters YAML wants escaped that JSON leaves alone.
  return NEEDS_ESCAPE.test(json) ? json.replace(NEEDS_ESCAPE_ALL, (c) => '\\u' + c.charCodeAt(0).toString(16).padStart(4, '0')) : json
}

// The common case (ids, enum values, most names), checked with one cheap test.
const SIMPLE = /^[A-Za-z](?:[\w\-. &()'/]*[\w.)'])?$/
const KEYWORDS = new Set('null Null NULL true True TRUE false False FALSE y Y yes Yes YES n N no No NO on On ON off Off OFF'.split(' '))

function isPlain(s, flow) {
  if (SIMPLE.test(s)) return !KEYWORDS.has(s)
  return PLAIN_BLOCK.test(s) && !BLOCK_FORBIDDEN.test(s) && !(flow && PLAIN_FLOW_FORBIDDEN.test(s)) && !NOT_A_STRING.test(s)
}

function str(s, flow) {
  return isPlain(s, flow) ? s : doubleQuoted(s)
}

function key(k, flow) {
  if (k.length > 1000) throw new RangeError(`a mapping key longer than 1000 characters cannot be written as an implicit YAML key: ${k.slice(0, 40)}…`)
  return str(k, flow)
}

function scalar(v, k, flow) {
  switch (typeof v) {
    case 'string':
      return k === 'version' ? doubleQuoted(v) : str(v, flow)
    case 'number':
      if (Number.isFinite(v)) return Object.is(v, -0) ? '-0' : String(v)
      return Number.isNaN(v) ? '.nan' : v > 0 ? '.inf' : '-.inf'
    case 'boolean':
      return v ? 'true' : 'false'
    case 'object':
      if (v === null) return 'null'
      break
  }
  throw new TypeError(`cannot write a ${typeof v} as YAML`)
}

function isScalar(v) {
  return v === null || typeof v !== 'object'
}

/** The flow form of a mapping or sequence of scalars (or a mapping of scalars and scalar sequences), or undefined. */
function flow(v, k) {
  if (Array.isArray(v)) {
    let s = '['
    for (let i = 0; i < v.length; i++) {
      const item = v[i] === undefined ? null : v[i]
      if (!isScalar(item)) return undefined
      s += (i > 0 ? ', ' : '') + scalar(item, k, true)
    }
    return s + ']'
  }
  let s = '{'
  let first = true
  for (const kk in v) {
    const item = v[kk]
    if (item === undefined) continue
    let text
    if (isScalar(item)) text = scalar(item, kk, true)
    else if (Array.isArray(item)) text = flow(item, kk)
    if (text === undefined) return undefined
    s += (first ? '' : ', ') + key(kk, true) + ': ' + text
    first = false
  }
  return s + '}'
}

function isEmpty(v) {
  if (Array.isArray(v)) return v.length === 0
  for (const k in v) if (v[k] !== undefined) return false
  return true
}

/** A block mapping; its first line starts with `first` (e.g. `  - `), the others with `indent`. */
function blockMapping(obj, indent, first, sink) {
  // Strings are built by concatenation; at the top level each entry goes to the sink as soon as
  // it is complete, so a large inventory never becomes millions of live string pieces.
  let s = ''
  let prefix = first
  let wrote = false
  for (const k in obj) {
    const v = obj[k]
    if (v === undefined) continue
    s += prefix + key(k, false) + ':'
    prefix = indent
    wrote = true
    if (isScalar(v)) {
      s += ' ' + scalar(v, k, false) + '\n'
    } else if (isEmpty(v)) {
      s += Array.isArray(v) ? ' []\n' : ' {}\n'
    } else {
      const inline = BLOCK_KEYS.has(k) ? undefined : flow(v, k)
      if (inline !== undefined && indent.length + k.length + 2 + inline.length <= WIDTH) s += ' ' + inline + '\n'
      else if (sink && Array.isArray(v)) {
        sink.write(s + '\n')
        s = ''
        blockSequence(v, k, indent + '  ', sink)
      } else s += '\n' + (Array.isArray(v) ? blockSequence(v, k, indent + '  ') : blockMapping(v, indent + '  ', indent + '  '))
    }
    if (sink) {
      sink.write(s)
      s = ''
    }
  }
  if (!wrote) s += first + '{}\n' // no defined member at all
  if (!sink) return s
  sink.write(s)
  return ''
}

/** A block sequence whose `- ` sit at `indent`. */
function blockSequence(list, k, indent, sink) {
  const forceBlock = BLOCK_KEYS.has(k)
  let s = ''
  for (let item of list) {
    if (item === undefined) item = null
    if (isScalar(item)) {
      s += indent + '- ' + scalar(item, k, false) + '\n'
    } else if (isEmpty(item)) {
      s += indent + (Array.isArray(item) ? '- []\n' : '- {}\n')
    } else {
      const inline = forceBlock ? undefined : flow(item, k)
      if (inline !== undefined && indent.length + 2 + inline.length <= WIDTH) s += indent + '- ' + inline + '\n'
      else if (Array.isArray(item)) s += indent + '-\n' + blockSequence(item, k, indent + '  ')
      else s += blockMapping(item, indent + '  ', indent + '- ')
    }
    if (sink) {
      sink.write(s)
      s = ''
    }
  }
  return s
}

/** A growing UTF-8 buffer: text goes in piece by piece and comes out whole. */
class Sink {
  constructor() {
    this.buffer = Buffer.allocUnsafe(1 << 16)
    this.length = 0
  }

  write(text) {
    if (text.length === 0) return
    const need = this.length + text.length * 3 // the most UTF-8 bytes a UTF-16 code unit needs
    if (need > this.buffer.length) {
      const bigger = Buffer.allocUnsafe(Math.max(need, this.buffer.length * 2))
      this.buffer.copy(bigger, 0, 0, this.length)
      this.buffer = bigger
    }
    this.length += this.buffer.write(text, this.length, 'utf8')
  }

  result() {
    return this.buffer.subarray(0, this.length)
  }
}

function rootMapping(value) {
  if (isScalar(value) || Array.isArray(value)) throw new TypeError('an inventory is written from a mapping at its root')
  return value
}

/**
 * An inventory (or any plain JSON-like mapping) as YAML in the block style a person writes:
 * block mappings and sequences, small mappings and short scalar lists in flow style, strings
 * quoted only when they must be (double quotes; `version` values always), dates bare.
 * `yaml`'s parse (YAML 1.2 core schema) reads it back to exactly the input.
 * As UTF-8 bytes: use this one for very large inventories (no string length limit on the way).
 */
export function toYamlBuffer(inventory) {
  const sink = new Sink()
  blockMapping(rootMapping(inventory), '', '', sink)
  return sink.result()
}

/** toYamlBuffer() as a string. */
export function toYaml(inventory) {
  return toYamlBuffer(inventory).toString('utf8')
}

/** The JSON twin as UTF-8 bytes: byte for byte `JSON.stringify(inventory, null, 2) + '\n'`, written piece by piece. */
export function toJsonBuffer(inventory) {
  const root = rootMapping(inventory)
  const sink = new Sink()
  let first = true
  sink.write('{')
  for (const k in root) {
    const v = root[k]
    if (v === undefined || typeof v === 'function' || typeof v === 'symbol') continue
    sink.write((first ? '\n  ' : ',\n  ') + JSON.stringify(k) + ': ')
    first = false
    if (Array.isArray(v) && v.length > 0) {
      sink.write('[')
      for (let i = 0; i < v.length; i++) {
        const item = JSON.stringify(v[i], null, 2) ?? 'null'
        sink.write((i === 0 ? '\n    ' : ',\n    ') + item.replaceAll('\n', '\n    '))
      }
      sink.write('\n  ]')
    } else sink.write(JSON.stringify(v, null, 2).replaceAll('\n', '\n  '))
  }
  sink.write(first ? '}\n' : '\n}\n')
  return sink.result()
}

/** The JSON twin of an inventory: the same data, indented (so positions in it are meaningful). */
export function toJson(inventory) {
  return JSON.stringify(inventory, null, 2) + '\n'
}
