/**
 * Injection-safe outputs: an inventory whose names, owners, suppliers, product names and skills carry
 * terminal escape sequences, other control characters, bidi overrides, spreadsheet formulas, pipes
 * and line breaks, HTML and workflow commands — and a companion with the same strings in the places
 * validation quotes them back (bad values, unknown keys, a file name) — through every format of
 * validate, audit and plan, via the built CLI.
 *
 * - terminal formats (stylish, table): no raw ESC, other control or bidi characters, and no line break
 *   that a value brings (a value cannot start a line of its own);
 * - CSV: parsed properly, every row whole, no cell a spreadsheet would run as a formula;
 * - Markdown: every table row one line with the header's number of cells;
 * - GitHub: one whole workflow command per result, no raw line break inside one, none injected;
 * - JSON and YAML: the exact strings come back; SARIF, GitLab: JSON; JUnit: well-formed XML;
 * - any other format (HTML): no raw `<script>` from the data and no raw ESC.
 *
 * YAML forbids raw control characters, so the inventory writes them as double-quoted escapes.
 */
import {mkdirSync, writeFileSync} from 'node:fs'
import path from 'node:path'

import {XMLValidator} from 'fast-xml-parser'
import {afterAll, beforeAll, describe, expect, it} from 'vitest'
import {parse as parseYaml} from 'yaml'

import {auditFormatters, planFormatters, validateFormatters} from '../../src/formatters/index.js'
import {cli, type RunResult, STACK_TRACE} from '../helpers/cli.js'
import {markdownCells, markdownTables, parseCsv} from '../helpers/formats.js'
import {tempDir} from './helpers.js'

const PAYLOADS = [
  '\x1b[2J\x1b[1;1HAll systems ready',
  '\x1b]8;;https://evil.example\x07click me\x1b]8;;\x07',
  '\x9b31mC1 CSI red',
  'evil\u202egnp.exe',
  'iso\u2066late\u2069d',
  'bell\x07del\x7fnul\x00',
  '=HYPERLINK("https://evil.example","click")',
  '+cmd|" /C calc"!A0',
  '-1+1',
  '@SUM(A1:A9)',
  '\tleading tab',
  '\rleading carriage return',
  'pipe | in | the | cell',
  'line one\nline two',
  '<script>alert(1)</script>',
  '%0A%0D encoded',
  '::error::injected annotation',
  'x\n::warning file=a.yaml,line=1::forged',
]

/** A YAML double-quoted scalar for any string: every character outside printable ASCII escaped. */
function dq(s: string): string {
  let out = '"'
  for (const ch of s) {
    const c = ch.codePointAt(0)!
    if (ch === '"' || ch === '\\') out += `\\${ch}`
    else if (c >= 0x20 && c < 0x7f) out += ch
    else if (c <= 0xff) out += `\\x${c.toString(16).padStart(2, '0')}`
    else out += `\\u${c.toString(16).padStart(4, '0')}`
  }
  return `${out}"`
}

const p = (i: number) => PAYLOADS[i % PAYLOADS.length]

/** Valid: every payload in every field that reaches an output. */
function hostileInventory(): string {
  const lines = ['apiVersion: cloudready/v1', 'kind: Inventory', `department: {id: evil, name: ${dq(`Dept ${p(6)} ${p(13)} ${p(0)}`)}}`, 'systems:']
  PAYLOADS.forEach((_, i) => {
    lines.push(
      `  - id: s${i}`,
      `    name: ${dq(p(i))}`,
      `    owner: ${dq(p(i + 1))}`,
      `    criticality: ${['critical', 'high', 'medium', 'low'][i % 4]}`,
      '    hosting: on-premises',
      '    platform:',
      `      os: {name: ${dq(p(i + 2).slice(0, 100))}, version: ${dq(p(i + 3).slice(0, 50))}}`,
      `      database: {name: ${dq(p(i + 4).slice(0, 100))}, version: "1"}`,
      `      runtime: {name: ${dq(p(i + 5).slice(0, 100))}, version: "8"}`,
      `    contracts: [{supplier: ${dq(p(i + 6))}, ends: 2030-01-01, break_clause: false}]`,
      `    skills: {scarce: [${dq(p(i + 7))}], in_house: none}`,
      `    x-notes: ${dq(p(i + 8))}`,
    )
    if (i > 0) lines.push(`    dependencies: [s${i - 1}]`)
  })
  return `${lines.join('\n')}\n`
}

/** Invalid: the payloads where validation quotes them back — a bad enum value and an unknown key. */
function hostileMistakes(): string {
  const lines = ['apiVersion: cloudready/v1', 'kind: Inventory', 'department: {id: wrong, name: Wrong}', 'systems:']
  PAYLOADS.forEach((payload, i) => {
    lines.push(`  - id: w${i}`, '    name: W', `    criticality: ${dq(payload)}`, '    hosting: on-premises', `    ${dq(p(i + 1))}: 1`)
  })
  return `${lines.join('\n')}\n`
}

// eslint-disable-next-line no-control-regex
const UNSAFE_ON_A_TERMINAL = /[\u0000-\u0008\u000b-\u001f\u007f-\u009f\u202a-\u202e\u2066-\u2069]/

const tmp = tempDir('injection')
/** A file name is data too: this one is a formula with a pipe and markup in it. */
const EVIL_FILE = '=HYPERLINK(1)|<b>x.yaml'
const inventory = path.join(tmp.dir, 'inventory')
const mistakes = path.join(tmp.dir, 'mistakes')

beforeAll(() => {
  mkdirSync(inventory)
  mkdirSync(mistakes)
  writeFileSync(path.join(inventory, EVIL_FILE), hostileInventory())
  writeFileSync(path.join(mistakes, 'mistakes.yaml'), hostileMistakes())
  // A line break in a file name: allowed on Linux, and a classic way to forge a log line.
  writeFileSync(path.join(mistakes, 'evil\n::error::forged.yaml'), 'not: [an inventory\n')
})

afterAll(tmp.remove)

const runs = new Map<string, RunResult>()

/** The CLI on the hostile inventory (audit, plan) or the mistakes (validate), once per command and format. */
function run(command: string, format: string): RunResult {
  const key = `${command} ${format}`
  if (!runs.has(key)) runs.set(key, runOnce(command, format))
  return runs.get(key)!
}

function runOnce(command: string, format: string): RunResult {
  const target = command === 'validate' ? 'mistakes' : 'inventory'
  const args = [command, target, '--format', format]
  if (command !== 'validate') args.push('--no-config', '--as-of', '2026-11-27')
  const r = cli(args, {cwd: tmp.dir, timeout: 60_000})
  expect(r.stderr).not.toMatch(STACK_TRACE)
  expect(r.stderr).not.toMatch(/internal error/)
  expect(r.code, r.stderr).toBe(command === 'validate' ? 2 : command === 'audit' ? 1 : 0)
  return r
}

/** Terminal text: no control or bidi characters, and each value's line break made visible. */
function expectTerminalSafe(text: string): void {
  const bad = UNSAFE_ON_A_TERMINAL.exec(text)
  expect(bad, bad ? `U+${bad[0].charCodeAt(0).toString(16)} at ${JSON.stringify(text.slice(Math.max(0, bad.index - 40), bad.index + 40))}` : '').toBeNull()
  for (const line of text.split('\n')) {
    expect(line.startsWith('line two'), line).toBe(false)
    expect(line.startsWith('::'), line).toBe(false)
  }
}

function expectCsvSafe(text: string): void {
  const rows = parseCsv(text)
  expect(rows.length).toBeGreaterThan(1)
  const width = rows[0].length
  for (const [r, row] of rows.entries()) {
    expect(row.length, `row ${r + 1}: ${JSON.stringify(row).slice(0, 200)}`).toBe(width)
    for (const cell of row) {
      const formula = /^[=+\-@\t\r]/.test(cell) && !/^-?\d+(\.\d+)?$/.test(cell)
      expect(formula, `row ${r + 1} cell ${JSON.stringify(cell)}`).toBe(false)
    }
  }
}

function expectMarkdownSafe(text: string): void {
  const tables = markdownTables(text)
  expect(tables.length).toBeGreaterThan(0)
  for (const table of tables) {
    const width = markdownCells(table[0]).length
    for (const row of table) expect(markdownCells(row).length, row).toBe(width)
  }
  for (const line of text.split('\n')) expect(line.startsWith('line two'), line).toBe(false)
  expect(text).not.toContain('<script>')
}

/** One workflow command per result (and a summary line), each whole on its line. */
function expectGithubSafe(text: string, results: number): void {
  const lines = text.split('\n').filter((l) => l !== '')
  const commands = lines.filter((l) => l.startsWith('::'))
  expect(commands).toHaveLength(results)
  expect(lines).toHaveLength(results + 1)
  for (const line of commands) {
    expect(line).toMatch(/^::(error|warning|notice) file=[^\s,]*,line=\d+,col=\d+,title=[^:]*::[^\r]*$/)
    const message = line.slice(line.indexOf('::', 2) + 2)
    // eslint-disable-next-line no-control-regex
    expect(message).not.toMatch(/[\r\n\x1b]/)
  }
}

describe('validate: the payloads quoted back in errors', () => {
  const formats = Object.keys(validateFormatters)

  it('has the formats this test knows', () => {
    expect(formats).toEqual(expect.arrayContaining(['stylish', 'json', 'csv', 'sarif', 'junit', 'github', 'gitlab']))
  })

  it.each(formats)('--format %s', (format) => {
    const r = run('validate', format)
    const json = JSON.parse(run('validate', 'json').stdout) as {errors: {message: string; file: string}[]; warnings: unknown[]}
    // Every payload reached a message: as a bad value (shortened past 60 characters) or as a key.
    expect(json.errors.filter((e) => e.file === 'mistakes/mistakes.yaml').length).toBe(2 * PAYLOADS.length)
    const out = r.stdout
    switch (format) {
      case 'stylish':
        expectTerminalSafe(out)
        break
      case 'csv':
        expectCsvSafe(out)
        break
      case 'github':
        expectGithubSafe(out, json.errors.length + json.warnings.length)
        break
      case 'junit':
        expect(XMLValidator.validate(out)).toBe(true)
        break
      case 'json': {
        const messages = json.errors.map((e) => e.message).join('\n')
        for (const payload of PAYLOADS) expect(messages).toContain(payload.length > 60 ? payload.slice(0, 57) : payload)
        expect(json.errors.map((e) => e.file)).toContain('mistakes/evil\n::error::forged.yaml')
        break
      }
      default:
        JSON.parse(out)
    }
  })
})

describe('audit and plan: the payloads in names, owners, suppliers, products and skills', () => {
  const cases = [...Object.keys(auditFormatters).map((f) => ['audit', f]), ...Object.keys(planFormatters).map((f) => ['plan', f])]

  it('has the formats this test knows', () => {
    expect(Object.keys(auditFormatters)).toEqual(expect.arrayContaining(['stylish', 'json', 'yaml', 'markdown', 'csv', 'sarif', 'junit', 'github', 'gitlab']))
    expect(Object.keys(planFormatters)).toEqual(expect.arrayContaining(['table', 'json', 'yaml', 'markdown', 'csv']))
  })

  it.each(cases)('%s --format %s', (command, format) => {
    const out = run(command, format).stdout
    switch (format) {
      case 'stylish':
      case 'table':
        expectTerminalSafe(out)
        if (format === 'stylish') {
          // The payloads did reach the findings (the scarce skills), made visible.
          expect(out).toContain('\\x1b[2J')
          expect(out).toContain('line one\\x0aline two')
          expect(out).toContain('evil\\u202egnp.exe')
        }
        break
      case 'csv': {
        expectCsvSafe(out)
        const rows = parseCsv(out)
        const name = rows[0].indexOf('name')
        const names = new Set(rows.slice(1).map((r) => r[name]))
        for (const payload of PAYLOADS) expect(names.has(/^[=+\-@\t\r]/.test(payload) ? `'${payload}` : payload), JSON.stringify(payload)).toBe(true)
        break
      }
      case 'markdown':
        expectMarkdownSafe(out)
        break
      case 'github': {
        const audit = JSON.parse(run('audit', 'json').stdout) as {systems: {findings: unknown[]}[]; warnings: unknown[]}
        expectGithubSafe(out, audit.systems.reduce((n, s) => n + s.findings.length, 0) + audit.warnings.length)
        break
      }
      case 'junit':
        expect(XMLValidator.validate(out)).toBe(true)
        break
      case 'json':
      case 'yaml': {
        const data = (format === 'json' ? JSON.parse(out) : parseYaml(out)) as {systems: {id: string; name: string; findings?: {message: string}[]}[]}
        const byId = new Map(data.systems.map((s) => [s.id, s]))
        PAYLOADS.forEach((payload, i) => expect(byId.get(`s${i}`)?.name).toBe(payload))
        if (command === 'audit') {
          const messages = data.systems.flatMap((s) => s.findings!.map((f) => f.message)).join('\n')
          // A supplier and a scarce skill, exactly as written.
          expect(messages).toContain(`The ${p(6)} contract`)
          expect(messages).toContain(`Depends on scarce skills: ${p(7)}`)
        }
        break
      }
      case 'sarif':
      case 'gitlab':
        JSON.parse(out)
        break
      default:
        // A format this test does not know in detail (html): the data must not become markup or escapes.
        expect(out).not.toContain('<script>alert(1)</script>')
        expect(out).not.toContain('\x1b')
    }
  })
})
