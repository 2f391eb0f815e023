/**
 * The catalogue commands end to end, through the built CLI: `rules` (every rule in src/rules),
 * `explain RULE` (each rule's rationale, source, remedy and fields; a did-you-mean for a near miss),
 * `init` (a starter inventory and config that `validate` and `audit` accept as they are) and
 * `schema` (the inventory JSON Schema, for editors).
 */
import {spawn} from 'node:child_process'
import {existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync} from 'node:fs'
import {tmpdir} from 'node:os'
import path from 'node:path'

import type * as AjvModule from 'ajv'
import Ajv2020Module from 'ajv/dist/2020.js'
import addFormatsModule from 'ajv-formats'
import {afterAll, beforeAll, describe, expect, it} from 'vitest'
import {parse as parseYaml} from 'yaml'

import {BASELINE_RULES} from '../../src/core/assess/baseline.js'
import {CATEGORIES} from '../../src/core/model/types.js'
import {RULES} from '../../src/rules/index.js'
import type {RuleMeta} from '../../src/rules/types.js'
import {BIN, cli, ROOT, type RunResult, STACK_TRACE, userLines} from '../helpers/cli.js'

type AjvInstance = AjvModule.default
const Ajv2020 = ((Ajv2020Module as unknown as {default?: unknown}).default ?? Ajv2020Module) as unknown as new (options: object) => AjvInstance
const addFormats = ((addFormatsModule as unknown as {default?: unknown}).default ?? addFormatsModule) as unknown as (ajv: AjvInstance, formats: string[]) => void

/** Standard error without Node's own process warnings. */

/** `cli` without blocking, so the per-rule runs of `explain` can overlap. */
function cliAsync(args: string[]): Promise<RunResult> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [BIN, ...args], {cwd: ROOT, env: {...process.env, NO_COLOR: '1', FORCE_COLOR: ''}, stdio: ['ignore', 'pipe', 'pipe']})
    let stdout = ''
    let stderr = ''
    child.stdout.setEncoding('utf8').on('data', (d: string) => (stdout += d))
    child.stderr.setEncoding('utf8').on('data', (d: string) => (stderr += d))
    child.on('error', reject)
    child.on('close', (code) => resolve({code, stdout, stderr}))
  })
}

async function pool<T, R>(items: readonly T[], size: number, run: (item: T) => Promise<R>): Promise<R[]> {
  const out: R[] = new Array(items.length)
  let next = 0
  await Promise.all(
    Array.from({length: size}, async () => {
      while (next < items.length) {
        const i = next++
        out[i] = await run(items[i])
      }
    }),
  )
  return out
}

let tmp: string
beforeAll(() => {
  tmp = mkdtempSync(path.join(tmpdir(), 'cloudready-catalogue-'))
})
afterAll(() => {
  if (tmp) rmSync(tmp, {recursive: true, force: true})
})

describe('rules', () => {
  it('lists every rule in src/rules, sorted, with its category, severity and description', () => {
    const run = cli(['rules'])
    expect(run.code).toBe(0)
    expect(run.stderr).not.toMatch(STACK_TRACE)
    const lines = run.stdout.split('\n')
    expect(lines[0]).toMatch(/^rule\s+category\s+severity\s+description$/)
    const rows = lines.slice(1, 1 + RULES.length)
    expect(rows.map((l) => l.split(/\s+/)[0])).toEqual(RULES.map((r) => r.meta.id))
    rows.forEach((row, i) => {
      const m = RULES[i].meta
      expect(row).toMatch(new RegExp(`^${m.id}\\s+${m.category}\\s+${m.severity}\\s+`))
      expect(row.endsWith(m.description)).toBe(true)
    })
    expect(lines[1 + RULES.length]).toBe('')
    expect(run.stdout).toContain(`${RULES.length} rules. 'cloudready explain RULE' gives each one's rationale, source and remedy.`)
    expect(run.stdout).toMatch(/End-of-support dates: endoflife\.date.*snapshot \d{4}-\d{2}-\d{2}\./)
    // The rule files and the catalogue agree: one file per rule, named by its id.
    const files = readdirSync(path.join(ROOT, 'src/rules')).filter((f) => !['index.ts', 'shared.ts', 'sources.ts', 'types.ts'].includes(f))
    expect(files.map((f) => f.replace(/\.ts$/, '')).sort()).toEqual(RULES.map((r) => r.meta.id))
  })

  it('--category platform: only the platform rules', () => {
    const run = cli(['rules', '--category', 'platform'])
    expect(run.code).toBe(0)
    const platform = RULES.filter((r) => r.meta.category === 'platform').map((r) => r.meta.id)
    expect(platform.length).toBeGreaterThan(3)
    const ids = run.stdout.split('\n').slice(1, 1 + platform.length).map((l) => l.split(/\s+/)[0])
    expect(ids).toEqual(platform)
    expect(run.stdout).toContain(`${platform.length} rules.`)
    for (const r of RULES.filter((x) => x.meta.category !== 'platform')) expect(run.stdout).not.toContain(r.meta.id)
  })

  it('--category that does not exist: exit 2, naming the categories', () => {
    const run = cli(['rules', '--category', 'plaform'])
    expect(run.code).toBe(2)
    expect(run.stderr).not.toMatch(STACK_TRACE)
    for (const c of CATEGORIES) expect(run.stderr).toContain(c)
  })

  it('--format json: every rule with id, category, severity, description, sources and remedy; --json is the same', () => {
    const run = cli(['rules', '--format', 'json'])
    expect(run.code).toBe(0)
    const rules = JSON.parse(run.stdout) as RuleMeta[]
    expect(rules).toHaveLength(RULES.length)
    expect(rules.map((r) => r.id)).toEqual(RULES.map((r) => r.meta.id))
    for (const r of rules) {
      expect(r.id).toMatch(/^[a-z][a-z0-9]*(-[a-z0-9]+)*$/)
      expect(CATEGORIES).toContain(r.category)
      expect(['critical', 'high', 'medium', 'low', 'info']).toContain(r.severity)
      expect(r.description.length).toBeGreaterThan(10)
      expect(r.remedy.length).toBeGreaterThan(10)
      expect(r.sources.length).toBeGreaterThan(0)
      for (const s of r.sources) {
        expect(s.title.length).toBeGreaterThan(0)
        if (s.url) expect(s.url).toMatch(/^https:\/\//)
      }
    }
    expect(rules).toEqual(JSON.parse(JSON.stringify(RULES.map((r) => r.meta))))
    expect(cli(['rules', '--json']).stdout).toBe(run.stdout)
  })

  it('--format markdown: one table, one row per rule, the same number of cells in each', () => {
    const run = cli(['rules', '--format', 'markdown', '--category', 'data'])
    expect(run.code).toBe(0)
    const rows = run.stdout.trim().split('\n')
    const data = RULES.filter((r) => r.meta.category === 'data')
    expect(rows).toHaveLength(2 + data.length)
    const cells = (l: string) => l.replace(/\\\|/g, '').split('|').length
    for (const r of rows) expect(cells(r)).toBe(cells(rows[0]))
  })
})

describe('explain', () => {
  const ids = RULES.map((r) => r.meta.id)
  let runs: RunResult[]
  beforeAll(async () => {
    runs = await pool(ids, 3, (id) => cliAsync(['explain', id]))
  }, 180_000)

  it.each(ids.map((id, i) => [id, i] as const))('%s: rationale, sources, remedy, fields and how findings count', (id, i) => {
    const run = runs[i]
    const m = RULES[i].meta
    expect(run.code, run.stderr).toBe(0)
    expect(run.stderr).toBe('')
    const text = run.stdout
    expect(text.split('\n')[0]).toBe(`${id}  (${m.category}, default severity ${m.severity})`)
    expect(text).toContain(m.description)
    expect(text).toContain(`Why it matters\n  ${m.rationale}\n`)
    for (const s of m.sources) expect(text).toContain(`  - ${s.title}${s.url ? ` <${s.url}>` : ''}\n`)
    expect(text).toContain(`What to do\n  ${m.remedy}\n`)
    expect(text).toContain(`Fields it reads\n  ${(m.reads ?? m.fields).join(', ')}\n`)
    for (const [name, value] of Object.entries(m.options ?? {})) expect(text).toContain(`  ${name}: ${String(value)}\n`)
    expect(text).toContain('Example of a system it flags')
    expect(text).toContain(
      m.category === 'deadline' ? 'Deadline findings set the deadline status and lateness; they never change readiness or score.' : 'A critical finding makes the system not-ready',
    )
  })

  it('--format json is the rule as `rules --format json` has it; markdown names the sources with links', () => {
    const json = cli(['explain', 'platform-end-of-support', '--format', 'json'])
    expect(json.code).toBe(0)
    expect(JSON.parse(json.stdout)).toEqual(JSON.parse(JSON.stringify(RULES.find((r) => r.meta.id === 'platform-end-of-support')!.meta)))
    const md = cli(['explain', 'data-secret-public-cloud', '--format', 'markdown'])
    expect(md.code).toBe(0)
    expect(md.stdout).toMatch(/^### data-secret-public-cloud\n/)
    expect(md.stdout).toContain('[Government Security Classifications Policy (Cabinet Office)](https://www.gov.uk/government/publications/government-security-classifications)')
  })

  it("the base-versus-head gate's own findings are explained too (they appear in audit --baseline and the README)", () => {
    for (const m of BASELINE_RULES) {
      const run = cli(['explain', m.id])
      expect(run.code, run.stderr).toBe(0)
      expect(run.stdout).toContain(m.rationale)
      expect(run.stdout).toContain(m.remedy)
    }
  })

  it('a near miss: exit 2 with a did-you-mean', () => {
    const run = cli(['explain', 'platform-end-of-suport'])
    expect(run.code).toBe(2)
    expect(run.stdout).toBe('')
    expect(userLines(run.stderr)).toEqual(["cloudready: no rule 'platform-end-of-suport' — did you mean 'platform-end-of-support'? (see 'cloudready rules')"])
  })

  it('no such rule, or none given: exit 2, no stack trace', () => {
    const nope = cli(['explain', 'nope'])
    expect(nope.code).toBe(2)
    expect(nope.stdout).toBe('')
    expect(userLines(nope.stderr)).toEqual(["cloudready: no rule 'nope' (see 'cloudready rules')"])
    const none = cli(['explain'])
    expect(none.code).toBe(2)
    expect(none.stderr).not.toMatch(STACK_TRACE)
    expect(none.stderr).toMatch(/rule/)
  })
})

describe('init', () => {
  let dir: string
  let inventory: string
  let config: string
  beforeAll(() => {
    dir = mkdtempSync(path.join(tmp, 'init-'))
    inventory = path.join(dir, 'inventory', 'my-department.yaml')
    config = path.join(dir, '.cloudready.yaml')
  })

  it('writes inventory/my-department.yaml and .cloudready.yaml, and says what to run next', () => {
    const run = cli(['init'], {cwd: dir})
    expect(run.code, run.stderr).toBe(0)
    expect(run.stdout).toBe('')
    expect(run.stderr).toContain('wrote inventory/my-department.yaml and .cloudready.yaml')
    expect(run.stderr).toContain('next: cloudready validate inventory && cloudready audit inventory')
    expect(readdirSync(dir).sort()).toEqual(['.cloudready.yaml', 'inventory'])
    expect(readdirSync(path.join(dir, 'inventory'))).toEqual(['my-department.yaml'])
    const data = parseYaml(readFileSync(inventory, 'utf8')) as {department: {id: string; name: string}; systems: unknown[]}
    expect(data.department).toEqual({id: 'my-department', name: 'My Department'})
    expect(data.systems).toHaveLength(1)
  })

  it('then `validate` with no path reads inventory/ and exits 0', () => {
    const run = cli(['validate'], {cwd: dir})
    expect(run.code, run.stdout).toBe(0)
    expect(run.stdout).toContain('1 file valid')
  })

  it('then `audit` with no path judges it, with the config found beside it, and the starter passes its own audit', () => {
    const run = cli(['audit', '--as-of', '2026-11-27', '--format', 'json'], {cwd: dir})
    expect(run.stderr).not.toMatch(STACK_TRACE)
    // The starter's example has moved (done by the deadline): nothing at or above high, exit 0.
    expect(run.code, run.stderr).toBe(0)
    const json = JSON.parse(run.stdout) as {files: string[]; deadline: string; systems: Array<{ref: string; readiness: string; confidence: number; deadlineStatus: string; findings: Array<{severity: string}>}>}
    expect(json.files).toEqual(['inventory/my-department.yaml'])
    expect(json.deadline).toBe('2023-12-31')
    expect(json.systems).toHaveLength(1)
    expect(json.systems[0]).toMatchObject({ref: 'my-department/example-system', readiness: 'ready', deadlineStatus: 'met'})
    expect(json.systems[0].confidence).toBeGreaterThanOrEqual(0.9)
    expect(json.systems[0].findings.filter((f) => f.severity === 'critical' || f.severity === 'high')).toEqual([])
  })

  it("refuses to write into cloudready's own checkout (where the README's set-up leaves you)", () => {
    const run = cli(['init'])
    expect(run.code).toBe(2)
    expect(userLines(run.stderr)[0]).toMatch(/^cloudready: this folder is cloudready's own checkout: run init in your inventory repository/)
    expect(existsSync(path.join(ROOT, 'inventory'))).toBe(false)
  })

  it('again: refuses to overwrite (exit 2, files untouched); --force overwrites', () => {
    writeFileSync(inventory, `${readFileSync(inventory, 'utf8')}# my own edit\n`)
    const edited = readFileSync(inventory, 'utf8')
    const again = cli(['init'], {cwd: dir})
    expect(again.code).toBe(2)
    expect(again.stderr).not.toMatch(STACK_TRACE)
    expect(userLines(again.stderr)).toEqual([`cloudready: not overwriting ${path.join('inventory', 'my-department.yaml')} and .cloudready.yaml: use --force to replace them`])
    expect(readFileSync(inventory, 'utf8')).toBe(edited)
    const forced = cli(['init', '--force'], {cwd: dir})
    expect(forced.code).toBe(0)
    expect(readFileSync(inventory, 'utf8')).not.toContain('# my own edit')
    expect(existsSync(config)).toBe(true)
  })

  it('--department and --name, a name YAML must quote: a file validate accepts, the name intact', () => {
    const name = 'HM Revenue & Customs: "Tax" #1 \\ it\'s'
    const run = cli(['init', '--department', 'hmrc', '--name', name, '--dir', 'repo'], {cwd: dir})
    expect(run.code, run.stderr).toBe(0)
    const file = path.join(dir, 'repo', 'inventory', 'hmrc.yaml')
    expect((parseYaml(readFileSync(file, 'utf8')) as {department: {name: string}}).department.name).toBe(name)
    expect(cli(['validate', file]).code).toBe(0)
  })

  it.each([
    ['--department', 'Bad_Id', /--department 'Bad_Id' is not an id/],
    ['--name', '', /--name must be the department's name/],
  ])('%s %j: exit 2 and nothing written', (flag, value, message) => {
    const empty = mkdtempSync(path.join(tmp, 'init-bad-'))
    const run = cli(['init', flag, value], {cwd: empty})
    expect(run.code).toBe(2)
    expect(run.stderr).not.toMatch(STACK_TRACE)
    expect(run.stderr).toMatch(message)
    expect(readdirSync(empty)).toEqual([])
  })
})

describe('schema', () => {
  it('prints JSON that compiles with ajv (2020-12, strict), that every example and the starter inventory pass, and that rejects a mistake', () => {
    const run = cli(['schema'])
    expect(run.code).toBe(0)
    const schema = JSON.parse(run.stdout) as {$schema: string}
    expect(schema.$schema).toBe('https://json-schema.org/draft/2020-12/schema')
    const ajv = new Ajv2020({strict: true, allErrors: true, allowUnionTypes: true})
    addFormats(ajv, ['date'])
    const validate = ajv.compile(schema)
    const examples = readdirSync(path.join(ROOT, 'examples')).filter((f) => f.endsWith('.yaml'))
    expect(examples).toHaveLength(3)
    for (const f of examples) {
      const data: unknown = parseYaml(readFileSync(path.join(ROOT, 'examples', f), 'utf8'))
      expect(validate(data), `${f}: ${JSON.stringify(validate.errors)}`).toBe(true)
    }
    const initDir = mkdtempSync(path.join(tmp, 'schema-'))
    expect(cli(['init'], {cwd: initDir}).code).toBe(0)
    const starter = parseYaml(readFileSync(path.join(initDir, 'inventory', 'my-department.yaml'), 'utf8')) as {systems: Array<Record<string, unknown>>}
    expect(validate(starter), JSON.stringify(validate.errors)).toBe(true)
    starter.systems[0].virtualized = true
    expect(validate(starter)).toBe(false)
    expect(cli(['schema', '--json']).stdout).toBe(run.stdout)
  })
})

describe('help and mistyped commands (oclif conventions)', () => {
  it('`help` lists every command; `help audit` is the same text as `audit --help`', () => {
    const all = cli(['help'])
    expect(all.code, all.stderr).toBe(0)
    for (const c of ['audit', 'compare', 'explain', 'init', 'plan', 'report', 'rules', 'schema', 'validate']) expect(all.stdout).toMatch(new RegExp(`^\\s+${c}\\s`, 'm'))
    const help = cli(['help', 'audit'])
    expect(help.code, help.stderr).toBe(0)
    expect(help.stdout).toContain('$ cloudready audit [PATHS...]')
    expect(help.stdout).toBe(cli(['audit', '--help']).stdout)
  })

  it.each([
    ['audti', 'examples', 'audit'],
    ['valdate', 'examples', 'validate'],
    ['pln', 'examples', 'plan'],
  ])('`%s %s`: exit 2, "did you mean %s", nothing on standard output', (typo, arg, meant) => {
    const run = cli([typo, arg])
    expect(run.code).toBe(2)
    expect(run.stdout).toBe('')
    expect(userLines(run.stderr)).toEqual([`cloudready: '${typo}' is not a cloudready command. Did you mean '${meant}'?`, "Run 'cloudready help' for a list of the commands."])
  })

  it('a word like no command: exit 2 and the help hint, no guess', () => {
    const run = cli(['frobnicate'])
    expect(run.code).toBe(2)
    expect(userLines(run.stderr)).toEqual(["cloudready: 'frobnicate' is not a cloudready command.", "Run 'cloudready help' for a list of the commands."])
  })

  it('help on a narrow terminal breaks no allowed value in two, and says each default once', () => {
    const run = cli(['audit', '--help'], {env: {OCLIF_COLUMNS: '60'}})
    const text = run.stdout.replace(/\s+/g, ' ')
    for (const f of ['stylish', 'json', 'yaml', 'markdown', 'csv', 'sarif', 'junit', 'github', 'gitlab']) expect(text, f).toMatch(new RegExp(`[ ,:]${f}[,.]`))
    expect(text).not.toMatch(/\(default 128\)/)
    expect(text).toContain('[default: 128]')
  })
})
