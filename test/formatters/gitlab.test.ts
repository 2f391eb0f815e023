import {afterAll, beforeAll, describe, expect, it} from 'vitest'

import {format} from '../../src/formatters/ci/gitlab.js'
import {auditExamples, auditReport, cli, CTX, HOSTILE, HOSTILE_INVENTORY, INVALID_INVENTORY, tempDir, validateReport} from './helpers.js'

interface Issue {
  description: string
  check_name: string
  fingerprint: string
  severity: string
  location: {path: string; lines: {begin: number}}
  categories?: string[]
}

const SEVERITIES = ['info', 'minor', 'major', 'critical', 'blocker']

/** Parses a Code Quality report and checks every issue has what GitLab needs. */
function parse(text: string): Issue[] {
  expect(text).not.toContain('\u001b')
  const issues = JSON.parse(text) as Issue[]
  expect(Array.isArray(issues)).toBe(true)
  for (const i of issues) {
    expect(typeof i.description).toBe('string')
    expect(i.check_name).toMatch(/^[a-z0-9-]+$/)
    expect(i.fingerprint).toMatch(/^[0-9a-f]{64}$/)
    expect(SEVERITIES).toContain(i.severity)
    expect(typeof i.location.path).toBe('string')
    expect(Number.isInteger(i.location.lines.begin) && i.location.lines.begin >= 1).toBe(true)
  }
  // GitLab compares base and head by fingerprint: two issues must never share one.
  expect(new Set(issues.map((i) => i.fingerprint)).size).toBe(issues.length)
  return issues
}

describe('gitlab: hand-made reports', () => {
  it('maps audit severities and keeps hostile text', () => {
    const issues = parse(format(auditReport(), CTX))
    expect(issues.map((i) => [i.check_name, i.severity])).toEqual([
      ['sec-rule', 'blocker'],
      ['plat-rule', 'critical'],
      ['plat-rule', 'critical'],
      ['medium-rule', 'major'],
      ['low-rule', 'minor'],
      ['info-rule', 'info'],
      ['external-dependency', 'minor'],
    ])
    expect(issues[1].description).toBe(`hmrc/tax-calc: ${HOSTILE}`)
    expect(issues[0]).toMatchObject({categories: ['Security'], location: {path: 'inv/hmrc.yaml', lines: {begin: 12}}})
    expect(format(auditReport(), CTX)).toBe(format(auditReport(), CTX))
  })

  it('maps validation errors to blocker and warnings to minor', () => {
    const issues = parse(format(validateReport(), CTX))
    expect(issues.map((i) => [i.check_name, i.severity, i.location.lines.begin])).toEqual([
      ['yaml-syntax', 'blocker', 1],
      ['schema', 'blocker', 3],
      ['external-dependency', 'minor', 7],
      ['schema', 'blocker', 9],
    ])
    expect(issues[1].description).toBe(HOSTILE)
  })

  it('prints an empty array when there is nothing to report', () => {
    expect(format({valid: true, files: ['a.yaml'], errors: [], warnings: []}, CTX)).toBe('[]\n')
  })
})

describe('gitlab: the CLI', () => {
  let tmp: ReturnType<typeof tempDir>
  beforeAll(() => {
    tmp = tempDir({'invalid.yaml': INVALID_INVENTORY, 'hostile.yaml': HOSTILE_INVENTORY})
  })
  afterAll(() => tmp.remove())

  it('reports every finding of the examples, a fingerprint per rule, file and system', () => {
    const r = auditExamples('gitlab')
    expect(r.code).toBe(1)
    const issues = parse(r.stdout)
    const json = JSON.parse(auditExamples('json').stdout) as {systems: Array<{ref: string; findings: Array<{rule: string; file: string}>}>; warnings: unknown[]}
    expect(issues).toHaveLength(json.systems.reduce((n, s) => n + s.findings.length, 0) + json.warnings.length)
    // Each (rule, file, system) key has its own fingerprints, shared with no other key.
    const owner = new Map<string, string>()
    for (const i of issues) {
      const ref = i.description.split(': ')[0]
      const key = `${i.check_name} ${i.location.path} ${ref}`
      expect(owner.get(i.fingerprint) ?? key).toBe(key)
      owner.set(i.fingerprint, key)
    }
  })

  it('tells two systems with the same finding apart, and reports validation errors', () => {
    const issues = parse(cli(['audit', 'hostile.yaml', '--as-of', '2026-11-27', '--format', 'gitlab'], {cwd: tmp.dir}).stdout)
    const scarce = issues.filter((i) => i.check_name === 'people-scarce-skills')
    expect(scarce).toHaveLength(2)
    expect(scarce[0].description).toContain('100%, a:b <x>&"q" \'a\' ]]> 🚀 nul\u0000 esc\u001b[31m bell\u0007 \r\n::error::pwned')
    const r = cli(['validate', 'invalid.yaml', '--format', 'gitlab'], {cwd: tmp.dir})
    expect(r.code).toBe(2)
    expect(parse(r.stdout).map((i) => [i.check_name, i.severity, i.location.path])).toEqual([
      ['schema', 'blocker', 'invalid.yaml'],
      ['schema', 'blocker', 'invalid.yaml'],
    ])
  })
})
