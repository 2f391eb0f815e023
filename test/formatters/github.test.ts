import {afterAll, beforeAll, describe, expect, it} from 'vitest'

import {escapeData, escapeProperty, format, visible} from '../../src/formatters/ci/github.js'
import type {ValidateReport} from '../../src/formatters/types.js'
import {auditExamples, auditReport, cli, CTX, HOSTILE, HOSTILE_INVENTORY, INVALID_INVENTORY, tempDir, validateReport} from './helpers.js'

/** The runner's side of @actions/core's escaping (ActionCommand.UnescapeValue), in one pass. */
const UNESCAPE: Record<string, string> = {'%25': '%', '%0D': '\r', '%0A': '\n', '%3A': ':', '%2C': ','}
const unescapeData = (s: string) => s.replace(/%(25|0D|0A)/g, (m) => UNESCAPE[m])
const unescapeProperty = (s: string) => s.replace(/%(25|0D|0A|3A|2C)/g, (m) => UNESCAPE[m])

interface Command {
  command: string
  props: Record<string, string>
  message: string
}

/** Parses a workflow command line as the runner does: `::name k=v,k=v::data`. */
function parseCommand(line: string): Command {
  const m = /^::([a-z]+) ([^:]*)::(.*)$/s.exec(line)
  expect(m, line).not.toBeNull()
  const props = Object.fromEntries(
    m![2].split(',').map((kv) => {
      const i = kv.indexOf('=')
      return [kv.slice(0, i), unescapeProperty(kv.slice(i + 1))]
    }),
  )
  return {command: m![1], props, message: unescapeData(m![3])}
}

/** Splits the output into commands and the summary line, checking no command spans two lines. */
function parse(text: string): {commands: Command[]; summary: string} {
  expect(text.endsWith('\n')).toBe(true)
  for (const c of ['\r', '\u001b', '\u0000']) expect(text).not.toContain(c)
  const lines = text.slice(0, -1).split('\n')
  const summary = lines.pop()!
  expect(summary).toMatch(/^cloudready (audit|validate): /)
  return {commands: lines.map(parseCommand), summary}
}

describe('github: hand-made audit report', () => {
  const text = format(auditReport(), CTX)

  it('writes one command per result, then a plain summary line', () => {
    const {commands, summary} = parse(text)
    expect(commands.map((c) => [c.command, c.props.title])).toEqual([
      ['error', 'sec-rule (critical)'],
      ['error', 'plat-rule (high)'],
      ['error', 'plat-rule (high)'],
      ['warning', 'medium-rule (medium)'],
      ['notice', 'low-rule (low)'],
      ['notice', 'info-rule (info)'],
      ['warning', 'external-dependency (warning)'],
    ])
    expect(commands[0].props).toEqual({file: 'inv/hmrc.yaml', line: '12', col: '7', title: 'sec-rule (critical)'})
    expect(summary).toBe('cloudready audit: 6 findings (1 critical, 2 high, 1 medium, 1 low, 1 info) in 2 systems from 2 files; 3 at or above --fail-on high; 1 warning')
  })

  it('round-trips hostile text through the runner\'s unescaping, controls made visible', () => {
    const {commands} = parse(text)
    expect(commands[1].message).toBe(visible(`hmrc/tax-calc: ${HOSTILE}`))
    expect(commands[1].message).toBe('hmrc/tax-calc: 100% sure: a, b <script>&amp;"q" \'a\' ]]> \r\n::error::pwned 🚀 nul\\x00 esc\\x1b[31m bell\\x07 tab\t del\\x7f ok')
    expect(commands[6].message).toBe(visible(`depends on dwp/x ${HOSTILE}`))
  })

  it('escapes properties, so a file name cannot add or end one', () => {
    const report: ValidateReport = {...validateReport(), errors: [{...validateReport().errors[0], file: 'we,ird:na%me\r\n.yaml'}], warnings: []}
    const {commands} = parse(format(report, CTX))
    expect(commands[0].props.file).toBe('we,ird:na%me\r\n.yaml')
    expect(Object.keys(commands[0].props)).toEqual(['file', 'line', 'col', 'title'])
    expect(escapeProperty('a:b,c%d\re\nf')).toBe('a%3Ab%2Cc%25d%0De%0Af')
    expect(escapeData('a:b,c%d\re\nf')).toBe('a:b,c%25d%0De%0Af')
  })

  it('says so when there is nothing to report', () => {
    expect(format(auditReport({systems: [], warnings: []}), CTX)).toBe('cloudready audit: 0 findings (0 critical, 0 high, 0 medium, 0 low, 0 info) in 0 systems from 2 files; 0 at or above --fail-on high\n')
    expect(format({valid: true, files: ['a.yaml'], errors: [], warnings: []}, CTX)).toBe('cloudready validate: 1 file valid\n')
  })
})

describe('github: hand-made validate report', () => {
  it('writes errors as errors and warnings as warnings', () => {
    const {commands, summary} = parse(format(validateReport(), CTX))
    expect(commands.map((c) => [c.command, c.props.title, c.props.line, c.props.col])).toEqual([
      ['error', 'yaml-syntax (error)', '1', '1'],
      ['error', 'schema (error)', '3', '5'],
      ['warning', 'external-dependency (warning)', '7', '5'],
      ['error', 'schema (error)', '9', '5'],
    ])
    expect(commands[1].message).toBe(visible(HOSTILE))
    expect(summary).toBe('cloudready validate: 3 errors, 1 warning in 2 files')
  })
})

describe('github: the CLI', () => {
  let tmp: ReturnType<typeof tempDir>
  beforeAll(() => {
    tmp = tempDir({'invalid.yaml': INVALID_INVENTORY, 'hostile.yaml': HOSTILE_INVENTORY})
  })
  afterAll(() => tmp.remove())

  it('annotates every finding of the examples, one line each', () => {
    const r = auditExamples('github')
    expect(r.code).toBe(1)
    const {commands, summary} = parse(r.stdout)
    const json = JSON.parse(auditExamples('json').stdout) as {summary: {bySeverity: Record<string, number>}; systems: Array<{findings: Array<{severity: string}>}>; warnings: unknown[]}
    const findings = json.systems.flatMap((s) => s.findings)
    expect(commands).toHaveLength(findings.length + json.warnings.length)
    const level = (s: string) => ({critical: 'error', high: 'error', medium: 'warning', low: 'notice', info: 'notice'})[s]
    const expected: Record<string, number> = {}
    for (const f of findings) expected[level(f.severity)!] = (expected[level(f.severity)!] ?? 0) + 1
    expected.warning = (expected.warning ?? 0) + json.warnings.length
    const got: Record<string, number> = {}
    for (const c of commands) got[c.command] = (got[c.command] ?? 0) + 1
    expect(got).toEqual(expected)
    const b = json.summary.bySeverity
    expect(summary).toContain(`(${b.critical} critical, ${b.high} high, ${b.medium} medium, ${b.low} low, ${b.info} info)`)
  })

  it('carries hostile findings and validation errors through', () => {
    const audit = parse(cli(['audit', 'hostile.yaml', '--as-of', '2026-11-27', '--format', 'github'], {cwd: tmp.dir}).stdout)
    const scarce = audit.commands.filter((c) => c.props.title === 'people-scarce-skills (medium)')
    expect(scarce).toHaveLength(2)
    expect(scarce[0].message).toContain('100%, a:b <x>&"q" \'a\' ]]> 🚀 nul\\x00 esc\\x1b[31m bell\\x07 \r\n::error::pwned')
    const r = cli(['validate', 'invalid.yaml', '--format', 'github'], {cwd: tmp.dir})
    expect(r.code).toBe(2)
    const validate = parse(r.stdout)
    expect(validate.commands.map((c) => [c.command, c.props.file])).toEqual([
      ['error', 'invalid.yaml'],
      ['error', 'invalid.yaml'],
    ])
    expect(validate.commands[0].message).toContain('a%b,c:d <x>&"q" ]]> 🚀 \r\n::error::x')
  })
})
