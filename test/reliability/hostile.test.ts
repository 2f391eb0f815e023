/**
 * Hostile inputs (test/fixtures/hostile, and the big ones made here at test time) through `validate`,
 * `audit` and `plan` as a user runs them: the built CLI, one process per run, each under a generous
 * time bound (a hang fails the test; nothing here times anything).
 *
 * Every invalid input gives exit 2 and the number of errors its expectation names (one, or a few
 * where the file has several mistakes), each with file:line:col, on standard output for validate and
 * standard error for audit and plan — and never a stack trace. Valid ones give 0 (or 1 from audit's
 * findings), and where they are about dependency cycles, the plan moves each cycle as one group.
 */
import {closeSync, ftruncateSync, mkdirSync, openSync, readdirSync, readFileSync, writeFileSync} from 'node:fs'
import path from 'node:path'

import {afterAll, beforeAll, describe, expect, it} from 'vitest'
import {parse as parseYaml} from 'yaml'

import {runPlan} from '../../src/core/index.js'
import {cliAsync, cliInProcess, ROOT, type RunResult, STACK_TRACE} from '../helpers/cli.js'
import {errorLines, tempDir} from './helpers.js'

const HOSTILE = 'test/fixtures/hostile'
const AS_OF = '2026-11-27'
/** A generous bound for one run on a busy 2-core machine: a hang fails the test, nothing else is timed. */
const BOUND = 60_000

interface PlanJson {
  systems: {ref: string; moveGroup: string; wave: number | null; dependsOn: string[]}[]
  moveGroups: {id: string; systems: string[]}[]
}

interface Expectation {
  /** 'valid': validate 0, audit 0 or 1, plan 0. A number: exit 2 from all three, with that many errors. */
  errors: number | 'valid'
  /** line:col of the first error. */
  at?: string
  code?: string
  /** Words the first error's message must contain. */
  words?: string[]
  /** More checks on `plan --format json` of a valid input. */
  plan?: (plan: PlanJson) => void
}

const TOO_DEEP = ['nested more than 64 levels deep', 'refused']
const NOT_PLAIN = ['unsupported YAML tag', 'plain values only']

/** The move group of every system, by ref. */
const groups = (plan: PlanJson) => new Map(plan.systems.map((s) => [s.ref, s.moveGroup]))

const GALLERY: Record<string, Expectation> = {
  // Malformed YAML
  'unclosed-double-quote.yaml': {errors: 1, at: '7:11', code: 'yaml-syntax', words: ['quote (") that is never closed']},
  'unclosed-single-quote.yaml': {errors: 1, at: '10:12', code: 'yaml-syntax', words: ["quote (') that is never closed"]},
  'unclosed-flow-sequence.yaml': {errors: 1, at: '10:19', code: 'yaml-syntax', words: ["starts with '['", "end it with ']'"]},
  'unclosed-flow-mapping.yaml': {errors: 1, at: '10:15', code: 'yaml-syntax', words: ["starts with '{'", "end it with '}'"]},
  'bad-indentation.yaml': {errors: 1, at: '8:7', code: 'yaml-syntax', words: ["'criticality' is indented more than the line above it"]},
  'stray-colon.yaml': {errors: 1, at: '8:11', code: 'yaml-syntax', words: ["contains ': '", 'quotes']},
  'tab-indentation.yaml': {errors: 1, at: '7:1', code: 'yaml-syntax', words: ['tab', 'only spaces']},
  // Several documents are several inventories (README "The inventory"): the third, after `...`, lacks the inventory's fields.
  'document-markers.yaml': {errors: 3, at: '21:1', code: 'schema', words: ["missing the required field 'apiVersion'"]},
  // `...` ends the first document: what follows is a second one, a list where an inventory was expected.
  'document-end-then-content.yaml': {errors: 1, at: '11:3', code: 'schema', words: ['root must be a mapping']},
  'unknown-directive.yaml': {errors: 1, at: '4:1', code: 'yaml-syntax', words: ["directive", "'---' line"]},
  // The spec forbids two %YAML directives; the yaml library accepts them, and the data is unambiguous.
  'yaml-directive-twice.yaml': {errors: 1, at: '3:1', code: 'yaml-syntax', words: ['second %YAML directive']},
  'python-tag.yaml': {errors: 2, at: '10:12', code: 'yaml-syntax', words: ['!!python/object/apply:os.system', ...NOT_PLAIN]},
  'verbatim-tag.yaml': {errors: 2, at: '10:12', code: 'yaml-syntax', words: ['!<tag:yaml.org,2002:python/object/new:os.system>', ...NOT_PLAIN]},
  'binary-tag.yaml': {errors: 1, at: '10:13', code: 'yaml-syntax', words: ['!!binary', ...NOT_PLAIN]},
  'complex-key.yaml': {errors: 1, at: '10:7', code: 'yaml-syntax', words: ['a mapping key must be a plain string']},
  // The fields the merge key would have brought are not reported missing: the merge key's own message says to write them out.
  'merge-and-anchors.yaml': {errors: 'valid', plan: (p) => expect(p.systems.map((s) => s.ref)).toEqual(['hostile/a', 'hostile/b'])},
  // Alias bombs
  'billion-laughs.yaml': {errors: 1, at: '9:10', code: 'yaml-syntax', words: ['alias bomb', 'refused']},
  'nested-alias-bomb.yaml': {errors: 1, at: '11:14', code: 'yaml-syntax', words: ['alias bomb', 'refused']},
  'alias-cycle.yaml': {errors: 1, at: '11:11', code: 'yaml-syntax', words: ['the alias *self is inside the value its anchor &self names']},
  // Deep nesting (the multi-megabyte ones are made below)
  'deep-flow-nesting.yaml': {errors: 1, at: '10:257', code: 'yaml-syntax', words: TOO_DEEP},
  'deep-dash-nesting.yaml': {errors: 1, at: '11:7', code: 'yaml-syntax', words: TOO_DEEP},
  // Bytes and encodings
  'binary.yaml': {errors: 1, at: '3:1', code: 'binary', words: ['binary file', 'NUL byte']},
  'nul-byte.yaml': {errors: 1, at: '7:12', code: 'binary', words: ['NUL byte']},
  'invalid-utf8.yaml': {errors: 1, at: '7:14', code: 'encoding', words: ['not valid UTF-8', '0xe9']},
  'overlong-utf8.yaml': {errors: 1, at: '7:12', code: 'encoding', words: ['not valid UTF-8', '0xc0']},
  'utf16le-bom.yaml': {errors: 1, at: '1:1', code: 'encoding', words: ['UTF-16', 'save it as UTF-8']},
  'utf16be-bom.yaml': {errors: 1, at: '1:1', code: 'encoding', words: ['UTF-16', 'save it as UTF-8']},
  'bom-crlf.yaml': {errors: 'valid', plan: (p) => expect(p.systems.map((s) => s.ref)).toEqual(['crlf/a', 'crlf/b'])},
  'mixed-line-endings.yaml': {errors: 'valid'},
  'lone-cr.yaml': {errors: 1, at: '1:51', code: 'control-character', words: ['carriage return (CR)', 'LF or CRLF']},
  'raw-escape.yaml': {errors: 1, at: '7:12', code: 'control-character', words: ['U+001B']},
  'escaped-keys.yaml': {errors: 3, at: '11:5', code: 'schema', words: ['unknown field']},
  // Prototype keys
  'proto-keys.yaml': {errors: 8, at: '4:1', code: 'schema', words: ["the key '__proto__' is not allowed"]},
  'proto-json.yaml': {errors: 2, at: '3:4', code: 'schema', words: ["the key '__proto__' is not allowed"]},
  'proto-x-keys.yaml': {errors: 'valid', plan: (p) => expect(p.systems.map((s) => s.ref).sort()).toEqual(['proto/a', 'proto/constructor'])},
  // Wrong types
  'systems-as-map.yaml': {errors: 1, at: '6:3', code: 'schema', words: ["'systems' must be a list", 'got a mapping']},
  'ids-as-numbers.yaml': {errors: 4, at: '4:18', code: 'schema', words: ["'department.id' must be a string", 'quote it']},
  'dependencies-as-string.yaml': {errors: 1, at: '14:19', code: 'schema', words: ["'dependencies' must be a list", "got 'a, c'"]},
  'wrong-types-everywhere.yaml': {errors: 23, at: '2:13', code: 'schema', words: ["'apiVersion' must be 'cloudready/v1'"]},
  'huge-numbers.yaml': {errors: 3, at: '10:12', code: 'schema', words: ["'users' must be a whole number", 'Infinity']},
  'root-scalar.yaml': {errors: 1, at: '2:1', code: 'schema', words: ["root must be a mapping"]},
  'root-null.yaml': {errors: 1, at: '2:1', code: 'schema', words: ["root must be a mapping"]},
  'only-comments.yaml': {errors: 1, at: '1:1', code: 'empty', words: ['no YAML document, only comments']},
  'empty-systems-null.yaml': {errors: 1, at: '5:1', code: 'schema', words: ["'systems' must be a list", 'got nothing (null)']},
  'empty-systems.yaml': {errors: 'valid', plan: (p) => expect(p.systems).toEqual([])},
  // Dates
  'impossible-dates.yaml': {errors: 3, at: '10:35', code: 'schema', words: ['real date written YYYY-MM-DD', "'2023-02-29'"]},
  'odd-dates.yaml': {errors: 4, at: '10:35', code: 'schema', words: ['real date written YYYY-MM-DD', "'2023-01-01T00:00:00Z'"]},
  // References and cycles
  'escaping-references.yaml': {errors: 12, at: '14:20', code: 'schema', words: ["dependency '../a' must be a system id or department/id"]},
  'self-dependency.yaml': {errors: 2, at: '10:20', code: 'self-dependency', words: ["system 'a' depends on itself"]},
  'cycle-2.yaml': {
    errors: 'valid',
    plan: (p) => {
      const g = groups(p)
      expect(g.get('cycle2/a')).toBe(g.get('cycle2/b'))
      expect(new Set(p.systems.map((s) => s.wave)).size).toBe(1)
    },
  },
  'cycle-long.yaml': {errors: 'valid', plan: (p) => expect(new Set(p.systems.map((s) => s.moveGroup)).size).toBe(1)},
  'cycle-shared-node.yaml': {
    errors: 'valid',
    plan: (p) => {
      const g = groups(p)
      const cycle = ['hub', 'a', 'b', 'c'].map((id) => g.get(`twocycles/${id}`))
      expect(new Set(cycle).size).toBe(1)
      expect(g.get('twocycles/tail')).not.toBe(cycle[0])
      const wave = (ref: string) => p.systems.find((s) => s.ref === ref)!.wave
      if (wave('twocycles/tail') !== null && wave('twocycles/hub') !== null) expect(wave('twocycles/tail')!).toBeGreaterThanOrEqual(wave('twocycles/hub')!)
    },
  },
  'cross-department-cycle': {
    errors: 'valid',
    plan: (p) => {
      const g = groups(p)
      expect(new Set(['north/gateway', 'south/ledger', 'south/audit'].map((r) => g.get(r))).size).toBe(1)
    },
  },
  // JSON is YAML
  'valid-json.yaml': {errors: 'valid', plan: (p) => expect(p.systems.map((s) => s.ref).sort()).toEqual(['json/a', 'json/b'])},
  // YAML 1.2 allows a trailing comma in a flow collection.
  'json-trailing-comma.yaml': {errors: 'valid'},
  'json-duplicate-keys.yaml': {errors: 1, at: '1:54', code: 'yaml-syntax', words: ["duplicate key 'kind'"]},
}

interface ValidateJson {
  valid: boolean
  errors: {file: string; line: number; column: number; pointer: string; code: string; message: string}[]
  warnings: unknown[]
}

function noCrash(run: RunResult, what: string): void {
  expect(run.stderr, `${what}: no stack trace`).not.toMatch(STACK_TRACE)
  expect(run.stderr, `${what}: no internal error`).not.toMatch(/internal error/)
}

/** Hostile inputs also run as real processes: one of each kind (deep nesting, size, an alias bomb, a huge line). */
const SPAWNED = new Set(['deep-flow-100000.yaml', 'over-the-size-limit.yaml', 'broken-13mb-line.yaml', 'billion-laughs.yaml'])

/**
 * `validate --format json`, `audit` (stylish) and `plan --format json` on `target`, from `cwd`, where
 * `shown` is how cloudready names the file (or, for a folder, the start of each file's name).
 */
async function throughAllThree(target: string, shown: string, cwd: string, expected: Expectation, extra: string[] = []): Promise<void> {
  const options = {cwd, timeout: BOUND}
  // In this process (the same code, without a Node start per run), except for a few run as a user
  // would, in processes of their own, where a hang would be caught by the timeout.
  const run = SPAWNED.has(path.basename(target)) ? cliAsync : cliInProcess
  const [v, a, p] = await Promise.all([
    run(['validate', target, '--format', 'json', ...extra], options),
    run(['audit', target, '--no-config', '--as-of', AS_OF, ...extra], options),
    run(['plan', target, '--no-config', '--as-of', AS_OF, '--format', 'json', ...extra], options),
  ])
  noCrash(v, 'validate')
  noCrash(a, 'audit')
  noCrash(p, 'plan')
  const json = JSON.parse(v.stdout) as ValidateJson
  if (expected.errors === 'valid') {
    expect(json.errors, JSON.stringify(json.errors, null, 2)).toEqual([])
    expect(v.code).toBe(0)
    expect([0, 1], a.stderr).toContain(a.code)
    expect(p.code, p.stderr).toBe(0)
    expect(errorLines(a.stderr)).toEqual([])
    expected.plan?.(JSON.parse(p.stdout) as PlanJson)
    return
  }
  expect(v.code, v.stderr).toBe(2)
  expect(json.valid).toBe(false)
  expect(json.errors.length, JSON.stringify(json.errors.slice(0, 5), null, 2)).toBe(expected.errors)
  for (const e of json.errors) {
    expect(e.file.startsWith(shown), e.file).toBe(true)
    expect(Number.isInteger(e.line) && e.line >= 1 && Number.isInteger(e.column) && e.column >= 1).toBe(true)
    expect(e.message.trim()).not.toBe('')
  }
  const [first] = json.errors
  if (expected.at) expect(`${first.line}:${first.column}`, first.message).toBe(expected.at)
  if (expected.code) expect(first.code).toBe(expected.code)
  for (const word of expected.words ?? []) expect(first.message).toContain(word)
  // audit and plan: nothing on standard output, the same errors on standard error with file and line:col.
  for (const [run, name] of [
    [a, 'audit'],
    [p, 'plan'],
  ] as const) {
    expect(run.code, `${name}: ${run.stderr.slice(0, 500)}`).toBe(2)
    expect(run.stdout, name).toBe('')
    const lines = errorLines(run.stderr)
    expect(lines.length, `${name}: ${run.stderr.slice(0, 500)}`).toBe(expected.errors)
    expect(run.stderr).toContain(first.file)
    expect(lines[0].trim().startsWith(`${first.line}:${first.column} `)).toBe(true)
  }
}

describe('test/fixtures/hostile through validate, audit and plan', () => {
  it('holds at least 30 hostile inputs, each with an expectation here', () => {
    const onDisk = readdirSync(path.join(ROOT, HOSTILE)).sort()
    expect(onDisk.length).toBeGreaterThanOrEqual(30)
    expect(Object.keys(GALLERY).sort()).toEqual(onDisk)
  })

  it.each(Object.entries(GALLERY))('%s', async (name, expected) => {
    const target = `${HOSTILE}/${name}`
    await throughAllThree(target, target, ROOT, expected)
  })
})

/** The big ones, made here rather than committed. */
const HEAD = 'apiVersion: cloudready/v1\nkind: Inventory\ndepartment: {id: big, name: A Big Department}\nsystems:\n'
const system = (id: string, extra = '') => `  - id: ${id}\n    name: System ${id}\n    criticality: low\n    hosting: on-premises\n${extra}`
const MiB = 1024 * 1024
/** examples/dwp.yaml as one line of JSON, broken early by a `%` where a value starts. */
const BROKEN_JSON = JSON.stringify(parseYaml(readFileSync(path.join(ROOT, 'examples/dwp.yaml'), 'utf8'))).replace('"owner":', '"owner": %')

const GENERATED: Record<string, {make: (file: string) => void; expected: Expectation; flags?: string[]}> = {
  'huge-scalar-5mb.yaml': {
    make: (f) => writeFileSync(f, HEAD + system('a', `    owner: "${'x'.repeat(5 * MiB)}"\n`)),
    expected: {errors: 1, at: '9:12', code: 'schema', words: ["'owner' is too long"]},
  },
  'huge-x-field-5mb.yaml': {
    // Nothing refuses a big value as such: under an x- key it is the user's own data.
    make: (f) => writeFileSync(f, HEAD + system('a', `    x-notes: ${'lorem ipsum '.repeat((5 * MiB) / 12)}\n`)),
    expected: {errors: 'valid'},
  },
  'over-the-size-limit.yaml': {
    // Sparse: 200 MiB on the file system, no time to write. The size is checked before a byte is read.
    make: (f) => {
      const fd = openSync(f, 'w')
      ftruncateSync(fd, 200 * MiB)
      closeSync(fd)
    },
    expected: {errors: 1, at: '1:1', code: 'too-large', words: ['200.0 MiB, over the 128.0 MiB limit', '--max-file-size']},
  },
  'over-a-lower-limit.yaml': {
    make: (f) => writeFileSync(f, HEAD + Array.from({length: 20000}, (_, i) => system(`s${i}`)).join('')),
    flags: ['--max-file-size', '1'],
    expected: {errors: 1, at: '1:1', code: 'too-large', words: ['over the 1.0 MiB limit', '--max-file-size']},
  },
  'same-id-10000-times.yaml': {
    make: (f) => writeFileSync(f, HEAD + system('same').repeat(10000)),
    expected: {errors: 9999, at: '9:9', code: 'duplicate-id', words: ["duplicate system id 'same'", 'first used at line 5']},
  },
  'deep-block-2000.yaml': {
    make: (f) => {
      let text = HEAD + system('a', '    x-deep:\n')
      for (let i = 0; i < 2000; i++) text += `${' '.repeat(6 + i)}k${i}:\n`
      writeFileSync(f, text)
    },
    expected: {errors: 1, code: 'yaml-syntax', words: TOO_DEEP},
  },
  'deep-flow-100000.yaml': {
    make: (f) => writeFileSync(f, HEAD + system('a', `    x-deep: ${'['.repeat(100000)}${']'.repeat(100000)}\n`)),
    expected: {errors: 1, at: '9:74', code: 'yaml-syntax', words: TOO_DEEP},
  },
  'deep-key-chain.yaml': {
    // `k: k: k: …` on one line: the YAML library's parser recursed on it until the stack overflowed.
    make: (f) => writeFileSync(f, HEAD + system('a', `    resilience: ${'resilience: '.repeat(3000)}x\n`)),
    expected: {errors: 1, code: 'yaml-syntax', words: TOO_DEEP},
  },
  'dashes-in-a-flow.yaml': {
    // `- - - …` inside a flow mapping: the same overflow, another shape.
    make: (f) => writeFileSync(f, HEAD + system('a', `    platform:\n      {\n      ${'- '.repeat(5000)}x\n      }\n`)),
    expected: {errors: 1, code: 'yaml-syntax', words: TOO_DEEP},
  },
  'dependencies-on-one-long-line.yaml': {
    make: (f) => writeFileSync(f, HEAD + system('a', `    dependencies: [${Array.from({length: 100000}, (_, i) => `d${i}`).join(', ')}]\n`)),
    expected: {errors: 1, at: '9:19', code: 'schema', words: ["'dependencies' has too many entries"]},
  },
  'key-over-1024-characters.yaml': {
    // The fast path once accepted it while YAML (and the exact path) refuse it.
    make: (f) => writeFileSync(f, HEAD + system('a', `    x-${'k'.repeat(2000)}: 1\n`)),
    expected: {errors: 1, at: '9:5', code: 'yaml-syntax', words: ['more than 1024 characters']},
  },
  'broken-13mb-line.yaml': {
    // A one-line JSON inventory broken early, repeated: the YAML library made an error object per
    // token after the first mistake (millions), and the file took minutes to reject.
    make: (f) => writeFileSync(f, Array.from({length: Math.ceil((13 * MiB) / BROKEN_JSON.length)}, () => BROKEN_JSON).join(' ')),
    expected: {errors: 1, at: `1:${BROKEN_JSON.indexOf('%') + 1}`, code: 'too-large', words: ['too big for the full YAML reader (2 MiB at most)', 'or a mistake']},
  },
  'one-long-flow-8mb.yaml': {
    // Valid YAML 1.2 (a trailing comma in a flow), but outside the fast subset: the YAML library took
    // 33 s and 3.4 GB for it, and at 13 MB aborted Node (heap out of memory). Refused, saying where.
    make: (f) => writeFileSync(f, `${HEAD}  []
x-junk: [${'a, '.repeat((8 * MiB) / 3)}]
`),
    expected: {errors: 1, at: `6:${Math.floor((8 * MiB) / 3) * 3 + 10}`, code: 'too-large', words: ['a trailing comma in [ ]', '8.0 MiB']},
  },
  'anchors-in-a-3mb-file.yaml': {
    make: (f) => writeFileSync(f, HEAD + '  - &first\n    id: s0\n    name: S\n    criticality: low\n    hosting: saas\n' + Array.from({length: 30000}, (_, i) => system(`s${i + 1}`)).join('')),
    // Read on the fast path since anchors and aliases are (issue 17): a 3 MB file with one anchor was refused.
    expected: {errors: 'valid'},
  },
  'wrapped-lists-3mb.yaml': {
    // A dependency list wrapped over two lines, as people write a long one, in a file too big for the
    // library: read on the fast path (it was refused).
    make: (f) => writeFileSync(f, HEAD + Array.from({length: 30000}, (_, i) => `${system(`s${i}`)}${i > 1 ? `    dependencies: [s${i - 1},\n                   s${i - 2}]\n` : ''}`).join('')),
    expected: {errors: 'valid'},
  },
  'two-documents-3mb.yaml': {
    // Two inventories in one file, `---` between them and one after: two departments, on the fast path.
    make: (f) => writeFileSync(f, [0, 1].map((d) => HEAD.replace(/id: big/, `id: part${d}`) + Array.from({length: 15000}, (_, i) => system(`s${i}`)).join('')).join('---\n') + '---\n'),
    expected: {errors: 'valid'},
  },
  'compact-json-11mb.yaml': {
    // JSON as a program writes it (no spaces): valid, and read by the fast path however big.
    make: (f) => writeFileSync(f, JSON.stringify({apiVersion: 'cloudready/v1', kind: 'Inventory', department: {id: 'json', name: 'JSON'}, systems: Array.from({length: 60000}, (_, i) => ({id: `s${i}`, name: `System [${i}] {x}`, criticality: 'low', hosting: 'saas', dependencies: i > 0 ? [`s${i - 1}`] : []}))})),
    expected: {errors: 'valid'},
  },
}

describe('hostile inputs made at test time', () => {
  const tmp = tempDir('hostile')

  beforeAll(() => {
    mkdirSync(tmp.dir, {recursive: true})
    for (const [name, g] of Object.entries(GENERATED)) g.make(path.join(tmp.dir, name))
  })

  afterAll(tmp.remove)

  it.each(Object.entries(GENERATED))('%s', async (name, g) => {
    await throughAllThree(name, name, tmp.dir, g.expected, g.flags)
  })
})

describe('prototype keys never reach a prototype', () => {
  it('every hostile file through load, validate, assess and plan in-process leaves Object.prototype as it was', async () => {
    const before = Object.getOwnPropertyNames(Object.prototype).sort()
    for (const name of Object.keys(GALLERY)) {
      const result = await runPlan({paths: [path.join(ROOT, HOSTILE, name)], config: false, asOf: AS_OF, version: 'test'})
      expect(result.planReport).toBeDefined()
    }
    expect(Object.getOwnPropertyNames(Object.prototype).sort()).toEqual(before)
    const probe = {} as Record<string, unknown>
    for (const key of ['polluted', 'isAdmin', 'criticality', 'os']) expect(probe[key], key).toBeUndefined()
  })

  it('__proto__ in an x- key is plain data of that system', async () => {
    const result = await runPlan({paths: [path.join(ROOT, HOSTILE, 'proto-x-keys.yaml')], config: false, asOf: AS_OF, version: 'test'})
    const system = result.estate.systems.get('proto/a')!.system as unknown as Record<string, unknown>
    expect(Object.getPrototypeOf(system)).toBe(Object.prototype)
    expect(Object.getPrototypeOf(system['x-__proto__'])).toBe(Object.prototype)
    expect(system['x-__proto__']).toEqual({polluted: true})
    expect(result.estate.systems.has('proto/constructor')).toBe(true)
  })
})
