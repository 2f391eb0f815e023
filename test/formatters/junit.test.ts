import {XMLParser, XMLValidator} from 'fast-xml-parser'
import {afterAll, beforeAll, describe, expect, it} from 'vitest'

import {format, stripIllegalXml, xmlAttr, xmlText} from '../../src/formatters/ci/junit.js'
import {auditExamples, auditReport, cli, CTX, HOSTILE, HOSTILE_INVENTORY, INVALID_INVENTORY, tempDir, validateReport} from './helpers.js'

interface Testcase {
  classname: string
  name: string
  file: string
  line?: string
  failure?: {type: string; message: string; '#text': string}
  'system-out'?: string
}
interface Suite {
  name: string
  tests: string
  failures: string
  errors: string
  properties?: {property: Array<{name: string; value: string}>}
  testcase?: Testcase[]
}
interface Junit {
  testsuites: {name: string; tests: string; failures: string; errors: string; testsuite: Suite[]}
}

const parser = new XMLParser({
  ignoreAttributes: false,
  attributeNamePrefix: '',
  htmlEntities: true,
  trimValues: false,
  parseTagValue: false,
  parseAttributeValue: false,
  isArray: (name) => ['testsuite', 'testcase', 'property'].includes(name),
})

/** Parses a JUnit report and checks what holds for any: well-formed, counts that add up. */
function parse(xml: string): Junit {
  expect(XMLValidator.validate(xml)).toBe(true)
  expect(xml.startsWith('<?xml version="1.0" encoding="UTF-8"?>\n')).toBe(true)
  // eslint-disable-next-line no-control-regex
  expect(xml).not.toMatch(/[\u0000-\u0008\u000b\u000c\u000e-\u001f\ufffe\uffff]/)
  const junit = parser.parse(xml) as Junit
  const root = junit.testsuites
  expect(root.name).toBe('cloudready')
  const suites = root.testsuite
  let tests = 0
  let failures = 0
  for (const s of suites) {
    const cases = s.testcase ?? []
    expect(Number(s.tests)).toBe(cases.length)
    expect(Number(s.failures)).toBe(cases.filter((c) => c.failure).length)
    expect(s.errors).toBe('0')
    tests += cases.length
    failures += Number(s.failures)
  }
  expect(Number(root.tests)).toBe(tests)
  expect(Number(root.failures)).toBe(failures)
  expect(root.errors).toBe('0')
  return junit
}

const cases = (j: Junit) => j.testsuites.testsuite.flatMap((s) => s.testcase ?? [])

describe('junit: hand-made audit report', () => {
  const xml = format(auditReport(), CTX)
  let junit: Junit
  beforeAll(() => {
    junit = parse(xml)
  })

  it('has a suite per file, even one with nothing in it', () => {
    expect(junit.testsuites.testsuite.map((s) => [s.name, s.tests, s.failures])).toEqual([
      ['inv/hmrc.yaml', '7', '2'],
      ['inv/empty dept.yaml', '0', '0'],
    ])
    expect(junit.testsuites.testsuite[0].properties!.property).toEqual([
      {name: 'asOf', value: '2026-11-27'},
      {name: 'deadline', value: '2023-12-31'},
      {name: 'failOn', value: 'high'},
    ])
    expect(format(auditReport(), CTX)).toBe(xml)
  })

  it('has a testcase per system and rule, and one passing testcase for a system with no finding', () => {
    const names = cases(junit).map((c) => `${c.classname} ${c.name} ${c.failure ? 'fail' : 'pass'}`)
    expect(names).toEqual([
      'hmrc/tax-calc info-rule pass',
      'hmrc/tax-calc low-rule pass',
      'hmrc/tax-calc medium-rule pass',
      'hmrc/tax-calc plat-rule fail',
      'hmrc/tax-calc sec-rule fail',
      'hmrc/quiet cloudready pass',
      'inv/hmrc.yaml external-dependency pass',
    ])
  })

  it('fails at or above --fail-on and lists the rest in system-out', () => {
    const plat = cases(junit).find((c) => c.name === 'plat-rule')!
    expect(plat.failure!.type).toBe('plat-rule')
    expect(plat.failure!.message).toBe(`${stripIllegalXml(HOSTILE)} (and 1 more)`)
    expect(plat.failure!['#text'].split('\n').filter((l) => l.startsWith('high '))).toHaveLength(2)
    const medium = cases(junit).find((c) => c.name === 'medium-rule')!
    expect(medium['system-out']).toBe('medium inv/hmrc.yaml:16:7 hmrc/tax-calc: finding of medium-rule (/systems/0/platform/os)')
    expect(cases(junit).find((c) => c.name === 'cloudready')!['system-out']).toBeUndefined()
  })

  it('round-trips hostile text, minus the characters XML 1.0 cannot hold', () => {
    const plat = cases(junit).find((c) => c.name === 'plat-rule')!
    expect(plat.failure!['#text']).toContain(`hmrc/tax-calc: ${stripIllegalXml(HOSTILE)} (/systems/0/platform/os/version)`)
    expect(stripIllegalXml(HOSTILE)).toBe('100% sure: a, b <script>&amp;"q" \'a\' ]]> \r\n::error::pwned 🚀 nul esc[31m bell tab\t del\u007f ok')
    const warning = cases(junit).find((c) => c.name === 'external-dependency')!
    expect(warning['system-out']).toContain(`depends on dwp/x ${stripIllegalXml(HOSTILE)}`)
  })

  it('follows --fail-on', () => {
    const failing = (failOn: 'critical' | 'info' | 'none') =>
      cases(parse(format(auditReport({failOn}), CTX)))
        .filter((c) => c.failure)
        .map((c) => c.name)
    expect(failing('critical')).toEqual(['sec-rule'])
    expect(failing('info')).toEqual(['info-rule', 'low-rule', 'medium-rule', 'plat-rule', 'sec-rule'])
    expect(failing('none')).toEqual([])
  })
})

describe('junit: hand-made validate report', () => {
  it('has a suite per file, every error failing, a passing testcase for a valid file', () => {
    const junit = parse(format(validateReport(), CTX))
    expect(junit.testsuites.testsuite.map((s) => [s.name, s.tests, s.failures])).toEqual([
      ['inv/a.yaml', '3', '2'],
      ['inv/b.yaml', '1', '0'],
    ])
    expect(junit.testsuites.testsuite[0].properties).toBeUndefined()
    expect(cases(junit).map((c) => `${c.classname} ${c.name} ${c.failure ? 'fail' : 'pass'}`)).toEqual([
      'inv/a.yaml external-dependency pass',
      'inv/a.yaml schema fail',
      'inv/a.yaml yaml-syntax fail',
      'inv/b.yaml cloudready pass',
    ])
    const schema = cases(junit)[1]
    expect(schema.failure!.message).toBe(`${stripIllegalXml(HOSTILE)} (and 1 more)`)
    expect(schema.failure!['#text']).toBe(`error inv/a.yaml:3:5 ${stripIllegalXml(HOSTILE)} (/systems/0/x)\nerror inv/a.yaml:9:5 also bad (/systems/1/x)`)
  })
})

describe('junit: escaping', () => {
  it('escapes markup and keeps CR, LF and tab through a parser', () => {
    expect(xmlText('a&b<c>d"e\'f]]>\r\n')).toBe('a&amp;b&lt;c&gt;d&quot;e&apos;f]]&gt;&#13;\n')
    expect(xmlAttr('x\r\n\ty')).toBe('x&#13;&#10;&#9;y')
  })

  it('strips what XML 1.0 cannot hold, and keeps emoji', () => {
    expect(stripIllegalXml('a\u0000b\u0001c\u000bd\u001fe\ufffef\uffffg\ud800h\udc00i🚀\t\n\r')).toBe('abcdefghi🚀\t\n\r')
    expect(stripIllegalXml('\ud83d')).toBe('')
  })
})

describe('junit: the CLI', () => {
  let tmp: ReturnType<typeof tempDir>
  beforeAll(() => {
    tmp = tempDir({'invalid.yaml': INVALID_INVENTORY, 'hostile.yaml': HOSTILE_INVENTORY})
  })
  afterAll(() => tmp.remove())

  it('audits the examples: every system is a classname, failures as --fail-on says', () => {
    const r = auditExamples('junit')
    expect(r.code).toBe(1)
    const junit = parse(r.stdout)
    const json = JSON.parse(auditExamples('json').stdout) as {files: string[]; systems: Array<{ref: string; findings: Array<{rule: string; severity: string}>}>}
    expect(junit.testsuites.testsuite.map((s) => s.name)).toEqual(json.files)
    const classnames = new Set(cases(junit).map((c) => c.classname))
    for (const s of json.systems) expect(classnames.has(s.ref)).toBe(true)
    const failingPairs = new Set(json.systems.flatMap((s) => s.findings.filter((f) => ['critical', 'high'].includes(f.severity)).map((f) => `${s.ref} ${f.rule}`)))
    expect(Number(junit.testsuites.failures)).toBe(failingPairs.size)
    expect(new Set(cases(junit).filter((c) => c.failure).map((c) => `${c.classname} ${c.name}`))).toEqual(failingPairs)
  })

  it('carries hostile findings through', () => {
    const r = cli(['audit', 'hostile.yaml', '--as-of', '2026-11-27', '--format', 'junit'], {cwd: tmp.dir})
    const scarce = cases(parse(r.stdout)).filter((c) => c.name === 'people-scarce-skills')
    expect(scarce.map((c) => c.classname).sort()).toEqual(['dvsa/other', 'dvsa/tax-calc'])
    expect(scarce[0]['system-out']).toContain('100%, a:b <x>&"q" \'a\' ]]> 🚀 nul esc[31m bell \r\n::error::pwned')
  })

  it('reports validation errors, exit 2', () => {
    const r = cli(['validate', 'invalid.yaml', '--format', 'junit'], {cwd: tmp.dir})
    expect(r.code).toBe(2)
    const junit = parse(r.stdout)
    expect(junit.testsuites.failures).toBe('1')
    const [schema] = cases(junit)
    expect(schema.failure!.message).toContain('a%b,c:d <x>&"q" ]]> 🚀 \r\n::error::x')
    expect(schema.failure!.message).toContain('(and 1 more)')
  })
})
