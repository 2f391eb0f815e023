/**
 * `cloudready plan` end to end, through the built CLI as a user runs it: the bundled examples in
 * every format, the capacity and date flags, the command line's mistakes, an invalid inventory,
 * and what the examples must show (a declared strategy overridden, SECRET systems retained, the
 * cross-department cycle moving as one, the external dependency). The JSON output is checked
 * against schemas/plan.schema.json.
 */
import {mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync} from 'node:fs'
import {tmpdir} from 'node:os'
import path from 'node:path'

import type * as AjvModule from 'ajv'
import type {ValidateFunction} from 'ajv'
import Ajv2020Module from 'ajv/dist/2020.js'
import addFormatsModule from 'ajv-formats'
import {afterAll, beforeAll, describe, expect, it} from 'vitest'
import {parse as parseYaml, stringify as stringifyYaml} from 'yaml'

import type {cli} from '../helpers/cli.js'
import {cliRun, ROOT, type RunResult, STACK_TRACE, userLines} from '../helpers/cli.js'
import {parseCsv} from '../helpers/formats.js'

const AS_OF = '2026-11-27'
const BASE = ['plan', 'examples', '--as-of', AS_OF]
const FORMATS = ['table', 'json', 'yaml', 'markdown', 'csv'] as const

interface Effort {
  low: number
  high: number
  unit: string
}
interface PlanJson {
  asOf: string
  deadline: string
  start: string
  waveLengthMonths: number
  capacity: {systems?: number; effort?: number}
  completion: string
  daysPastDeadline: number
  summary: {systems: number; toMove: number; done: number; retained: number; waves: number}
  waves: Array<{number: number; start: string; end: string; systems: string[]; moveGroups: string[]; effort: Effort}>
  moveGroups: Array<{id: string; systems: string[]; wave: number | null; oversized: boolean}>
  systems: Array<{
    ref: string
    id: string
    department: string
    status: string
    strategy: string | null
    assessFirst: boolean
    declaredStrategy: string | null
    overridden: {declared: string; reason: string} | null
    reasons: Array<{rule: string; fact: string}>
    moveGroup: string
    wave: number | null
    effort: Effort
    start: string | null
    end: string | null
    months: number | null
    slipDays: number | null
  }>
  externalConstraints: Array<{ref: string; dependsOn: string}>
  warnings: string[]
}

// ajv and ajv-formats are CommonJS: under ESM the class may sit one `default` deeper.
type AjvInstance = AjvModule.default
const Ajv2020 = ((Ajv2020Module as unknown as {default?: unknown}).default ?? Ajv2020Module) as unknown as new (options: object) => AjvInstance
const addFormats = ((addFormatsModule as unknown as {default?: unknown}).default ?? addFormatsModule) as unknown as (ajv: AjvInstance, formats: string[]) => void

const SCHEMA = JSON.parse(readFileSync(path.join(ROOT, 'schemas/plan.schema.json'), 'utf8')) as {properties: Record<string, {items?: {properties?: object}}>}
let validatePlan: ValidateFunction
beforeAll(async () => {
  const ajv = new Ajv2020({strict: true, allErrors: true, allowUnionTypes: true})
  addFormats(ajv, ['date'])
  validatePlan = ajv.compile(SCHEMA)
})

/** A clean run: exit 0, nothing that looks like a crash on standard error. */
async function ok(args: string[], options: Parameters<typeof cli>[1] = {}): Promise<RunResult> {
  const run = await cliRun(args, options)
  expect(run.stderr, 'no stack trace').not.toMatch(STACK_TRACE)
  expect(run.code, `exit 0 for ${args.join(' ')}:\n${run.stderr}`).toBe(0)
  return run
}

async function planJson(extra: string[] = [], options: Parameters<typeof cli>[1] = {}): Promise<PlanJson> {
  const run = await ok([...BASE, '--format', 'json', ...extra], options)
  return JSON.parse(run.stdout) as PlanJson
}

/** The midpoint of a wave's systems' effort ranges. */
const midpoints = (p: PlanJson, refs: string[]) => refs.reduce((sum, r) => sum + ((s) => (s.effort.low + s.effort.high) / 2)(p.systems.find((x) => x.ref === r)!), 0)

// ---------------------------------------------------------------------------------------------

describe('plan examples in every format', () => {
  const first = new Map<string, RunResult>()
  beforeAll(async () => {
    for (const f of FORMATS) first.set(f, await ok([...BASE, '--format', f]))
  })

  it.each(FORMATS)('%s: exit 0, output, and byte-identical on a second run', async (f) => {
    const a = first.get(f)!
    expect(a.stdout.length).toBeGreaterThan(100)
    const b = await ok([...BASE, '--format', f])
    expect(b.stdout).toBe(a.stdout)
  })

  it('json parses and validates against schemas/plan.schema.json', async () => {
    const data = JSON.parse(first.get('json')!.stdout) as PlanJson
    const valid = validatePlan(data)
    expect(validatePlan.errors ?? [], 'schema errors').toEqual([])
    expect(valid).toBe(true)
    // The schema describes the output exactly: its keys, in the order they are printed.
    expect(Object.keys(SCHEMA.properties)).toEqual(Object.keys(data))
    expect(Object.keys(SCHEMA.properties.systems.items!.properties!)).toEqual(Object.keys(data.systems[0]))
    expect(Object.keys(SCHEMA.properties.waves.items!.properties!)).toEqual(Object.keys(data.waves[0]))
  })

  it('the schema is strict: an unknown key, a planned system without a wave, a bad date are rejected', async () => {
    const data = JSON.parse(first.get('json')!.stdout) as PlanJson & Record<string, unknown>
    const planned = data.systems.findIndex((s) => s.status === 'planned')
    const done = data.systems.findIndex((s) => s.status === 'done')
    const broken: Array<(d: PlanJson & Record<string, unknown>) => void> = [
      (d) => (d.extra = 1),
      (d) => ((d.systems[planned] as Record<string, unknown>).extra = 1),
      (d) => (d.systems[planned].wave = null),
      (d) => (d.systems[done].wave = 1),
      (d) => (d.completion = '2028-13-01'),
      (d) => ((d.waves[0].effort as unknown as Record<string, unknown>).unit = 'days'),
      (d) => (d.capacity = {systems: 10, effort: 40}),
      (d) => (d.systems[planned].strategy = 'lift-and-shift'),
    ]
    for (const mutate of broken) {
      const copy = structuredClone(data)
      mutate(copy)
      expect(validatePlan(copy), mutate.toString()).toBe(false)
    }
  })

  it('yaml parses to the same data as json', async () => {
    const fromYaml = parseYaml(first.get('yaml')!.stdout, {version: '1.2', schema: 'core'}) as unknown
    expect(fromYaml).toEqual(JSON.parse(first.get('json')!.stdout))
  })

  it('csv has a header and one row per system, every row the same width', async () => {
    const data = JSON.parse(first.get('json')!.stdout) as PlanJson
    const rows = parseCsv(first.get('csv')!.stdout)
    const [header, ...body] = rows
    expect(header.slice(0, 8)).toEqual(['department', 'system', 'name', 'status', 'strategy', 'declaredStrategy', 'moveGroup', 'wave'])
    expect(body).toHaveLength(data.systems.length)
    for (const r of body) expect(r).toHaveLength(header.length)
    const col = (name: string) => header.indexOf(name)
    body.forEach((r, i) => {
      const s = data.systems[i]
      expect(`${r[col('department')]}/${r[col('system')]}`).toBe(s.ref)
      // As the plan's other human formats say it: "done" for none recorded, "(assess first)" on a thin rehost.
      expect(r[col('strategy')]).toBe(s.strategy === null ? 'done' : s.assessFirst ? `${s.strategy} (assess first)` : s.strategy)
      expect(r[col('wave')]).toBe(s.wave === null ? '' : String(s.wave))
      expect(Number(r[col('effortLow')])).toBe(s.effort.low)
    })
    // Reasons hold commas: the quoting above was exercised.
    expect(body.some((r) => r[col('reasons')].includes(','))).toBe(true)
  })

  it('table and markdown give the verdict: completion and how late', async () => {
    const data = JSON.parse(first.get('json')!.stdout) as PlanJson
    for (const f of ['table', 'markdown']) {
      const out = first.get(f)!.stdout
      expect(out).toContain(`Completion: ${data.completion}`)
      expect(out).toContain(`${data.daysPastDeadline.toLocaleString('en-GB')} days`)
    }
  })

  it('--json is the same as --format json', async () => {
    expect((await ok([...BASE, '--json'])).stdout).toBe(first.get('json')!.stdout)
  })
})

describe('what the examples must show', () => {
  let p: PlanJson
  const bySystem = (ref: string) => p.systems.find((s) => s.ref === ref)!
  beforeAll(async () => {
    p = await planJson()
  })

  it('every reason of every example system names a field of the inventory and its value', async () => {
    for (const s of p.systems) {
      expect(s.reasons.length, s.ref).toBeGreaterThan(0)
      for (const r of s.reasons) expect(r.fact, `${s.ref} ${r.rule}`).toMatch(/\b(?:[a-z_]+\.)*[a-z_]+ = \S/)
    }
  })

  it('hmrc/cesa: a mainframe declared rehost is not rehosted, and says why', async () => {
    const cesa = bySystem('hmrc/cesa')
    expect(cesa.declaredStrategy).toBe('rehost')
    expect(cesa.strategy).not.toBe('rehost')
    expect(cesa.overridden).toEqual({declared: 'rehost', reason: expect.stringContaining('mainframe')})
    expect(cesa.reasons[0]).toEqual({rule: 'architecture-strategy-contradicted', fact: expect.stringContaining('migration.strategy = rehost overridden')})
    expect(p.warnings).toContainEqual(expect.stringMatching(/^hmrc\/cesa: declared strategy rehost overridden: .*mainframe/))
  })

  it('SECRET and TOP-SECRET systems are retained, with no wave', async () => {
    const secret: string[] = []
    for (const file of ['dwp', 'hmrc', 'home-office']) {
      const inv = parseYaml(readFileSync(path.join(ROOT, 'examples', `${file}.yaml`), 'utf8')) as {
        department: {id: string}
        systems: Array<{id: string; data?: {classification?: string}; migration?: {status?: string}}>
      }
      for (const s of inv.systems) {
        const done = s.migration?.status === 'migrated' || s.migration?.status === 'retired'
        if (!done && (s.data?.classification === 'SECRET' || s.data?.classification === 'TOP-SECRET')) secret.push(`${inv.department.id}/${s.id}`)
      }
    }
    expect(secret.length).toBeGreaterThanOrEqual(2)
    for (const ref of secret) {
      expect(bySystem(ref), ref).toMatchObject({strategy: 'retain', status: 'retained', wave: null})
      for (const w of p.waves) expect(w.systems).not.toContain(ref)
    }
  })

  it('the cross-department cycle hmrc/nps ↔ dwp/cis is one move group in one wave', async () => {
    const nps = bySystem('hmrc/nps')
    const cis = bySystem('dwp/cis')
    expect(nps.moveGroup).toBe(cis.moveGroup)
    const group = p.moveGroups.find((g) => g.id === nps.moveGroup)!
    expect([...group.systems].sort()).toEqual(['dwp/cis', 'hmrc/nps'])
    expect(nps.wave).not.toBeNull()
    expect(cis.wave).toBe(nps.wave)
    expect(group.wave).toBe(nps.wave)
    expect(p.waves[nps.wave! - 1].systems).toEqual(expect.arrayContaining(['dwp/cis', 'hmrc/nps']))
  })

  it('the dependency on a department that is not loaded is an external constraint', async () => {
    expect(p.externalConstraints).toContainEqual({ref: 'home-office/pnc', dependsOn: expect.stringMatching(/^dvla\//)})
  })

  it('is late: completion is the last wave’s end, days past the 2023-12-31 deadline', async () => {
    expect(p.deadline).toBe('2023-12-31')
    expect(p.completion).toBe(p.waves.at(-1)!.end)
    const days = (Date.parse(p.completion) - Date.parse(p.deadline)) / 86_400_000
    expect(p.daysPastDeadline).toBe(days)
    expect(p.start).toBe('2027-01-01')
  })
})

describe('capacity and dates', () => {
  it('--capacity 4 gives more waves than --capacity 20, each within its capacity', async () => {
    const small = await planJson(['--capacity', '4'])
    const large = await planJson(['--capacity', '20'])
    expect(small.capacity).toEqual({systems: 4})
    expect(large.capacity).toEqual({systems: 20})
    expect(small.waves.length).toBeGreaterThan(large.waves.length)
    for (const [p, cap] of [[small, 4], [large, 20]] as const) {
      for (const w of p.waves) {
        if (w.systems.length <= cap) continue
        // Over capacity only for one move group too big for any wave, with a warning.
        expect(w.moveGroups).toHaveLength(1)
        expect(p.warnings.some((x) => x.startsWith(`move group ${w.moveGroups[0]} `))).toBe(true)
      }
    }
  })

  it('--capacity-effort 10: waves by effort midpoints spread over the waves a move runs in, oversized groups alone and warned about', async () => {
    const p = await planJson(['--capacity-effort', '10'])
    expect(p.capacity).toEqual({effort: 10})
    let oversized = 0
    // A move's effort is spread over the waves it runs in; a wave's load is what runs in it.
    const endWave = (end: string) => p.waves.findIndex((w) => w.end === end) + 1
    for (const w of p.waves) {
      const here = p.systems.filter((s) => s.start !== null && s.start <= w.start && s.end! >= w.end)
      const groupsHere = [...new Set(here.map((s) => s.moveGroup))]
      const load = groupsHere.reduce((sum, id) => {
        const members = here.filter((s) => s.moveGroup === id)
        return sum + midpoints(p, members.map((s) => s.ref)) / (endWave(members[0].end!) - members[0].wave! + 1)
      }, 0)
      if (load <= 10 + 1e-9) continue
      oversized++
      expect(groupsHere).toHaveLength(1)
      expect(p.moveGroups.find((g) => g.id === groupsHere[0])!.oversized).toBe(true)
      expect(p.warnings.some((x) => x.startsWith(`move group ${groupsHere[0]} `) && x.includes('10 person-months'))).toBe(true)
    }
    // A mainframe refactor uses more than 10 person-months in each wave it runs in.
    expect(oversized).toBeGreaterThan(0)
  })

  it('--start 2027-04-01: wave 1 starts that day, and each wave the day after the last one ends', async () => {
    const p = await planJson(['--start', '2027-04-01'])
    expect(p.start).toBe('2027-04-01')
    expect(p.waves[0].start).toBe('2027-04-01')
    expect(p.waves[0].end).toBe('2027-06-30')
    for (let k = 1; k < p.waves.length; k++) {
      const next = new Date(Date.parse(p.waves[k - 1].end) + 86_400_000).toISOString().slice(0, 10)
      expect(p.waves[k].start).toBe(next)
    }
  })

  it('--wave-length 6: waves of six months', async () => {
    const p = await planJson(['--wave-length', '6'])
    expect(p.waveLengthMonths).toBe(6)
    expect(p.waves.slice(0, 3).map((w) => [w.start, w.end])).toEqual([
      ['2027-01-01', '2027-06-30'],
      ['2027-07-01', '2027-12-31'],
      ['2028-01-01', '2028-06-30'],
    ])
    // The same capacity a wave over twice the time: no earlier, and each move runs through the six-month waves its months need.
    const three = await planJson()
    expect(p.completion >= three.completion).toBe(true)
    for (const s of p.systems) if (s.wave !== null) expect(p.waves.findIndex((w) => w.end === s.end) + 1 - s.wave + 1).toBeGreaterThanOrEqual(1)
  })
})

describe('mistakes: exit 2, a short message, nothing on standard output', () => {

  it.each([
    [['--capacity', '0'], /capacity/],
    [['--start', '2027-13-01'], /2027-13-01/],
    [['--start', '2020-01-01'], /2020-01-01.*before/],
    [['--as-of', 'yesterday'], /yesterday|as-of/],
    [['--capacity', '4', '--capacity-effort', '40'], /capacity/],
    [['--wave-length', '0'], /wave-length/],
  ])('%j', async (flags, message) => {
    // --as-of is given once: the flag under test replaces it.
    const args = flags.includes('--as-of') ? ['plan', 'examples', ...flags] : [...BASE, ...flags]
    const run = await cliRun([...args, '--format', 'json'])
    expect(run.code, run.stderr).toBe(2)
    expect(run.stdout).toBe('')
    expect(run.stderr).not.toMatch(STACK_TRACE)
    expect(run.stderr).toMatch(message)
    expect(userLines(run.stderr).length, run.stderr).toBeLessThanOrEqual(4)
  })

  describe('an invalid inventory', () => {
    let dir: string
    beforeAll(async () => {
      dir = mkdtempSync(path.join(tmpdir(), 'cloudready-plan-invalid-'))
      const inv = parseYaml(readFileSync(path.join(ROOT, 'examples/hmrc.yaml'), 'utf8')) as {systems: Array<Record<string, unknown>>}
      inv.systems[2].criticality = 'very-high'
      writeFileSync(path.join(dir, 'hmrc.yaml'), stringifyYaml(inv))
      writeFileSync(path.join(dir, 'broken.yaml'), 'apiVersion: cloudready/v1\nkind: Inventory\nsystems: [unclosed\n')
    })
    afterAll(() => rmSync(dir, {recursive: true, force: true}))

    it.each(['json', 'table', 'csv'])('--format %s: exit 2, the errors on standard error, nothing on standard output', async (f) => {
      const run = await cliRun(['plan', dir, '--as-of', AS_OF, '--format', f])
      expect(run.code, run.stderr).toBe(2)
      expect(run.stdout).toBe('')
      expect(run.stderr).not.toMatch(STACK_TRACE)
      expect(run.stderr).toMatch(/hmrc\.yaml/)
      expect(run.stderr).toMatch(/broken\.yaml/)
    })

    it('one invalid file among valid ones still plans nothing', async () => {
      const run = await cliRun(['plan', 'examples', path.join(dir, 'broken.yaml'), '--as-of', AS_OF, '--format', 'json'])
      expect(run.code).toBe(2)
      expect(run.stdout).toBe('')
    })
  })
})

describe('the order of the inventory changes nothing', () => {
  let dir: string
  afterAll(() => rmSync(dir, {recursive: true, force: true}))

  it('systems shuffled within each file and files given in another order: the same plan', async () => {
    dir = mkdtempSync(path.join(tmpdir(), 'cloudready-plan-shuffle-'))
    mkdirSync(path.join(dir, 'examples'))
    let seed = 42
    const random = () => ((seed = (seed * 1_103_515_245 + 12_345) % 2 ** 31), seed / 2 ** 31)
    const files = ['dwp', 'hmrc', 'home-office']
    for (const f of files) {
      const inv = parseYaml(readFileSync(path.join(ROOT, 'examples', `${f}.yaml`), 'utf8'), {version: '1.2', schema: 'core'}) as {systems: Array<{dependencies?: string[]}>}
      inv.systems = inv.systems.map((s) => ({s, k: random()})).sort((a, b) => a.k - b.k).map((x) => x.s)
      for (const s of inv.systems) s.dependencies?.reverse()
      writeFileSync(path.join(dir, 'examples', `${f}.yaml`), stringifyYaml(inv, {version: '1.2'}))
    }
    const given = ['home-office', 'dwp', 'hmrc'].map((f) => `examples/${f}.yaml`)
    const original = async (format: string) => (await ok([...BASE, '--format', format])).stdout
    const moved = async (format: string) => (await ok(['plan', ...given, '--as-of', AS_OF, '--format', format], {cwd: dir})).stdout
    expect(await moved('csv')).toBe(await original('csv'))
    expect(await moved('markdown')).toBe(await original('markdown'))
    // JSON: the same bytes but for each system's line (it moved); `files` sorted, as in the audit.
    const normalise = (text: string) => {
      const data = JSON.parse(text) as {files: string[]; systems: Array<{line: number}>}
      for (const s of data.systems) s.line = 0
      return JSON.stringify(data, null, 2)
    }
    const a = await original('json')
    const b = await moved('json')
    expect(normalise(b)).toBe(normalise(a))
    expect(b).not.toBe(a) // the lines did move: the comparison above is not vacuous
    expect((JSON.parse(b) as {files: string[]}).files).toEqual(['examples/dwp.yaml', 'examples/hmrc.yaml', 'examples/home-office.yaml'])
  })
})
