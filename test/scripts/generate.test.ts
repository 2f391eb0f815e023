import {execFileSync, spawnSync} from 'node:child_process'
import {mkdtempSync, readdirSync, readFileSync, rmSync} from 'node:fs'
import {tmpdir} from 'node:os'
import {join} from 'node:path'
import {fileURLToPath} from 'node:url'
import fc from 'fast-check'
import {afterAll, describe, expect, it} from 'vitest'
import {parse} from 'yaml'

type Json = null | boolean | number | string | Json[] | {[key: string]: Json}
interface System {
  id: string
  name: string
  dependencies?: string[]
  [key: string]: Json | undefined
}
interface Department {
  id: string
  name: string
  systems: System[]
}
interface Inventory {
  apiVersion: string
  kind: string
  department: {id: string; name: string}
  systems: System[]
}
interface Generator {
  generateEstate(options: {systems: number; departments?: number; seed?: number; cycles?: boolean; crossDepartment?: boolean}): Department[]
  chainEstate(n: number): Department[]
  fanInEstate(n: number): Department[]
  splitEstate(estate: Department[], parts: number): Department[]
  toInventory(department: Department): Inventory
  toYaml(value: object): string
  toYamlBuffer(value: object): Buffer
  toJson(value: object): string
  toJsonBuffer(value: object): Buffer
  REQUIRED_ONLY_SHARE: number
}

// The generator is plain JavaScript (it runs without a build); imported by URL so TypeScript does not ask for its types.
const moduleUrl = new URL('../../scripts/lib/generate-estate.js', import.meta.url).href
const gen = (await import(moduleUrl)) as Generator
const script = fileURLToPath(new URL('../../scripts/generate.js', import.meta.url))

/** How the tool's loader reads YAML (YAML 1.2, core schema, strict). */
const YAML_OPTIONS = {version: '1.2', schema: 'core', uniqueKeys: true, strict: true, merge: false} as const

const ID = /^[a-z0-9][a-z0-9-]{0,62}$/
const REQUIRED = ['id', 'name', 'criticality', 'hosting']

// ---------------------------------------------------------------------------------------------
// The SPEC's inventory format, as a small checker: every key known (or `x-`), every enum value valid.

const ENUMS: Record<string, string[]> = {
  criticality: ['critical', 'high', 'medium', 'low'],
  hosting: ['on-premises', 'co-location', 'crown-hosting', 'private-cloud', 'public-cloud', 'saas'],
  hardware: ['x86', 'mainframe', 'sparc', 'power', 'as400', 'appliance', 'other'],
  architecture: ['monolith', 'n-tier', 'microservices', 'batch', 'desktop', 'other'],
  classification: ['OFFICIAL', 'OFFICIAL-SENSITIVE', 'SECRET', 'TOP-SECRET'],
  residency: ['uk', 'uk-eea', 'any'],
  model: ['perpetual', 'subscription', 'open-source', 'core-based', 'user-based', 'other'],
  in_house: ['none', 'limited', 'adequate'],
  status: ['not-started', 'planned', 'in-progress', 'migrated', 'retired'],
  strategy: ['retire', 'retain', 'rehost', 'relocate', 'replatform', 'repurchase', 'refactor'],
  target: ['public-cloud', 'private-cloud', 'crown-hosting', 'saas'],
}
const DATES = new Set(['last_health_check', 'dr_tested', 'ends', 'target_date'])
const PRODUCT = {name: 'string', version: 'string'}
const SHAPE: Record<string, unknown> = {
  id: 'string', name: 'string', owner: 'string', criticality: 'enum', users: 'integer', hosting: 'enum',
  platform: {os: PRODUCT, database: PRODUCT, runtime: PRODUCT, hardware: 'enum', virtualised: 'boolean', architecture: 'enum'},
  data: {classification: 'enum', personal_data: 'boolean', dpia_completed: 'boolean', residency: 'enum', volume_gb: 'number'},
  security: {last_health_check: 'date', critical_vulnerabilities: 'integer'},
  resilience: {rto_hours: 'number', dr_tested: 'date'},
  contracts: [{supplier: 'string', ends: 'date', break_clause: 'boolean'}],
  licensing: {model: 'enum', cloud_portable: 'boolean'},
  skills: {scarce: ['string'], in_house: 'enum'},
  dependencies: ['string'],
  costs: {annual_run_gbp: 'number'},
  migration: {status: 'enum', strategy: 'enum', target: 'enum', target_date: 'date'},
}

function isRealDate(text: string): boolean {
  return /^\d{4}-\d{2}-\d{2}$/.test(text) && new Date(`${text}T00:00:00Z`).toISOString().slice(0, 10) === text
}

/** Problems of `value` against `shape`, as `pointer: message`. */
function check(value: unknown, shape: unknown, pointer: string, key: string, problems: string[]): void {
  const fail = (message: string) => problems.push(`${pointer}: ${message}`)
  if (Array.isArray(shape)) {
    if (!Array.isArray(value)) return void fail('not a list')
    value.forEach((item, i) => check(item, shape[0], `${pointer}/${i}`, key, problems))
  } else if (typeof shape === 'object' && shape !== null) {
    if (typeof value !== 'object' || value === null || Array.isArray(value)) return void fail('not a mapping')
    for (const [k, v] of Object.entries(value)) {
      if (k in shape) check(v, (shape as Record<string, unknown>)[k], `${pointer}/${k}`, k, problems)
      else if (!(shape === SHAPE && k.startsWith('x-'))) fail(`unknown key ${k}`) // x- keys at the system level
    }
  } else if (shape === 'enum') {
    if (!ENUMS[key].includes(value as string)) fail(`${String(value)} is not one of ${key}`)
  } else if (shape === 'date') {
    if (typeof value !== 'string' || !isRealDate(value)) fail(`${String(value)} is not a real YYYY-MM-DD date`)
  } else if (shape === 'integer') {
    if (!Number.isSafeInteger(value) || (value as number) < 0) fail(`${String(value)} is not a count`)
  } else if (typeof value !== shape) fail(`${String(value)} is not a ${String(shape)}`)
}

function formatProblems(estate: Department[]): string[] {
  const problems: string[] = []
  estate.forEach((dept, d) => {
    if (!ID.test(dept.id)) problems.push(`department ${dept.id}: bad id`)
    dept.systems.forEach((system, i) => {
      for (const k of REQUIRED) if (!(k in system)) problems.push(`/${d}/systems/${i}: ${k} missing`)
      check(system, SHAPE, `/${d}/systems/${i}`, '', problems)
    })
  })
  return problems
}

// ---------------------------------------------------------------------------------------------
// Graph helpers

function refOf(dept: string, ref: string): string {
  return ref.includes('/') ? ref : `${dept}/${ref}`
}

function graph(estate: Department[]): Map<string, string[]> {
  const edges = new Map<string, string[]>()
  for (const dept of estate) for (const s of dept.systems) edges.set(`${dept.id}/${s.id}`, (s.dependencies ?? []).map((r) => refOf(dept.id, r)))
  return edges
}

function referenceProblems(estate: Department[]): string[] {
  const edges = graph(estate)
  const problems: string[] = []
  const ids = new Set<string>()
  for (const dept of estate) {
    if (ids.has(dept.id)) problems.push(`duplicate department ${dept.id}`)
    ids.add(dept.id)
    const seen = new Set<string>()
    for (const s of dept.systems) {
      if (!ID.test(s.id)) problems.push(`${dept.id}/${s.id}: id does not match the pattern`)
      if (seen.has(s.id)) problems.push(`${dept.id}/${s.id}: duplicate id`)
      seen.add(s.id)
      const deps = s.dependencies ?? []
      if (new Set(deps).size !== deps.length) problems.push(`${dept.id}/${s.id}: duplicate dependency`)
      for (const r of deps) {
        const full = refOf(dept.id, r)
        const parts = r.split('/')
        if (parts.length > 2 || !parts.every((p) => ID.test(p))) problems.push(`${dept.id}/${s.id}: malformed reference ${r}`)
        if (full === `${dept.id}/${s.id}`) problems.push(`${dept.id}/${s.id}: depends on itself`)
        if (!edges.has(full)) problems.push(`${dept.id}/${s.id}: ${r} does not resolve`)
        if (parts.length === 2 && parts[0] === dept.id) problems.push(`${dept.id}/${s.id}: ${r} names its own department`)
      }
    }
  }
  return problems
}

/** Strongly connected components with more than one system (Tarjan, iterative). */
function cycles(edges: Map<string, string[]>): string[][] {
  const index = new Map<string, number>()
  const low = new Map<string, number>()
  const onStack = new Set<string>()
  const stack: string[] = []
  const found: string[][] = []
  let next = 0
  for (const root of edges.keys()) {
    if (index.has(root)) continue
    const work: Array<[string, number]> = [[root, 0]]
    index.set(root, next)
    low.set(root, next++)
    stack.push(root)
    onStack.add(root)
    while (work.length > 0) {
      const top = work[work.length - 1]
      const [v, k] = top
      const succ = edges.get(v) ?? []
      if (k < succ.length) {
        top[1]++
        const w = succ[k]
        if (!index.has(w)) {
          index.set(w, next)
          low.set(w, next++)
          stack.push(w)
          onStack.add(w)
          work.push([w, 0])
        } else if (onStack.has(w)) low.set(v, Math.min(low.get(v)!, index.get(w)!))
      } else {
        work.pop()
        if (work.length > 0) {
          const u = work[work.length - 1][0]
          low.set(u, Math.min(low.get(u)!, low.get(v)!))
        }
        if (low.get(v) === index.get(v)) {
          const component: string[] = []
          let w: string
          do {
            w = stack.pop()!
            onStack.delete(w)
            component.push(w)
          } while (w !== v)
          if (component.length > 1) found.push(component)
        }
      }
    }
  }
  return found
}

function walk(value: unknown, visit: (key: string, value: unknown) => void, key = ''): void {
  if (Array.isArray(value)) value.forEach((v) => walk(v, visit, key))
  else if (typeof value === 'object' && value !== null) for (const [k, v] of Object.entries(value)) walk(v, visit, k)
  else visit(key, value)
}

const requiredOnly = (s: System) => Object.keys(s).length === REQUIRED.length && REQUIRED.every((k) => k in s)

// ---------------------------------------------------------------------------------------------

describe('generateEstate', () => {
  const one = gen.generateEstate({systems: 2000})
  const many = gen.generateEstate({systems: 2000, departments: 4, seed: 7})

  it('is deterministic: same seed, same estate; another seed, another estate', () => {
    expect(gen.generateEstate({systems: 2000})).toStrictEqual(one)
    expect(gen.toYaml(gen.toInventory(gen.generateEstate({systems: 2000})[0]))).toBe(gen.toYaml(gen.toInventory(one[0])))
    const other = gen.generateEstate({systems: 2000, seed: 2})
    expect(other).not.toStrictEqual(one)
    expect(other[0].systems.filter((s, i) => s.name === one[0].systems[i].name).length).toBeLessThan(200)
  })

  it('spreads the systems evenly over the departments', () => {
    expect(one.map((d) => d.systems.length)).toStrictEqual([2000])
    expect(many.map((d) => d.systems.length)).toStrictEqual([500, 500, 500, 500])
    expect(many.map((d) => d.id)).toStrictEqual(['d-001', 'd-002', 'd-003', 'd-004'])
    expect(gen.generateEstate({systems: 10, departments: 3}).map((d) => d.systems.length)).toStrictEqual([4, 3, 3])
  })

  it('follows the SPEC inventory format: known keys, enum values, real dates, string versions', () => {
    expect(formatProblems(one)).toStrictEqual([])
    expect(formatProblems(many)).toStrictEqual([])
    let versions = 0
    let dates = 0
    walk(one, (key, value) => {
      if (key === 'version') {
        versions++
        expect(typeof value).toBe('string')
      }
      if (DATES.has(key)) {
        dates++
        expect(isRealDate(value as string), `${key}: ${String(value)}`).toBe(true)
      }
    })
    expect(versions).toBeGreaterThan(1000)
    expect(dates).toBeGreaterThan(1000)
  })

  it('has unique, well-formed ids and references that all resolve, without self or duplicate dependencies', () => {
    expect(referenceProblems(one)).toStrictEqual([])
    expect(referenceProblems(many)).toStrictEqual([])
    expect(referenceProblems(gen.generateEstate({systems: 2000, departments: 7, seed: 3, cycles: false}))).toStrictEqual([])
  })

  it('depends mostly on earlier systems, 0–4 each apart from planted cycle edges', () => {
    let backward = 0
    let forward = 0
    for (const s of one[0].systems) {
      expect((s.dependencies ?? []).length).toBeLessThanOrEqual(4)
      for (const r of s.dependencies ?? []) if (r < s.id) backward++
      else forward++
    }
    expect(backward).toBeGreaterThan(forward * 5)
    expect(forward).toBeGreaterThan(0)
    const counts = new Set(one[0].systems.map((s) => (s.dependencies ?? []).length))
    expect([...counts].sort()).toStrictEqual([0, 1, 2, 3, 4])
  })

  it('has about 20% of systems with only the required fields, and the rest uneven', () => {
    const systems = many.flatMap((d) => d.systems)
    const share = systems.filter(requiredOnly).length / systems.length
    expect(share).toBeGreaterThan(gen.REQUIRED_ONLY_SHARE - 0.04)
    expect(share).toBeLessThan(gen.REQUIRED_ONLY_SHARE + 0.04)
    const sizes = new Set(systems.map((s) => Object.keys(s).length))
    expect(sizes.size).toBeGreaterThan(8)
  })

  it('varies like a real estate', () => {
    const systems = one[0].systems
    const values = (pick: (s: System) => unknown) => new Set(systems.map(pick).filter((v) => v !== undefined))
    const platform = (s: System) => s.platform as Record<string, unknown> | undefined
    expect(values((s) => s.criticality).size).toBe(4)
    expect(values((s) => s.hosting).size).toBe(6)
    expect([...values((s) => platform(s)?.hardware)]).toEqual(expect.arrayContaining(['x86', 'mainframe', 'sparc', 'power', 'as400']))
    const hardware = systems.map((s) => platform(s)?.hardware).filter(Boolean)
    expect(hardware.filter((h) => h === 'x86').length / hardware.length).toBeGreaterThan(0.75)
    const products = values((s) => {
      const os = platform(s)?.os as {name: string; version?: string} | undefined
      return os && `${os.name} ${os.version}`
    })
    expect([...products]).toEqual(expect.arrayContaining(['windows-server 2008', 'windows-server 2022', 'rhel 6.10', 'rhel 9', 'zos 2.4']))
    const classification = systems.map((s) => (s.data as {classification?: string} | undefined)?.classification).filter(Boolean)
    expect(classification.filter((c) => c === 'OFFICIAL').length / classification.length).toBeGreaterThan(0.6)
    expect(classification).toContain('SECRET')
    expect(systems.some((s) => Object.keys(s).some((k) => k.startsWith('x-')))).toBe(true)
    expect(values((s) => (s.migration as {status?: string} | undefined)?.status).size).toBe(5)
  })

  it('plants small cycles about every 200 systems when asked, and none otherwise', () => {
    const found = cycles(graph(one))
    expect(found.length).toBe(10)
    for (const c of found) {
      expect(c.length).toBeGreaterThanOrEqual(2)
      expect(c.length).toBeLessThanOrEqual(5)
    }
    const acrossDepartments = cycles(graph(many)).filter((c) => new Set(c.map((r) => r.split('/')[0])).size > 1)
    expect(acrossDepartments.length).toBe(3)
    expect(cycles(graph(gen.generateEstate({systems: 2000, cycles: false})))).toStrictEqual([])
    expect(cycles(graph(gen.generateEstate({systems: 2000, departments: 4, cycles: false})))).toStrictEqual([])
  })

  it('references other departments only when asked', () => {
    const crossRefs = (estate: Department[]) => estate.flatMap((d) => d.systems.flatMap((s) => (s.dependencies ?? []).filter((r) => r.includes('/'))))
    expect(crossRefs(many).length).toBeGreaterThan(20)
    expect(crossRefs(gen.generateEstate({systems: 2000, departments: 4, crossDepartment: false}))).toStrictEqual([])
    expect(crossRefs(one)).toStrictEqual([])
  })

  it('rejects counts that are not whole numbers', () => {
    expect(() => gen.generateEstate({systems: 1.5})).toThrow(RangeError)
    expect(() => gen.generateEstate({systems: 10, departments: 0})).toThrow(RangeError)
  })
})

describe('chainEstate and fanInEstate', () => {
  it('builds a chain: system i depends on system i-1', () => {
    const [dept] = gen.chainEstate(1000)
    expect(dept.systems).toHaveLength(1000)
    expect(dept.systems[0].dependencies).toBeUndefined()
    dept.systems.slice(1).forEach((s, i) => expect(s.dependencies).toStrictEqual([dept.systems[i].id]))
    expect(referenceProblems([dept])).toStrictEqual([])
    expect(formatProblems([dept])).toStrictEqual([])
  })

  it('builds a fan-in: every other system depends on the first', () => {
    const [dept] = gen.fanInEstate(1000)
    expect(dept.systems).toHaveLength(1000)
    expect(dept.systems[0].dependencies).toBeUndefined()
    for (const s of dept.systems.slice(1)) expect(s.dependencies).toStrictEqual([dept.systems[0].id])
    expect(referenceProblems([dept])).toStrictEqual([])
  })
})

describe('splitEstate', () => {
  it('gives each part its own department and keeps every reference resolving to the same system', () => {
    const estate = gen.generateEstate({systems: 1200, departments: 2, seed: 5})
    const parts = gen.splitEstate(estate, 3)
    expect(parts.map((d) => d.id)).toStrictEqual(['d-001', 'd-002', 'd-003', 'd-004', 'd-005', 'd-006'])
    expect(parts.map((d) => d.systems.length)).toStrictEqual([200, 200, 200, 200, 200, 200])
    expect(referenceProblems(parts)).toStrictEqual([])
    // The same graph, renamed: system refs map one to one and edges follow.
    const rename = new Map<string, string>()
    parts.forEach((part, k) => {
      const original = estate[Math.floor(k / 3)]
      for (const s of part.systems) rename.set(`${original.id}/${s.id}`, `${part.id}/${s.id}`)
    })
    const before = graph(estate)
    const after = graph(parts)
    for (const [ref, deps] of before) expect(after.get(rename.get(ref)!)).toStrictEqual(deps.map((d) => rename.get(d)))
    expect(cycles(after).length).toBe(cycles(before).length)
  })
})

describe('toYaml', () => {
  it('writes the SPEC example the way a person writes it', () => {
    const inventory = {
      apiVersion: 'cloudready/v1',
      kind: 'Inventory',
      department: {id: 'hmrc', name: 'HM Revenue & Customs'},
      systems: [
        {
          id: 'tax-calc',
          name: 'Tax Calculation Engine',
          owner: 'Digital Tax Platform team',
          criticality: 'critical',
          users: 12000,
          hosting: 'on-premises',
          platform: {
            os: {name: 'rhel', version: '6'},
            database: {name: 'oracle-database', version: '11.2'},
            runtime: {name: 'java', version: '8'},
            hardware: 'x86',
            virtualised: true,
            architecture: 'monolith',
          },
          data: {classification: 'OFFICIAL', personal_data: true, dpia_completed: false, residency: 'uk', volume_gb: 1200},
          security: {last_health_check: '2022-06-30', critical_vulnerabilities: 0},
          resilience: {rto_hours: 4, dr_tested: '2023-01-15'},
          contracts: [{supplier: 'Fujitsu', ends: '2025-03-31', break_clause: false}],
          licensing: {model: 'perpetual', cloud_portable: false},
          skills: {scarce: ['cobol'], in_house: 'limited'},
          dependencies: ['payments-gw', 'dwp/benefits-core'],
          costs: {annual_run_gbp: 340000},
          migration: {status: 'not-started', strategy: 'rehost', target: 'public-cloud', target_date: '2023-12-31'},
        },
        {id: 'payments-gw', name: 'Payments Gateway', criticality: 'high', hosting: 'saas'},
      ],
    }
    expect(gen.toYaml(inventory)).toBe(`apiVersion: cloudready/v1
kind: Inventory
department: {id: hmrc, name: HM Revenue & Customs}
systems:
  - id: tax-calc
    name: Tax Calculation Engine
    owner: Digital Tax Platform team
    criticality: critical
    users: 12000
    hosting: on-premises
    platform:
      os: {name: rhel, version: "6"}
      database: {name: oracle-database, version: "11.2"}
      runtime: {name: java, version: "8"}
      hardware: x86
      virtualised: true
      architecture: monolith
    data:
      classification: OFFICIAL
      personal_data: true
      dpia_completed: false
      residency: uk
      volume_gb: 1200
    security:
      last_health_check: 2022-06-30
      critical_vulnerabilities: 0
    resilience: {rto_hours: 4, dr_tested: 2023-01-15}
    contracts:
      - {supplier: Fujitsu, ends: 2025-03-31, break_clause: false}
    licensing: {model: perpetual, cloud_portable: false}
    skills: {scarce: [cobol], in_house: limited}
    dependencies: [payments-gw, dwp/benefits-core]
    costs: {annual_run_gbp: 340000}
    migration:
      status: not-started
      strategy: rehost
      target: public-cloud
      target_date: 2023-12-31
  - id: payments-gw
    name: Payments Gateway
    criticality: high
    hosting: saas
`)
    expect(parse(gen.toYaml(inventory), YAML_OPTIONS)).toStrictEqual(inventory)
  })

  it('quotes strings only when it must, and versions always', () => {
    const yaml = gen.toYaml({
      a: 'Payments: Legacy Batch',
      b: 'Case Mgmt #2',
      c: '[Legacy] Grants Portal',
      d: '- Unnamed batch',
      e: 'Yes',
      f: '4410',
      g: "Driver's Licence Enquiry",
      h: 'C# and F#',
      i: 'E-Filing, Bulk',
      j: {version: '8.10', name: 'E-Filing, Bulk'},
      k: ['a: b', 'plain'],
      l: '',
      m: 'two\nlines',
    })
    expect(yaml).toBe(`a: "Payments: Legacy Batch"
b: "Case Mgmt #2"
c: "[Legacy] Grants Portal"
d: "- Unnamed batch"
e: "Yes"
f: "4410"
g: Driver's Licence Enquiry
h: C# and F#
i: E-Filing, Bulk
j: {version: "8.10", name: "E-Filing, Bulk"}
k: ["a: b", plain]
l: ""
m: "two\\nlines"
`)
  })

  // `yaml` parses about 0.7 MB/s: a few hundred systems keep this test quick.
  it('reads back to exactly the generated object', () => {
    for (const dept of gen.generateEstate({systems: 600, departments: 2, seed: 11})) {
      const inventory = gen.toInventory(dept)
      const yaml = gen.toYaml(inventory)
      expect(parse(yaml, YAML_OPTIONS)).toStrictEqual(inventory)
      expect(gen.toYamlBuffer(inventory).toString('utf8')).toBe(yaml)
    }
    // Versions always double-quoted, even in the full 2000-system estate.
    const yaml = gen.toYaml(gen.toInventory(gen.generateEstate({systems: 2000})[0]))
    expect(yaml.match(/version: /g)!.length).toBeGreaterThan(1000)
    expect(yaml).not.toMatch(/version: [^"]/)
  })

  it('reads back to exactly any JSON-like mapping, however awkward its strings (property)', () => {
    const awkward = fc.string({
      unit: fc.constantFrom(
        'a', 'Z', ' ', ':', '#', '-', '?', ',', '[', ']', '{', '}', '&', '*', '!', '|', '>', "'", '"', '%', '@', '`',
        '\n', '\t', '\r', '.', '0', '1', 'e', 'x', 'o', 'y', 'n', 'N', 'o', 'ull', '~', '+', '=', '<', '\\', '_',
        '\u0085', '\u00a0', '\u2028', '\ufeff', '\u0007', '\u007f', '\ud800', 'é', '😀',
      ),
      maxLength: 12,
    })
    const value: fc.Arbitrary<Json> = fc.letrec<{value: Json}>((tie) => ({
      value: fc.oneof(
        {depthSize: 'small'},
        awkward,
        fc.string({unit: 'binary', maxLength: 8}),
        fc.double(),
        fc.integer(),
        fc.boolean(),
        fc.constant(null),
        fc.array(tie('value'), {maxLength: 4}),
        fc.dictionary(awkward, tie('value'), {maxKeys: 4, noNullPrototype: true}),
      ),
    })).value
    fc.assert(
      fc.property(fc.dictionary(fc.oneof(awkward, fc.constant('version')), value, {maxKeys: 6, noNullPrototype: true}), (doc) => {
        expect(parse(gen.toYaml(doc), YAML_OPTIONS)).toStrictEqual(doc)
      }),
      {numRuns: 500},
    )
  })
})

describe('toJson', () => {
  it('is JSON.stringify, also when written piece by piece', () => {
    const inventory = gen.toInventory(gen.generateEstate({systems: 300})[0])
    expect(JSON.parse(gen.toJson(inventory))).toStrictEqual(inventory)
    expect(gen.toJsonBuffer(inventory).toString('utf8')).toBe(JSON.stringify(inventory, null, 2) + '\n')
    const odd = {a: [], b: {}, c: [1, [2, {d: 'e'}]], e: 'x'}
    expect(gen.toJsonBuffer(odd).toString('utf8')).toBe(JSON.stringify(odd, null, 2) + '\n')
  })
})

describe('scripts/generate.js', () => {
  const dirs: string[] = []
  const temporary = () => {
    const dir = mkdtempSync(join(tmpdir(), 'cloudready-gen-'))
    dirs.push(dir)
    return dir
  }
  afterAll(() => dirs.forEach((dir) => rmSync(dir, {recursive: true, force: true})))
  const run = (...args: string[]) => execFileSync(process.execPath, [script, ...args], {encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe']})

  it('writes the inventory and its JSON twin, byte-identical for the same arguments', () => {
    const [a, b] = [temporary(), temporary()]
    run('--systems', '2000', '--out', a)
    run('--systems', '2000', '--out', b)
    expect(readdirSync(a).sort()).toStrictEqual(['estate-2000.json', 'estate-2000.yaml'])
    for (const file of readdirSync(a)) expect(readFileSync(join(a, file)).equals(readFileSync(join(b, file)))).toBe(true)
    const inventory = gen.toInventory(gen.generateEstate({systems: 2000})[0])
    expect(readFileSync(join(a, 'estate-2000.yaml'), 'utf8')).toBe(gen.toYaml(inventory))
    expect(JSON.parse(readFileSync(join(a, 'estate-2000.json'), 'utf8'))).toStrictEqual(inventory)
    run('--systems', '2000', '--out', b, '--seed', '2', '--name', 'estate-2000')
    expect(readFileSync(join(a, 'estate-2000.yaml')).equals(readFileSync(join(b, 'estate-2000.yaml')))).toBe(false)
  })

  it('splits departments over files, each its own department, with every reference resolving across files', () => {
    const dir = temporary()
    const result = spawnSync(process.execPath, [script, '--systems', '600', '--departments', '2', '--files', '3', '--out', dir, '--no-json'], {encoding: 'utf8'})
    expect(result.status).toBe(0)
    expect(result.stdout).toBe('')
    expect(result.stderr).toContain('estate-600-2depts-3files')
    const folder = join(dir, 'estate-600-2depts-3files')
    const files = readdirSync(folder).sort()
    expect(files).toStrictEqual(['d-001.yaml', 'd-002.yaml', 'd-003.yaml', 'd-004.yaml', 'd-005.yaml', 'd-006.yaml'])
    const inventories = files.map((f) => parse(readFileSync(join(folder, f), 'utf8'), YAML_OPTIONS) as Inventory)
    const estate = inventories.map((inv) => ({...inv.department, systems: inv.systems}))
    expect(estate.map((d) => d.systems.length)).toStrictEqual([100, 100, 100, 100, 100, 100])
    expect(referenceProblems(estate)).toStrictEqual([])
    expect(estate.flatMap((d) => d.systems.flatMap((s) => s.dependencies ?? [])).filter((r) => r.includes('/')).length).toBeGreaterThan(50)
  })

  it('writes the chain and fan-in shapes', () => {
    const dir = temporary()
    run('--systems', '50', '--shape', 'chain', '--out', dir, '--no-json')
    run('--systems', '50', '--shape', 'fan-in', '--out', dir, '--no-json')
    expect(readdirSync(dir).sort()).toStrictEqual(['chain-50.yaml', 'fan-in-50.yaml'])
    const chain = parse(readFileSync(join(dir, 'chain-50.yaml'), 'utf8')) as Inventory
    expect(chain.systems[49].dependencies).toStrictEqual([chain.systems[48].id])
  })

  it('exits 2 with a message and no stack trace on a bad command line', () => {
    for (const args of [[], ['--systems', 'ten'], ['--systems', '10', '--bogus'], ['--systems', '10', '--shape', 'ring'], ['--systems', '3', '--files', '4']]) {
      const result = spawnSync(process.execPath, [script, ...args, '--out', temporary()], {encoding: 'utf8'})
      expect(result.status, args.join(' ')).toBe(2)
      expect(result.stderr).toMatch(/^generate: /)
      expect(result.stderr).not.toMatch(/\n\s+at /)
    }
  })
})
