import {readFileSync} from 'node:fs'
import path from 'node:path'

import type {Ajv as AjvInstance, ValidateFunction} from 'ajv'
import AjvModule from 'ajv-draft-04'
import addFormatsModule from 'ajv-formats'
import {afterAll, beforeAll, describe, expect, it} from 'vitest'

import {artifactLocation, format, pascalCase} from '../../src/formatters/ci/sarif.js'
import {ROOT} from '../helpers/cli.js'
import {auditExamples, auditReport, cli, copyExample, CTX, HOSTILE, HOSTILE_INVENTORY, INVALID_INVENTORY, prepend, tempDir, validateReport} from './helpers.js'

// ajv-draft-04 and ajv-formats are CommonJS: under ESM the export may sit one `default` deeper.
const Ajv = ((AjvModule as unknown as {default?: unknown}).default ?? AjvModule) as unknown as new (options: object) => AjvInstance
const addFormats = ((addFormatsModule as unknown as {default?: unknown}).default ?? addFormatsModule) as unknown as (ajv: AjvInstance) => void

interface SarifResult {
  ruleId: string
  ruleIndex: number
  level: string
  message: {text: string}
  locations: Array<{physicalLocation: {artifactLocation: {uri: string; uriBaseId?: string}; region: {startLine: number; startColumn: number}}; logicalLocations?: Array<{fullyQualifiedName: string; kind: string}>}>
  partialFingerprints: Record<string, string>
}
interface SarifRule {
  id: string
  name: string
  helpUri?: string
  help: {text: string; markdown: string}
  defaultConfiguration: {level: string}
  properties: {category: string; tags: string[]; 'security-severity'?: string}
}
interface Sarif {
  $schema: string
  version: string
  runs: Array<{
    tool: {driver: {name: string; version: string; rules: SarifRule[]}}
    results: SarifResult[]
    invocations: Array<{executionSuccessful: boolean}>
    originalUriBaseIds: Record<string, unknown>
    properties: Record<string, unknown>
  }>
}

/** The official OASIS schema (draft-04), compiled once. */
const validateSarif: ValidateFunction = (() => {
  const ajv = new Ajv({strict: false, unicodeRegExp: false, allErrors: true})
  addFormats(ajv)
  return ajv.compile(JSON.parse(readFileSync(path.join(ROOT, 'test/fixtures/schemas/sarif-schema-2.1.0.json'), 'utf8')))
})()

function parse(text: string): Sarif {
  const sarif = JSON.parse(text) as Sarif
  const ok = validateSarif(sarif)
  expect(ok ? [] : validateSarif.errors).toEqual([])
  return sarif
}

/** The invariants every SARIF log of ours keeps, whatever the input. */
function checkRun(sarif: Sarif) {
  expect(sarif.version).toBe('2.1.0')
  expect(sarif.runs).toHaveLength(1)
  const [run] = sarif.runs
  expect(run.tool.driver.name).toBe('cloudready')
  expect(run.invocations[0].executionSuccessful).toBe(true)
  expect(run.originalUriBaseIds).toHaveProperty(['%SRCROOT%'])
  const rules = run.tool.driver.rules
  expect(new Set(rules.map((r) => r.id)).size).toBe(rules.length)
  for (const r of run.results) {
    expect(rules[r.ruleIndex].id).toBe(r.ruleId)
    expect(['error', 'warning', 'note']).toContain(r.level)
    expect(r.partialFingerprints['cloudready/v1']).toMatch(/^[0-9a-f]{64}$/)
    const loc = r.locations[0].physicalLocation
    expect(loc.region.startLine).toBeGreaterThanOrEqual(1)
    expect(loc.region.startColumn).toBeGreaterThanOrEqual(1)
    expect(loc.artifactLocation.uri).not.toContain('\\')
  }
  for (const rule of rules) expect(['error', 'warning', 'note']).toContain(rule.defaultConfiguration.level)
  // A fingerprint names one result: GitHub would merge results that share one.
  const prints = run.results.map((r) => r.partialFingerprints['cloudready/v1'])
  expect(new Set(prints).size).toBe(prints.length)
  return run
}

describe('sarif: hand-made audit report', () => {
  const text = format(auditReport(), CTX)
  let run: Sarif['runs'][number]
  beforeAll(() => {
    run = checkRun(parse(text))
  })
  const byRule = (id: string) => run.results.filter((r) => r.ruleId === id)

  it('is valid SARIF 2.1.0, deterministic and colourless', () => {
    expect(format(auditReport(), CTX)).toBe(text)
    expect(text).not.toContain('\u001b')
    expect(text).not.toMatch(/\d{4}-\d\d-\d\dT\d\d:/)
    expect(run.properties).toMatchObject({asOf: '2026-11-27', deadline: '2023-12-31', failOn: 'high'})
    expect(run.tool.driver.version).toBe('9.8.7')
  })

  it('describes every rule that ran, from its meta', () => {
    const rules = run.tool.driver.rules
    expect(rules.map((r) => r.id)).toEqual(['sec-rule', 'plat-rule', 'medium-rule', 'low-rule', 'info-rule', 'unused-rule', 'my-custom', 'external-dependency'])
    const plat = rules[1]
    expect(plat).toMatchObject({name: 'PlatRule', helpUri: 'https://github.com/cloudready/cloudready#plat-rule', defaultConfiguration: {level: 'error'}, properties: {category: 'platform', tags: ['platform']}})
    expect(plat.help.text).toContain('Fix plat-rule')
    expect(plat.help.text).toContain('https://www.gov.uk/x_(y)')
    // Markdown from meta cannot inject markup; a URL with parentheses stays one link.
    expect(plat.help.markdown).toContain('[A \\[policy\\] \\<b\\>](https://www.gov.uk/x_%28y%29)')
    expect(plat.properties['security-severity']).toBeUndefined()
    expect(rules.find((r) => r.id === 'sec-rule')!.properties['security-severity']).toBe('9.0')
    expect(rules.find((r) => r.id === 'unused-rule')!.properties['security-severity']).toBe('5.0')
    expect(rules.find((r) => r.id === 'info-rule')!.defaultConfiguration.level).toBe('note')
    const custom = rules.find((r) => r.id === 'my-custom')!
    expect(custom.helpUri).toBeUndefined()
    expect(custom.properties.tags).toContain('custom')
    expect(rules.find((r) => r.id === 'external-dependency')!.defaultConfiguration.level).toBe('warning')
  })

  it('maps severities to error, warning and note, never info', () => {
    expect(byRule('sec-rule')[0].level).toBe('error')
    expect(byRule('plat-rule').map((r) => r.level)).toEqual(['error', 'error'])
    expect(byRule('medium-rule')[0].level).toBe('warning')
    expect(byRule('low-rule')[0].level).toBe('note')
    expect(byRule('info-rule')[0].level).toBe('note')
    expect(byRule('external-dependency')[0].level).toBe('warning')
  })

  it('keeps hostile text whole in message.text, prefixed by the system', () => {
    expect(byRule('plat-rule')[0].message.text).toBe(`hmrc/tax-calc: ${HOSTILE}`)
    expect(byRule('external-dependency')[0].message.text).toBe(`depends on dwp/x ${HOSTILE}`)
  })

  it('locates results relative to %SRCROOT% and names the system', () => {
    const [r] = byRule('sec-rule')
    expect(r.locations[0].physicalLocation).toEqual({artifactLocation: {uri: 'inv/hmrc.yaml', uriBaseId: '%SRCROOT%'}, region: {startLine: 12, startColumn: 7}})
    expect(r.locations[0].logicalLocations).toEqual([{fullyQualifiedName: 'hmrc/tax-calc', kind: 'object'}])
    expect(byRule('external-dependency')[0].locations[0].logicalLocations).toBeUndefined()
  })

  it('fingerprints ignore lines and columns but not the system or the place in it', () => {
    const base = auditReport()
    const moved = auditReport({systems: base.systems.map((s) => ({...s, findings: s.findings.map((f) => ({...f, line: f.line + 40, column: f.column + 2}))}))})
    const prints = (r: Sarif) => r.runs[0].results.map((x) => x.partialFingerprints['cloudready/v1']).sort()
    expect(prints(parse(format(moved, CTX)))).toEqual(prints(parse(text)))
    // The same finding in another system, or another file, is another alert.
    const other = auditReport({systems: base.systems.map((s) => ({...s, ref: 'hmrc/other', findings: s.findings.map((f) => ({...f, ref: 'hmrc/other'}))}))})
    const renamed = auditReport({systems: base.systems.map((s) => ({...s, findings: s.findings.map((f) => ({...f, file: 'inv/renamed.yaml'}))}))})
    const findingPrints = (r: Sarif) => r.runs[0].results.filter((x) => x.ruleId !== 'external-dependency').map((x) => x.partialFingerprints['cloudready/v1'])
    const mine = new Set(findingPrints(parse(text)))
    for (const p of [...findingPrints(parse(format(other, CTX))), ...findingPrints(parse(format(renamed, CTX)))]) expect(mine.has(p)).toBe(false)
  })
})

describe('sarif: hand-made validate report', () => {
  let run: Sarif['runs'][number]
  beforeAll(() => {
    run = checkRun(parse(format(validateReport(), CTX)))
  })

  it('has a rule per diagnostic code and the right levels', () => {
    expect(run.tool.driver.rules.map((r) => r.id)).toEqual(['external-dependency', 'schema', 'yaml-syntax'])
    expect(run.tool.driver.rules.map((r) => r.name)).toEqual(['ExternalDependency', 'Schema', 'YamlSyntax'])
    expect(run.results.map((r) => [r.ruleId, r.level])).toEqual([
      ['yaml-syntax', 'error'],
      ['schema', 'error'],
      ['external-dependency', 'warning'],
      ['schema', 'error'],
    ])
    expect(run.results[1].message.text).toBe(HOSTILE)
    expect(run.results[0].locations[0].physicalLocation.region).toEqual({startLine: 1, startColumn: 1})
    expect(run.properties).toMatchObject({command: 'validate', valid: false})
  })
})

describe('sarif: helpers', () => {
  it('turns paths into URIs', () => {
    expect(artifactLocation('examples/hmrc.yaml')).toEqual({uri: 'examples/hmrc.yaml', uriBaseId: '%SRCROOT%'})
    expect(artifactLocation('my dir\\a#b%c.yaml')).toEqual({uri: 'my%20dir/a%23b%25c.yaml', uriBaseId: '%SRCROOT%'})
    expect(artifactLocation('x:y/z.yaml').uri).toBe('x%3Ay/z.yaml')
    expect(artifactLocation('/srv/inv ok/a.yaml')).toEqual({uri: 'file:///srv/inv%20ok/a.yaml'})
    expect(artifactLocation('C:\\inv\\a.yaml')).toEqual({uri: 'file:///C:/inv/a.yaml'})
  })

  it('names rules in PascalCase', () => {
    expect(pascalCase('platform-end-of-support')).toBe('PlatformEndOfSupport')
    expect(pascalCase('data-dpia-missing')).toBe('DataDpiaMissing')
  })
})

describe('sarif: the CLI', () => {
  let tmp: ReturnType<typeof tempDir>
  beforeAll(() => {
    tmp = tempDir({'invalid.yaml': INVALID_INVENTORY, 'hostile.yaml': HOSTILE_INVENTORY})
    copyExample(tmp.dir, 'hmrc.yaml')
  })
  afterAll(() => tmp.remove())

  it('audits the examples: valid SARIF, one result per finding, exit 1', () => {
    const r = auditExamples('sarif')
    expect(r.code).toBe(1)
    expect(r.stderr).toBe('')
    const run = checkRun(parse(r.stdout))
    const json = JSON.parse(auditExamples('json').stdout) as {systems: Array<{ref: string; findings: unknown[]}>; warnings: unknown[]}
    const findings = json.systems.reduce((n, s) => n + s.findings.length, 0)
    expect(run.results).toHaveLength(findings + json.warnings.length)
    expect(run.results.filter((r) => r.locations[0].logicalLocations)).toHaveLength(findings)
    for (const res of run.results) expect(res.locations[0].physicalLocation.artifactLocation.uri).toMatch(/^examples\/[a-z-]+\.yaml$/)
    const rules = run.tool.driver.rules
    for (const rule of rules.filter((x) => x.properties.category === 'security')) expect(['9.0', '7.0', '5.0', '3.0']).toContain(rule.properties['security-severity'])
    expect(rules.find((x) => x.id === 'platform-end-of-support')!.helpUri).toBe('https://github.com/cloudready/cloudready#platform-end-of-support')
  })

  it('never colours, whatever the terminal says', () => {
    const r = cli(['audit', 'examples', '--as-of', '2026-11-27', '--format', 'sarif'], {env: {FORCE_COLOR: '3', NO_COLOR: ''}})
    expect(r.stdout).not.toContain('\u001b')
    expect(r.stderr).toBe('')
  })

  it('reports validation errors as valid SARIF, exit 2', () => {
    const r = cli(['validate', 'invalid.yaml', '--format', 'sarif'], {cwd: tmp.dir})
    expect(r.code).toBe(2)
    const run = checkRun(parse(r.stdout))
    expect(run.results.map((x) => [x.ruleId, x.level])).toEqual([
      ['schema', 'error'],
      ['schema', 'error'],
    ])
    expect(run.results[0].message.text).toContain('a%b,c:d <x>&"q" ]]> 🚀 \r\n::error::x')
    expect(run.results[0].locations[0].physicalLocation.artifactLocation).toEqual({uri: 'invalid.yaml', uriBaseId: '%SRCROOT%'})
  })

  it('keeps fingerprints when lines are inserted above, and tells systems apart', () => {
    const audit = () => checkRun(parse(cli(['audit', 'hmrc.yaml', 'hostile.yaml', '--as-of', '2026-11-27', '--format', 'sarif'], {cwd: tmp.dir}).stdout)).results
    const validate = () => checkRun(parse(cli(['validate', 'invalid.yaml', '--format', 'sarif'], {cwd: tmp.dir}).stdout)).results
    const key = (r: SarifResult) => `${r.ruleId} ${r.message.text}`
    const before = [...audit(), ...validate()]
    for (const f of ['hmrc.yaml', 'hostile.yaml', 'invalid.yaml']) prepend(path.join(tmp.dir, f), '# a comment\n\n\n')
    const after = [...audit(), ...validate()]
    expect(after.map(key)).toEqual(before.map(key))
    after.forEach((r, i) => {
      expect(r.locations[0].physicalLocation.region.startLine).toBe(before[i].locations[0].physicalLocation.region.startLine + 3)
      expect(r.partialFingerprints).toEqual(before[i].partialFingerprints)
    })
    // The same finding, word for word, in two systems: two fingerprints.
    const scarce = after.filter((r) => r.ruleId === 'people-scarce-skills' && r.locations[0].physicalLocation.artifactLocation.uri === 'hostile.yaml')
    expect(scarce.map((r) => r.locations[0].logicalLocations![0].fullyQualifiedName)).toEqual(['dvsa/tax-calc', 'dvsa/other'])
    expect(scarce[0].partialFingerprints['cloudready/v1']).not.toBe(scarce[1].partialFingerprints['cloudready/v1'])
    expect(scarce[0].message.text).toContain('100%, a:b <x>&"q" \'a\' ]]> 🚀 nul\u0000 esc\u001b[31m bell\u0007 \r\n::error::pwned')
  })
})
