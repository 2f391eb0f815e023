/**
 * `cloudready validate` and `cloudready schema` end to end, through the built CLI as a user runs
 * them: the bundled examples, every mistake in test/fixtures/invalid, hostile inputs, the command
 * line's own mistakes, output files, and the JSON contract (schemas/validate-result.schema.json).
 */
import {mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync} from 'node:fs'
import {tmpdir} from 'node:os'
import path from 'node:path'

import type * as AjvModule from 'ajv'
import Ajv2020Module from 'ajv/dist/2020.js'
import addFormatsModule from 'ajv-formats'
import {afterAll, beforeAll, describe, expect, it} from 'vitest'
import {parse as parseYaml} from 'yaml'

import {parseBuffer} from '../../src/core/load/index.js'
import {fastParse} from '../../src/core/load/fast-yaml.js'
import {PositionTable} from '../../src/core/load/positions.js'
import {validateDocuments} from '../../src/core/validate/index.js'
import type {cli} from '../helpers/cli.js'
import {cliRun, ROOT, type RunResult, STACK_TRACE, userLines} from '../helpers/cli.js'
import {filesUnder, sha} from '../helpers/files.js'

const INVALID = 'test/fixtures/invalid'
const VALID = 'test/fixtures/valid'

interface Entry {
  file: string
  line: number
  column: number
  pointer: string
  code: string
  message: string
}

interface ValidateJson {
  valid: boolean
  errors: Entry[]
  warnings: Entry[]
  files: string[]
}

// ajv and ajv-formats are CommonJS: under ESM the class may sit one `default` deeper.
type AjvInstance = AjvModule.default
const Ajv2020 = ((Ajv2020Module as unknown as {default?: unknown}).default ?? Ajv2020Module) as unknown as new (options: object) => AjvInstance
const addFormats = ((addFormatsModule as unknown as {default?: unknown}).default ?? addFormatsModule) as unknown as (ajv: AjvInstance, formats: string[]) => void

function strictAjv(): AjvInstance {
  const ajv = new Ajv2020({strict: true, allErrors: true, allowUnionTypes: true})
  addFormats(ajv, ['date'])
  return ajv
}

/** Every JSON report the runs in this file printed, checked against the result schema at the end. */
const outputs: {args: string[]; json: ValidateJson}[] = []

/** Runs `validate … --format json`, checks the run was clean (no stack trace, JSON on stdout) and returns the report. */
async function validateJson(args: string[], options: Parameters<typeof cli>[1] = {}): Promise<{run: RunResult; json: ValidateJson}> {
  const run = await cliRun(['validate', ...args, '--format', 'json'], options)
  expect(run.stderr, 'no stack trace on standard error').not.toMatch(STACK_TRACE)
  let json: ValidateJson
  try {
    json = JSON.parse(run.stdout) as ValidateJson
  } catch {
    throw new Error(`standard output is not JSON (exit ${run.code}):\n${run.stdout}\n${run.stderr}`)
  }
  expectShape(json)
  outputs.push({args, json})
  return {run, json}
}

/** `{valid, errors[], warnings[], files[]}`, and every entry with file, line, column, pointer, message. */
function expectShape(json: ValidateJson): void {
  expect(Object.keys(json).sort()).toEqual(['errors', 'files', 'valid', 'warnings'])
  expect(typeof json.valid).toBe('boolean')
  expect(json.valid).toBe(json.errors.length === 0)
  for (const e of [...json.errors, ...json.warnings]) {
    expect(typeof e.file).toBe('string')
    expect(e.file.length).toBeGreaterThan(0)
    expect(Number.isInteger(e.line) && e.line >= 1, `line of ${JSON.stringify(e)}`).toBe(true)
    expect(Number.isInteger(e.column) && e.column >= 1, `column of ${JSON.stringify(e)}`).toBe(true)
    expect(typeof e.pointer).toBe('string')
    expect(typeof e.code).toBe('string')
    expect(e.message.length).toBeGreaterThan(0)
  }
}

/** Standard error without Node's own process warnings (the test environment sets FORCE_COLOR and NODE_ENV). */

let tmp: string
/** Every input file these tests read, hashed before any run: none may change. */
const before = new Map<string, string>()

beforeAll(async () => {
  tmp = mkdtempSync(path.join(tmpdir(), 'cloudready-validate-'))
  for (const dir of ['examples', INVALID, VALID]) {
    for (const f of filesUnder(path.join(ROOT, dir))) before.set(f, sha(f))
  }
})

afterAll(async () => {
  if (tmp) rmSync(tmp, {recursive: true, force: true})
})

describe('validate examples', () => {
  it('exits 0 with the one warning: a dependency on a department that is not loaded', async () => {
    const run = await cliRun(['validate', 'examples'])
    expect(run.code, run.stderr).toBe(0)
    expect(run.stderr).not.toMatch(STACK_TRACE)
    expect(run.stdout).toContain('examples/home-office.yaml')
    expect(run.stdout).toMatch(/46:28\s+warning\s+system 'pnc' depends on 'dvla\/driver-record-service'/)
    expect(run.stdout).toMatch(/1 problem \(0 errors, 1 warning\) in 3 files/)
  })

  it('--format json prints {valid, errors[], warnings[], files[]}', async () => {
    const {run, json} = await validateJson(['examples'])
    expect(run.code).toBe(0)
    expect(json.valid).toBe(true)
    expect(json.errors).toEqual([])
    expect(json.files).toEqual(['examples/dwp.yaml', 'examples/hmrc.yaml', 'examples/home-office.yaml'])
    expect(json.warnings).toEqual([
      {
        file: 'examples/home-office.yaml',
        line: 46,
        column: 28,
        pointer: '/systems/0/dependencies/1',
        code: 'external-dependency',
        message: expect.stringContaining("depends on 'dvla/driver-record-service' in department 'dvla', which was not loaded"),
      },
    ])
  })

  it('--json is the same as --format json', async () => {
    const a = await cliRun(['validate', 'examples', '--json'])
    const b = await cliRun(['validate', 'examples', '--format', 'json'])
    expect(a.code).toBe(0)
    expect(a.stdout).toBe(b.stdout)
  })
})

/**
 * Every mistake in test/fixtures/invalid: where cloudready says it is (line:col, in the file named when
 * the fixture is a folder) and the words its one message must contain.
 */
const MISTAKES: Record<string, {at: string; words: string[]; file?: string}> = {
  'empty.yaml': {at: '1:1', words: ['empty', 'apiVersion, kind, department and systems']},
  'binary.yaml': {at: '1:4', words: ['binary file', 'NUL byte']},
  'utf16.yaml': {at: '1:1', words: ['UTF-16', 'save it as UTF-8']},
  'invalid-utf8.yaml': {at: '6:25', words: ['not valid UTF-8', '0x96', 'save the file as UTF-8']},
  'control-char.yaml': {at: '7:38', words: ['control character U+001B', 'not allowed']},
  'tab-indent.yaml': {at: '10:1', words: ['tab', 'indentation', 'only spaces']},
  'bad-indentation.yaml': {at: '8:6', words: ["'hosting' is indented more than the line above it", 'line it up']},
  'unquoted-colon.yaml': {at: '6:11', words: ["contains ': '", 'quotes', '"Land Register: England and Wales"']},
  'unclosed-bracket.yaml': {at: '9:19', words: ["starts with '['", 'is not closed', "end it with ']'"]},
  'duplicate-key.yaml': {at: '10:5', words: ["duplicate key 'criticality'", 'only once']},
  'unknown-alias.yaml': {at: '14:15', words: ['unknown alias *rhel7', 'no anchor &rhel7']},
  'block-scalar-indent.yaml': {at: '11:7', words: ["indented less than the text of the '|' value above it (line 9)"]},
  'block-scalar-text-on-header.yaml': {at: '9:16', words: ["text after '|' on the same line", 'starts on the next line']},
  'anchor-in-itself.yaml': {at: '11:16', words: ['the alias *platform is inside the value its anchor &platform names']},
  'merge-not-a-mapping.yaml': {at: '16:11', words: ['a merge key (<<) takes a mapping']},
  'unknown-tag.yaml': {at: '6:11', words: ['unsupported YAML tag !!python/object/apply:os.system', 'plain values only']},
  'alias-bomb.yaml': {at: '7:38', words: ['aliases expand to far more data', 'alias bomb', 'refused']},
  'deep-nesting.yaml': {at: '9:75', words: ['nested more than 64 levels', 'refused']},
  'root-is-list.yaml': {at: '1:1', words: ["root must be a mapping with apiVersion, kind, department and systems", 'got a list']},
  'wrong-api-version.yaml': {at: '1:13', words: ["'apiVersion' must be 'cloudready/v1'", "got 'cloudready/v2'"]},
  'wrong-kind.yaml': {at: '2:7', words: ["'kind' must be 'Inventory'", "got 'inventory'"]},
  'systems-not-a-list.yaml': {at: '5:3', words: ["'systems' must be a list", 'got a mapping']},
  'missing-required.yaml': {at: '9:5', words: ["system 'payments' is missing the required field 'hosting'"]},
  'unknown-field.yaml': {at: '13:7', words: ["system 'land-register'", "unknown field 'virtualized'", "did you mean 'virtualised'?"]},
  'proto-key.yaml': {at: '9:5', words: ["the key '__proto__' is not allowed"]},
  'bad-enum.yaml': {at: '13:14', words: ["system 'payments'", "'hosting' must be one of on-premises", "got 'cloud'"]},
  'bad-id.yaml': {at: '5:9', words: ["'id' must be lowercase letters, digits and hyphens", "got 'Land_Register'"]},
  'version-float.yaml': {at: '10:33', words: ["'platform.os.version' must be a string", 'quote it ("8.10")', 'read as the number 8.1']},
  'string-for-number.yaml': {at: '11:18', words: ["'data.volume_gb' must be a number", "got '1.2 TB'", 'without quotes, units']},
  'yes-for-boolean.yaml': {at: '11:22', words: ["'data.personal_data' must be true or false", "got 'yes'"]},
  'negative-users.yaml': {at: '8:12', words: ["'users' must be at least 0", '-25000']},
  'impossible-date.yaml': {at: '10:26', words: ["'security.last_health_check' must be a real date written YYYY-MM-DD", "got '2023-02-30'"]},
  'bad-date-format.yaml': {at: '12:20', words: ["'migration.target_date' must be a real date written YYYY-MM-DD", "got '31/12/2025'"]},
  'bad-dependency.yaml': {at: '9:20', words: ["dependency 'HMRC/self-assessment' must be a system id or department/id"]},
  'duplicate-dependency.yaml': {at: '9:38', words: ["'dependencies' lists 'payments' twice"]},
  'duplicate-system-id.yaml': {at: '13:9', words: ["duplicate system id 'land-register'", "department 'hmlr'", 'first used at line 5']},
  'unknown-dependency.yaml': {at: '9:30', words: ["depends on 'search-index'", "does not exist in department 'hmlr'"]},
  'self-dependency.yaml': {at: '11:9', words: ["system 'land-register' depends on itself"]},
  'duplicate-department': {
    at: '3:18',
    file: 'hmlr-wales.yaml',
    words: ["department 'hmlr' is already defined in test/fixtures/invalid/duplicate-department/hmlr-england.yaml:3:18"],
  },
}

describe('every mistake in test/fixtures/invalid', () => {
  it('has an expectation here and a description in mistakes.json', async () => {
    const onDisk = readdirSync(path.join(ROOT, INVALID), {withFileTypes: true})
      .filter((e) => e.isDirectory() || /\.ya?ml$/.test(e.name))
      .map((e) => e.name)
      .sort()
    expect(Object.keys(MISTAKES).sort()).toEqual(onDisk)
    const described = JSON.parse(readFileSync(path.join(ROOT, INVALID, 'mistakes.json'), 'utf8')) as Record<string, string>
    expect(Object.keys(described).filter((k) => k !== '$comment').sort()).toEqual(onDisk)
  })

  it('binary.yaml really holds NUL bytes, and utf16.yaml is UTF-16 with a byte order mark', async () => {
    expect(readFileSync(path.join(ROOT, INVALID, 'binary.yaml')).includes(0)).toBe(true)
    expect([...readFileSync(path.join(ROOT, INVALID, 'utf16.yaml')).subarray(0, 2)]).toEqual([0xff, 0xfe])
  })

  it.each(Object.entries(MISTAKES))('%s: exit 2, one message at the right line:col', async (name, expected) => {
    const target = `${INVALID}/${name}`
    const {run, json} = await validateJson([target], {timeout: 30_000})
    expect(run.code, run.stderr).toBe(2)
    expect(json.valid).toBe(false)
    expect(json.errors, JSON.stringify(json.errors, null, 2)).toHaveLength(1)
    expect(json.warnings).toEqual([])
    const [error] = json.errors
    expect(error.file).toBe(expected.file ? `${target}/${expected.file}` : target)
    expect(`${error.line}:${error.column}`).toBe(expected.at)
    for (const word of expected.words) expect(error.message).toContain(word)
  })

  it('shows file and line:col in the default (stylish) format too, with no stack trace', async () => {
    const run = await cliRun(['validate', `${INVALID}/version-float.yaml`])
    expect(run.code).toBe(2)
    expect(run.stderr).not.toMatch(STACK_TRACE)
    expect(run.stdout).toContain(`${INVALID}/version-float.yaml`)
    expect(run.stdout).toMatch(/10:33\s+error\s+system 'land-register': 'platform\.os\.version' must be a string/)
  })

  it('reports each file when several broken files are given at once', async () => {
    const {run, json} = await validateJson([`${INVALID}/bad-enum.yaml`, `${INVALID}/tab-indent.yaml`, `${INVALID}/empty.yaml`])
    expect(run.code).toBe(2)
    expect(json.errors.map((e) => `${e.file}:${e.line}:${e.column}`)).toEqual([
      `${INVALID}/bad-enum.yaml:13:14`,
      `${INVALID}/empty.yaml:1:1`,
      `${INVALID}/tab-indent.yaml:10:1`,
    ])
  })
})

/**
 * More YAML mistakes, in-process (no process per case): each is one message, in plain words, at the
 * place the mistake is rather than where the parser noticed it.
 */
const SYNTAX: [string, string, string, string[]][] = [
  ['a list never closed, at the end', 'a: 1\nb: [x, y\n', '2:4', ["list starts with '['", "end it with ']'"]],
  ['a flow mapping never closed', 'a:\n  - {id: x, name: y\n  - id: z\nb: 1\n', '2:5', ["mapping starts with '{'", "end it with '}'"]],
  ['a multi-line list not indented under its key', 'a:\n  b: [x,\n  y]\n', '2:6', ["list starts with '['", 'indent them more than its key']],
  ['"[" inside plain text is not a list', 'name: Land [North\nb: [x\n', '2:4', ["list starts with '['"]],
  ['an unterminated double quote', 'a: "abc\nb: 1\n', '1:4', ['quote (") that is never closed']],
  ["an unterminated single quote after it's", "name: it's\nb: 'x\n", '2:4', ["quote (') that is never closed"]],
  ['a key less indented than its siblings', 'a:\n    b: 1\n  c: 2\n', '3:1', ['not lined up with the keys before it']],
  ['a key with no colon', 'a: 1\nb\nc: 2\n', '2:1', ["'b' is not followed by ':'"]],
  ['one ] too many', 'a: [x, y]]\n', '1:10', ["unexpected ']'"]],
  ['a comment glued to a value', 'a: "x"#c\n', '1:7', ["a comment needs a space before its '#'"]],
  ['a value starting with @', 'a: @x\n', '1:4', ["cannot start with '@' unless it is quoted"]],
  ['a list item among keys', 'a: 1\n- b\n', '2:1', ["a list item ('- ') where a key was expected"]],
  ['a Windows path in double quotes', 'a: "C:\\Windows"\nb: 1\n', '1:7', ['invalid escape \\W', "'single quotes'"]],
  ['a quoted colon inside a plain value', 'a: He said "x: y"\n', '1:4', ["contains ': '", `'He said "x: y"'`]],
]

describe('YAML syntax messages', () => {
  it.each(SYNTAX)('%s', async (_name, text, at, words) => {
    const {document, diagnostics} = parseBuffer('x.yaml', Buffer.from(text))
    expect(document).toBeUndefined()
    expect(diagnostics.map((d) => d.message)).toHaveLength(1)
    const [d] = diagnostics
    expect(`${d.line}:${d.column}`, d.message).toBe(at)
    for (const word of words) expect(d.message).toContain(word)
  })

  it('reports every duplicate key, and a syntax error after them, but nothing the syntax error drags after it', async () => {
    const {diagnostics} = parseBuffer('x.yaml', Buffer.from('a: 1\na: 2\nb: 1\nb: 2\nc: [x\nd: 1\ne: f: g\n'))
    expect(diagnostics.map((d) => `${d.line}:${d.column} ${d.message.slice(0, 22)}`)).toEqual([
      "2:1 duplicate key 'a': eac",
      "4:1 duplicate key 'b': eac",
      "5:4 this list starts with ",
    ])
  })
})

describe('valid fixtures', () => {
  it.each(['bom-crlf.yaml', 'anchors.yaml', 'yaml11-directive.yaml'])('%s: exit 0, no problems', async (name) => {
    const {run, json} = await validateJson([`${VALID}/${name}`])
    expect(run.code, run.stdout).toBe(0)
    expect(json).toEqual({valid: true, errors: [], warnings: [], files: [`${VALID}/${name}`]})
  })

  it('external-reference.yaml: a dependency on a department not loaded is a warning, exit 0', async () => {
    const {run, json} = await validateJson([`${VALID}/external-reference.yaml`])
    expect(run.code).toBe(0)
    expect(json.errors).toEqual([])
    expect(json.warnings).toHaveLength(1)
    expect(json.warnings[0]).toMatchObject({line: 10, column: 35, pointer: '/systems/0/dependencies/1', code: 'external-dependency'})
    expect(json.warnings[0].message).toContain("'hmlr/land-register' in department 'hmlr', which was not loaded")
  })

  it('bom-crlf.yaml really has a BOM and CRLF line endings', async () => {
    const bytes = readFileSync(path.join(ROOT, VALID, 'bom-crlf.yaml'))
    expect([...bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf])
    expect(bytes.toString('utf8')).toContain('\r\n')
    expect(bytes.toString('utf8').replace(/\r\n/g, '')).not.toContain('\n')
  })

  it('yaml11-directive.yaml: under %YAML 1.1, no stays the string "no"', async () => {
    const text = readFileSync(path.join(ROOT, VALID, 'yaml11-directive.yaml'))
    expect(text.toString('utf8')).toMatch(/^%YAML 1\.1\n/)
    const {document} = parseBuffer('yaml11-directive.yaml', text)
    const systems = (document?.data as {systems: {skills: {scarce: unknown[]}}[]}).systems
    expect(systems[0].skills.scarce).toEqual(['cobol', 'no'])
  })

  it('anchors.yaml is read on the fast path, which resolves its aliases as the library does', async () => {
    const bytes = readFileSync(path.join(ROOT, VALID, 'anchors.yaml'))
    expect(fastParse(bytes, new PositionTable())).not.toBeNull()
    const {document} = parseBuffer('anchors.yaml', bytes)
    const [a, b] = (document?.data as {systems: {platform: unknown}[]}).systems
    expect(b.platform).toEqual(a.platform)
    expect(b.platform).toMatchObject({hardware: 'mainframe'})
  })

  it('the whole folder validates together, and the external reference resolves once its department is loaded', async () => {
    const {run, json} = await validateJson([VALID])
    expect(run.code).toBe(0)
    expect(json.files).toHaveLength(6)
    // external-reference.yaml names hmlr/land-register, which bom-crlf.yaml defines.
    expect(json.warnings).toEqual([])
  })
})

describe('inputs', () => {
  it('reads standard input for -', async () => {
    const input = readFileSync(path.join(ROOT, 'examples/home-office.yaml'))
    const {run, json} = await validateJson(['-'], {input})
    expect(run.code).toBe(0)
    expect(json.files).toEqual(['-'])
    expect(json.warnings.map((w) => w.file)).toContain('-')
  })

  it('reports a mistake on standard input with its line:col', async () => {
    const input = readFileSync(path.join(ROOT, INVALID, 'bad-enum.yaml'))
    const {run, json} = await validateJson(['-'], {input})
    expect(run.code).toBe(2)
    expect(json.errors).toHaveLength(1)
    expect(json.errors[0]).toMatchObject({file: '-', line: 13, column: 14})
  })

  it('a missing path: exit 2, naming it', async () => {
    const run = await cliRun(['validate', 'no/such/inventory.yaml'])
    expect(run.code).toBe(2)
    expect(run.stderr).not.toMatch(STACK_TRACE)
    expect(run.stdout).toContain('no/such/inventory.yaml')
    expect(run.stdout).toContain('no such file or folder')
  })

  it('a folder with no YAML in it: exit 2, saying so', async () => {
    const dir = path.join(tmp, 'no-yaml')
    mkdirSync(dir)
    writeFileSync(path.join(dir, 'notes.txt'), 'not an inventory\n')
    const {run, json} = await validateJson([dir])
    expect(run.code).toBe(2)
    expect(json.errors).toHaveLength(1)
    expect(json.errors[0].message).toContain('no *.yaml or *.yml files in this folder')
  })

  it('a file over --max-file-size: exit 2, naming the flag; under the default limit the same file is valid', async () => {
    const dir = path.join(tmp, 'big')
    mkdirSync(dir)
    const systems: string[] = []
    let size = 0
    for (let i = 0; size < 2 * 1024 * 1024; i++) {
      const s = `  - id: system-${i}\n    name: Generated system ${i}\n    owner: Estate team ${i % 40}\n    criticality: ${['critical', 'high', 'medium', 'low'][i % 4]}\n    users: ${i * 10}\n    hosting: on-premises\n    platform:\n      os: {name: rhel, version: "7"}\n      hardware: x86\n`
      systems.push(s)
      size += s.length
    }
    const file = path.join(dir, 'big.yaml')
    writeFileSync(file, `apiVersion: cloudready/v1\nkind: Inventory\ndepartment: {id: big, name: A Big Department}\nsystems:\n${systems.join('')}`)
    expect(statSync(file).size).toBeGreaterThan(2 * 1024 * 1024)

    const {run, json} = await validateJson([file, '--max-file-size', '1'])
    expect(run.code).toBe(2)
    expect(json.errors).toHaveLength(1)
    expect(json.errors[0].message).toContain('--max-file-size')
    expect(json.errors[0].message).toMatch(/2\.0 MiB, over the 1\.0 MiB limit/)

    expect((await validateJson([file])).run.code).toBe(0)
  })
})

describe('the command line', () => {
  it('a bad --format: exit 2, a short message and no stack trace', async () => {
    const run = await cliRun(['validate', 'examples', '--format', 'nope'])
    expect(run.code).toBe(2)
    expect(run.stdout).toBe('')
    expect(run.stderr).not.toMatch(STACK_TRACE)
    expect(run.stderr).toMatch(/nope/)
    expect(run.stderr).toMatch(/stylish/)
    expect(userLines(run.stderr).length, run.stderr).toBeLessThanOrEqual(2)
  })

  it('an unknown flag: exit 2, no stack trace', async () => {
    const run = await cliRun(['validate', 'examples', '--fromat', 'json'])
    expect(run.code).toBe(2)
    expect(run.stderr).not.toMatch(STACK_TRACE)
    expect(run.stderr).toContain('--fromat')
  })
})

describe('output files', () => {
  it('-o writes the output to the file, nothing to standard output', async () => {
    const out = path.join(tmp, 'result.json')
    const run = await cliRun(['validate', 'examples', '--format', 'json', '-o', out])
    expect(run.code).toBe(0)
    expect(run.stdout).toBe('')
    const json = JSON.parse(readFileSync(out, 'utf8')) as ValidateJson
    expectShape(json)
    expect(json.valid).toBe(true)
    expect(readdirSync(tmp).filter((f) => f.endsWith('.tmp'))).toEqual([])
  })

  it('-o refuses to write over an input file: exit 2, the input untouched', async () => {
    const dir = path.join(tmp, 'overwrite')
    mkdirSync(dir)
    const input = path.join(dir, 'hmrc.yaml')
    writeFileSync(input, readFileSync(path.join(ROOT, 'examples/hmrc.yaml')))
    const hash = sha(input)

    const named = await cliRun(['validate', input, '-o', input])
    expect(named.code).toBe(2)
    expect(named.stderr).toContain('refusing to write the output over an input file')
    expect(named.stderr).not.toMatch(STACK_TRACE)
    expect(sha(input)).toBe(hash)

    // The input found inside a folder given on the command line is an input too.
    const inFolder = await cliRun(['validate', dir, '-o', input])
    expect(inFolder.code).toBe(2)
    expect(inFolder.stderr).toContain('refusing to write the output over an input file')
    expect(sha(input)).toBe(hash)
  })
})

describe('hostile input', () => {
  it('deeply nested documents, several in one run, do not crash Node', async () => {
    const dir = path.join(tmp, 'deep')
    mkdirSync(dir)
    const head = 'apiVersion: cloudready/v1\nkind: Inventory\ndepartment: {id: deep, name: Deep}\nsystems: []\n'
    writeFileSync(path.join(dir, 'a-flow-lists.yaml'), `${head}x-a: ${'['.repeat(100_000)}${']'.repeat(100_000)}\n`)
    writeFileSync(path.join(dir, 'b-flow-maps.yaml'), `${head}x-b: ${'{a: '.repeat(50_000)}1${'}'.repeat(50_000)}\n`)
    writeFileSync(path.join(dir, 'c-block-lists.yaml'), `${head}x-c:\n  ${'- '.repeat(50_000)}x\n`)
    writeFileSync(path.join(dir, 'd-unclosed.yaml'), `${head}x-d: ${'['.repeat(200_000)}\n`)
    const {run, json} = await validateJson([dir], {timeout: 60_000})
    expect(run.code, run.stderr).toBe(2)
    expect(json.errors.map((e) => path.basename(e.file))).toEqual(['a-flow-lists.yaml', 'b-flow-maps.yaml', 'c-block-lists.yaml', 'd-unclosed.yaml'])
    for (const e of json.errors) expect(e.message).toContain('nested more than 64 levels')
  })

  it('an alias bomb ends promptly with exit 2 (a hang guard, not a benchmark)', async () => {
    // Ten more levels than the fixture: 10^19 values if anything expanded them.
    const levels = Array.from({length: 20}, (_, i) => `x-${i}: &a${i} [${Array.from({length: 10}, () => (i === 0 ? 'lol' : `*a${i - 1}`)).join(', ')}]`)
    const input = `apiVersion: cloudready/v1\nkind: Inventory\ndepartment: {id: bomb, name: Bomb}\n${levels.join('\n')}\nsystems: []\n`
    const {run, json} = await validateJson(['-'], {input, timeout: 30_000})
    expect(run.code).toBe(2)
    expect(json.errors).toHaveLength(1)
    expect(json.errors[0].message).toContain('alias bomb')
  })

  it('__proto__ and constructor keys are reported, where they are', async () => {
    const input = [
      'apiVersion: cloudready/v1',
      'kind: Inventory',
      'department: {id: hmlr, name: HM Land Registry, __proto__: {polluted: true}}',
      'constructor: {prototype: {polluted: true}}',
      'systems:',
      '  - id: land-register',
      '    name: Land Register',
      '    criticality: critical',
      '    hosting: on-premises',
      '    platform: {constructor: x}',
      '',
    ].join('\n')
    const {run, json} = await validateJson(['-'], {input})
    expect(run.code).toBe(2)
    const at = json.errors.map((e) => `${e.line}:${e.column} ${e.pointer}`)
    expect(at).toEqual(['3:48 /department/__proto__', '4:1 /constructor', '10:16 /systems/0/platform/constructor'])
    for (const e of json.errors) expect(e.message).toMatch(/the key '(__proto__|constructor)' is not allowed/)
  })

  it('__proto__ and constructor keys never reach a prototype, on either parsing path', async () => {
    const fixture = readFileSync(path.join(ROOT, INVALID, 'proto-key.yaml'))
    const flowAndBlock = Buffer.from('__proto__: {isAdmin: true}\nconstructor: {prototype: {isAdmin: true}}\nx: &a {__proto__: {isAdmin: true}}\ny: *a\n')
    for (const exactOnly of [false, true]) {
      for (const bytes of [fixture, flowAndBlock]) {
        const {document, diagnostics} = parseBuffer('x.yaml', bytes, {exactOnly})
        expect(diagnostics).toEqual([])
        await validateDocuments([document!])
        const data = document!.data as Record<string, unknown>
        expect(Object.getPrototypeOf(data)).toBe(Object.prototype)
      }
    }
    const probe = {} as Record<string, unknown>
    expect(probe.isAdmin).toBeUndefined()
    expect(Object.prototype).not.toHaveProperty('isAdmin')
    expect(Object.prototype).not.toHaveProperty('polluted')
  })
})

describe('big inventories', () => {
  it('schema errors past the first thousand systems keep their own pointer and line (validated a chunk at a time)', async () => {
    const head = 'apiVersion: cloudready/v1\nkind: Inventory\ndepartment: {id: big, name: Big}\nsystems:\n'
    const wrong = new Set([0, 999, 1000, 1001, 2499])
    const systems = Array.from({length: 2500}, (_, i) => `  - id: s${i}\n    name: S ${i}\n    criticality: ${wrong.has(i) ? 'very-high' : 'low'}\n    hosting: on-premises\n`)
    const {document} = parseBuffer('big.yaml', Buffer.from(head + systems.join('')))
    const {diagnostics} = await validateDocuments([document!])
    const errors = diagnostics.filter((d) => d.severity === 'error')
    // Each system takes 4 lines after the 4-line head; criticality is its third line.
    expect(errors.map((e) => `${e.pointer} ${e.line}`)).toEqual([...wrong].map((i) => `/systems/${i}/criticality ${4 + 4 * i + 3}`))
    expect(errors[3].message).toBe("system 's1001': 'criticality' must be one of critical, high, medium, low — got 'very-high'")
  })
})

describe('schema', () => {
  it('prints a JSON Schema that compiles with ajv (2020-12, strict) and that every example passes', async () => {
    const run = await cliRun(['schema'])
    expect(run.code).toBe(0)
    expect(run.stderr).not.toMatch(STACK_TRACE)
    const schema = JSON.parse(run.stdout) as {$schema: string}
    expect(schema.$schema).toBe('https://json-schema.org/draft/2020-12/schema')
    expect(schema).toEqual(JSON.parse(readFileSync(path.join(ROOT, 'schemas/inventory.schema.json'), 'utf8')))
    const validate = strictAjv().compile(schema)
    const examples = readdirSync(path.join(ROOT, 'examples')).filter((f) => f.endsWith('.yaml'))
    expect(examples.length).toBeGreaterThan(0)
    for (const f of examples) {
      const data: unknown = parseYaml(readFileSync(path.join(ROOT, 'examples', f), 'utf8'))
      expect(validate(data), `${f}: ${JSON.stringify(validate.errors)}`).toBe(true)
    }
  })
})

describe('schemas/validate-result.schema.json', () => {
  let validate: AjvModule.ValidateFunction
  beforeAll(async () => {
    validate = strictAjv().compile(JSON.parse(readFileSync(path.join(ROOT, 'schemas/validate-result.schema.json'), 'utf8')) as object)
  })

  it.each([
    ['examples', ['examples']],
    ['an invalid fixture', [`${INVALID}/unknown-field.yaml`]],
    ['a missing file', ['no/such/file.yaml']],
  ])('describes the output for %s', async (_name, args) => {
    const run = await cliRun(['validate', ...args, '--format', 'json'])
    const json: unknown = JSON.parse(run.stdout)
    expect(validate(json), JSON.stringify(validate.errors, null, 2)).toBe(true)
  })

  it('describes every JSON report printed by the tests above', async () => {
    for (const {args, json} of outputs) expect(validate(json), `${args.join(' ')}: ${JSON.stringify(validate.errors, null, 2)}`).toBe(true)
  })

  it('rejects a report missing a key or with an entry missing its place', async () => {
    expect(validate({valid: true, errors: [], files: []})).toBe(false)
    expect(validate({valid: false, errors: [{file: 'a.yaml', line: 1, pointer: '', code: 'schema', message: 'x'}], warnings: [], files: ['a.yaml']})).toBe(false)
  })
})

describe('inputs afterwards', () => {
  it('no input file was modified by any run above', async () => {
    for (const [file, hash] of before) expect(sha(file), path.relative(ROOT, file)).toBe(hash)
  })
})

describe('the whole file fixed in one run', () => {
  const write = (name: string, text: string) => {
    const f = path.join(tmp, name)
    writeFileSync(f, text)
    return f
  }

  it('a skeleton with only apiVersion: every missing field at once', async () => {
    const {run, json} = await validateJson([write('skeleton.yaml', 'apiVersion: cloudready/v1\n')])
    expect(run.code).toBe(2)
    expect(json.errors.map((e) => e.message)).toEqual(["the inventory is missing the required field 'department'", "the inventory is missing the required field 'kind'", "the inventory is missing the required field 'systems'"])
  })

  it("a system's missing fields all at once, and an unknown dependency beside the schema errors", async () => {
    const f = write(
      'half-done.yaml',
      'apiVersion: cloudready/v1\nkind: Inventory\ndepartment: {id: d, name: D}\nsystems:\n  - id: a\n    name: A\n    criticality: lowish\n    hosting: saas\n    dependencies: [zzz, b]\n  - id: b\n',
    )
    const {json} = await validateJson([f])
    expect(json.errors.map((e) => `${e.line}:${e.column} ${e.message}`)).toEqual([
      "7:18 system 'a': 'criticality' must be one of critical, high, medium, low — got 'lowish'",
      "9:20 system 'a' depends on 'zzz', which does not exist in department 'd'",
      "10:5 system 'b' is missing the required field 'criticality'",
      "10:5 system 'b' is missing the required field 'hosting'",
      "10:5 system 'b' is missing the required field 'name'",
    ])
  })

  it('thousands separators: in a flow mapping (the commas split the number into fields) and in a block (a string)', async () => {
    const head = 'apiVersion: cloudready/v1\nkind: Inventory\ndepartment: {id: d, name: D}\nsystems:\n  - id: a\n    name: A\n    criticality: low\n    hosting: saas\n'
    const flow = await validateJson([write('flow.yaml', `${head}    costs: {annual_run_gbp: 1,200,000}\n`)])
    expect(flow.json.errors.map((e) => `${e.line}:${e.column} ${e.message}`)).toEqual([
      "9:31 system 'a': '200' is part of the number 1,200,000: inside { } the commas of a thousands separator split it into fields — write 1200000, without separators",
    ])
    const block = await validateJson([write('block.yaml', `${head}    costs:\n      annual_run_gbp: 1,200,000\n`)])
    expect(block.json.errors.map((e) => e.message)).toEqual(["system 'a': 'costs.annual_run_gbp' must be a number — got '1,200,000': YAML has no thousands separators, write 1200000"])
  })
})
