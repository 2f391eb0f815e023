import {spawnSync} from 'node:child_process'
import {mkdtempSync, readFileSync, rmSync, writeFileSync} from 'node:fs'
import {tmpdir} from 'node:os'
import {join} from 'node:path'
import {fileURLToPath} from 'node:url'
import Ajv2020Module from 'ajv/dist/2020.js'
import {afterAll, describe, expect, it} from 'vitest'
import {CloudreadyError} from '../../../src/core/errors.js'
import {
  addMonths, defaultLifecycle, extendedEndDate, hasEnded, isIsoDate, lifecycleAttribution, lifecycleSnapshot, LifecycleError,
  loadLifecycle, lookup, mainstreamEndDate, matchLabel, parseLifecycle, securityEndDate, supportEndsWithin, supportPhase,
  type LifecycleMatch, type LifecycleTable, type SupportPhase,
} from '../../../src/core/lifecycle/index.js'

const root = fileURLToPath(new URL('../../../', import.meta.url))
const table = defaultLifecycle()

function known(name: string, version?: string): Extract<LifecycleMatch, {status: 'known'}> {
  const match = lookup(table, {name, version})
  if (match.status !== 'known') throw new Error(`${name} ${version}: expected a known cycle, got ${JSON.stringify(match)}`)
  return match
}

function schemaValidator(): (data: unknown) => boolean {
  const Ajv2020 = ((Ajv2020Module as unknown as {default?: unknown}).default ?? Ajv2020Module) as new (options: object) => {compile(schema: object): (data: unknown) => boolean}
  const schema = JSON.parse(readFileSync(join(root, 'schemas/lifecycle.schema.json'), 'utf8')) as object
  return new Ajv2020({strict: true, allErrors: true, allowUnionTypes: true}).compile(schema)
}

describe('the shipped table', () => {
  it('loads once, lazily, from data/lifecycle.json', () => {
    expect(defaultLifecycle()).toBe(table)
    expect(lifecycleSnapshot(table)).toBe('2026-08-22')
    expect(Object.keys(table.products).length).toBeGreaterThanOrEqual(40)
  })

  it('credits endoflife.date and carries its MIT notice', () => {
    expect(table.source).toMatch(/endoflife\.date.*MIT.*Copyright 2020 endoflife\.date contributors/)
    expect(table.license).toMatch(/Permission is hereby granted/)
    expect(lifecycleAttribution(table)).toMatch(/^End-of-support dates: endoflife\.date .*; snapshot 2026-08-22\.$/)
    expect(table.notes).toMatch(/z\/OS/)
    expect(table.notes).toMatch(/COBOL/)
  })

  it('is valid against schemas/lifecycle.schema.json and parseLifecycle', () => {
    const text = readFileSync(join(root, 'data/lifecycle.json'), 'utf8')
    expect(schemaValidator()(JSON.parse(text))).toBe(true)
    expect(parseLifecycle(text, 'data/lifecycle.json')).toEqual(table)
  })

  it('maps eoas, eol and eoes to mainstream, security and extended ends', () => {
    expect(table.products.rhel!.cycles.find((row) => row[0] === '7')).toEqual(['7', '2014-06-10', '2019-08-06', '2024-06-30', '2029-05-31'])
    expect(table.products['oracle-solaris']!.cycles.find((row) => row[0] === '11.2')).toEqual(['11.2', '2014-04-29', null, true, null])
  })
})

describe('lookup: names and aliases', () => {
  const cases: Array<[name: string, version: string, productId: string]> = [
    ['rhel', '7', 'rhel'],
    ['RHEL', '7', 'rhel'],
    ['red-hat', '7', 'rhel'],
    ['redhat', '7', 'rhel'],
    ['Red Hat Enterprise Linux', '7', 'rhel'],
    ['red_hat_enterprise_linux', '7', 'rhel'],
    ['windows-server', '2016', 'windows-server'],
    ['Windows Server', '2016', 'windows-server'],
    ['windows', '2016', 'windows-server'],
    ['windows', '7', 'windows'],
    ['solaris', '10', 'oracle-solaris'],
    ['SunOS', '5.10', 'oracle-solaris'],
    ['suse', '12.5', 'sles'],
    ['sles', '12.5', 'sles'],
    ['db2', '11.5', 'ibm-db2'],
    ['sql-server', '2019', 'mssqlserver'],
    ['SQL Server', '2019', 'mssqlserver'],
    ['mssql', '2019', 'mssqlserver'],
    ['sqlserver', '2019', 'mssqlserver'],
    ['Microsoft SQL Server', '2019', 'mssqlserver'],
    ['oracle', '19', 'oracle-database'],
    ['oracle-db', '19', 'oracle-database'],
    ['postgres', '16', 'postgresql'],
    ['node', '20', 'nodejs'],
    ['nodejs', '20', 'nodejs'],
    ['Node.js', '20', 'nodejs'],
    ['java', '8', 'oracle-jdk'],
    ['jdk', '8', 'oracle-jdk'],
    ['openjdk', '8', 'red-hat-build-of-openjdk'],
    ['temurin', '17', 'eclipse-temurin'],
    ['dotnet-framework', '4.8', 'dotnetfx'],
    ['.NET Framework', '4.8', 'dotnetfx'],
    ['.net', '4.8', 'dotnetfx'],
    ['.net', '8', 'dotnet'],
    ['aix', '7.3.2', 'ibm-aix'],
    ['as400', '7.4', 'ibm-i'],
    ['esxi', '8.0', 'vmware-esxi'],
    ['jboss-eap', '7', 'red-hat-jboss-eap'],
    ['apache-tomcat', '9.0', 'tomcat'],
    ['exchange', '2016', 'msexchange'],
    // A version written into the name.
    ['rhel6', '', 'rhel'],
    ['win2k8', '', 'windows-server'],
    ['windows-server-2012-r2', '', 'windows-server'],
    ['ibm-db2-11.5', '', 'ibm-db2'],
    ['python3.8', '', 'python'],
  ]
  it.each(cases)('%s %s → %s', (name, version, productId) => {
    expect(known(name, version || undefined).productId).toBe(productId)
  })

  it.each(['zos', 'z/OS', 'cobol', 'COBOL', 'weblogic', 'ibm-db2-for-i', 'natural', 'jboss', 'vmware', ''])('"%s" is an unknown product', (name) => {
    expect(lookup(table, {name, version: '1'})).toEqual({status: 'unknown-product', product: name, version: '1'})
  })
})

describe('lookup: versions', () => {
  const matches: Array<[name: string, version: string, cycle: string]> = [
    ['rhel', '6.10', '6'],
    ['rhel', 'RHEL 7.9', '7'],
    ['rhel', '6.10 (Santiago)', '6'],
    ['centos', '7.9.2009', '7'],
    ['ubuntu', '18.04.6', '18.04'],
    ['ubuntu', '18.04.6 LTS', '18.04'],
    ['ubuntu', 'bionic', '18.04'],
    ['debian', 'buster', '10'],
    ['debian', '10.13', '10'],
    // The source has no bare 2008 or 2008 R2: each release is its last service pack.
    ['windows-server', '2008', '2008-sp2'],
    ['windows-server', '2008 R2', '2008-r2-sp1'],
    ['windows-server', '2008r2', '2008-r2-sp1'],
    ['windows-server', '2008-r2-sp1', '2008-r2-sp1'],
    ['windows-server', '2012', '2012'],
    ['windows-server', '2012 R2', '2012-r2'],
    ['windows-server', '2012-r2', '2012-r2'],
    ['windows-server', '2019 Datacenter', '2019'],
    ['windows-server', '2003', '2003-sp2'],
    ['windows-server', '2003 SP1', '2003-sp1'],
    ['windows-server', '1809', '1809-sac'],
    ['windows', 'XP', '5-sp3'],
    ['windows', '8.1', '8.1'],
    ['mssqlserver', '2008', '10.0-sp4'],
    ['mssqlserver', '2008 R2', '10.50-sp3'],
    ['mssqlserver', '2012', '11.0-sp4'],
    ['mssqlserver', '2012 SP2', '11.0-sp2'],
    ['mssqlserver', '2014', '12.0-sp3'],
    ['mssqlserver', '2016', '13.0-sp3'],
    ['mssqlserver', '2017', '14.0'],
    ['mssqlserver', '2019', '15.0'],
    ['mssqlserver', '2019 CU18', '15.0'],
    ['mssqlserver', '2022', '16.0'],
    ['mssqlserver', '2025', '17.0'],
    ['mssqlserver', '11.0.7001.0', '11.0-sp4'],
    ['mssqlserver', '10.50.6000.34', '10.50-sp3'],
    ['mssqlserver', '13.0-sp3-acp', '13.0-sp3-acp'],
    ['oracle-database', '11.2.0.4', '11.2'],
    ['oracle-database', '11g R2', '11.2'],
    ['oracle-database', '11gR2', '11.2'],
    ['oracle-database', '12c Release 1', '12.1'],
    ['oracle-database', '19c', '19'],
    ['oracle-database', '19.3.0.0', '19'],
    ['oracle-database', '26ai', '23'],
    ['java', '8', '8'],
    ['java', '1.8', '8'],
    ['java', '8u292', '8'],
    ['java', '1.8.0_292', '8'],
    ['java', '11.0.2', '11'],
    ['java', '17.0.9+9', '17'],
    ['java', '1.4.2', '1.4'],
    ['sles', '15 SP4', '15.4'],
    ['sles', '15.4', '15.4'],
    ['sles', '12', '12.5'],
    ['sles', '11 SP4', '11.4'],
    ['oracle-solaris', '10', '10'],
    ['oracle-solaris', '5.10', '10'],
    ['oracle-solaris', '10 1/13', '10'],
    ['oracle-solaris', '11', '11.4'],
    ['oracle-solaris', '11.3', '11.3'],
    ['oracle-solaris', '11.4.42', '11.4'],
    ['ibm-aix', '7.2', '7.2.5'],
    ['ibm-aix', '7.2 TL4', '7.2.4'],
    ['ibm-aix', '7200-04-02-2028', '7.2.4'],
    ['ibm-aix', '7.1', '7.1.5'],
    ['ibm-i', 'V7R3M0', '7.3'],
    ['vmware-esxi', '6.7u3', '6.7'],
    ['vmware-esxi', '7', '7.0'],
    ['dotnetfx', '3.5', '3.5-sp1'],
    ['dotnetfx', '4.7.2', '4.7.2'],
    ['dotnet', '6.0.25', '6'],
    ['nodejs', 'v14.17.0', '14'],
    ['python', '2.7.18', '2.7'],
    ['php', '5.6.40', '5.6'],
    ['tomcat', '9', '9.0'],
    ['tomcat', '7.0.109', '7'],
    ['mariadb', '10.11.5', '10.11'],
    ['mariadb', '10.1.48', '10.1'],
    ['ibm-db2', '10.5 FP11', '10.5'],
    ['msexchange', '2010 SP3', '2010'],
    ['red-hat-jboss-eap', '7.4', '7'],
  ]
  it.each(matches)('%s "%s" → cycle %s', (name, version, cycle) => {
    expect(known(name, version).cycle).toBe(cycle)
  })

  it('says when the dates are those of the latest service pack or level', () => {
    expect(known('mssqlserver', '2012').assumedLatestLevel).toBe(true)
    expect(known('mssqlserver', '2012 SP4').assumedLatestLevel).toBe(false)
    expect(known('ibm-aix', '7.2').assumedLatestLevel).toBe(true)
    expect(known('rhel', '7').assumedLatestLevel).toBe(false)
    expect(known('windows-server', '2012').assumedLatestLevel).toBe(false)
  })

  const unknown: Array<[name: string, version: string | undefined, reason: 'missing' | 'no-match' | 'ambiguous']> = [
    ['rhel', undefined, 'missing'],
    ['rhel', '', 'missing'],
    ['rhel', '   ', 'missing'],
    ['rhel', '3', 'no-match'],
    ['rhel', 'latest', 'no-match'],
    ['windows-server', '2003 R2', 'no-match'],
    ['windows-server', '2008 SP1', 'no-match'],
    ['mssqlserver', '2012 SP5', 'no-match'],
    ['mssqlserver', '2030', 'no-match'],
    ['sles', '15.8', 'no-match'],
    ['ibm-aix', '5.3', 'no-match'],
    ['nodejs', '0.10', 'no-match'],
    ['oracle-database', '11g', 'ambiguous'],
    ['oracle-database', '12c', 'ambiguous'],
    ['postgresql', '9', 'ambiguous'],
    ['mysql', '8', 'ambiguous'],
    ['tomcat', '8', 'ambiguous'],
    ['python', '3', 'ambiguous'],
    ['windows', '10', 'ambiguous'],
    ['.net', '2.0', 'ambiguous'],
    ['dotnetfx', '4.0.30319', 'ambiguous'],
  ]
  it.each(unknown)('%s %s is an unknown version (%s), never a guess', (name, version, reason) => {
    const match = lookup(table, {name, version})
    expect(match).toMatchObject({status: 'unknown-version', reason})
    expect(match.status === 'unknown-version' && match.detail).toBeTruthy()
  })

  it('names the candidates of an ambiguous version', () => {
    expect(lookup(table, {name: 'oracle', version: '11g'})).toMatchObject({
      status: 'unknown-version', productId: 'oracle-database', title: 'Oracle Database', category: 'database', version: '11g',
      detail: expect.stringContaining('11.2, 11.1'),
    })
  })

  it('gives the whole record of a known cycle', () => {
    expect(lookup(table, {name: 'Red Hat', version: '6.10'})).toEqual({
      status: 'known', productId: 'rhel', title: 'Red Hat Enterprise Linux', category: 'os', version: '6.10', cycle: '6',
      releaseDate: '2010-11-10', mainstreamEnd: '2016-05-10', securityEnd: '2020-11-30', extendedEnd: '2024-06-30', assumedLatestLevel: false,
    })
  })
})

describe('support phases', () => {
  const phases: Array<[name: string, version: string | undefined, asOf: string, phase: SupportPhase]> = [
    ['windows-server', '2008', '2026-11-27', 'unsupported'],
    ['windows-server', '2008 R2', '2022-06-01', 'extended-only'],
    ['windows-server', '2012 R2', '2023-10-10', 'mainstream-ended'],
    ['windows-server', '2012 R2', '2023-10-11', 'extended-only'],
    ['windows-server', '2012 R2', '2026-10-13', 'extended-only'],
    ['windows-server', '2012 R2', '2026-10-14', 'unsupported'],
    ['windows-server', '2022', '2026-01-01', 'supported'],
    ['rhel', '7', '2026-11-27', 'extended-only'],
    ['rhel', '8', '2026-11-27', 'mainstream-ended'],
    ['rhel', '9', '2026-11-27', 'supported'],
    ['mssqlserver', '2016', '2026-11-27', 'extended-only'],
    ['mssqlserver', '2014', '2026-11-27', 'extended-only'],
    ['mssqlserver', '2012', '2026-11-27', 'unsupported'],
    ['java', '8', '2026-11-27', 'extended-only'],
    ['ubuntu', '18.04', '2026-11-27', 'extended-only'],
    // Products without a mainstream date: supported until security support ends.
    ['postgresql', '14', '2026-11-12', 'supported'],
    ['postgresql', '14', '2026-11-13', 'unsupported'],
    // true: ended, date unknown; false: not ended.
    ['oracle-solaris', '11.2', '2026-11-27', 'unsupported'],
    ['ibm-aix', '7.2.5', '2026-11-27', 'supported'],
    ['dotnetfx', '4.8', '2026-11-27', 'supported'],
    ['zos', '2.4', '2026-11-27', 'unknown'],
    ['cobol', undefined, '2026-11-27', 'unknown'],
    ['rhel', undefined, '2026-11-27', 'unknown'],
  ]
  it.each(phases)('%s %s on %s: %s', (name, version, asOf, phase) => {
    expect(supportPhase(lookup(table, {name, version}), asOf)).toBe(phase)
  })

  it('is unknown when the security end is unknown', () => {
    const match = {...known('rhel', '7'), securityEnd: null}
    expect(supportPhase(match, '2026-11-27')).toBe('unknown')
  })

  it('gives end dates only when the source has a date', () => {
    const rhel7 = known('rhel', '7')
    expect([mainstreamEndDate(rhel7), securityEndDate(rhel7), extendedEndDate(rhel7)]).toEqual(['2019-08-06', '2024-06-30', '2029-05-31'])
    expect(securityEndDate(known('oracle-solaris', '11.2'))).toBeUndefined()
    expect(securityEndDate(known('ibm-aix', '7.2.5'))).toBeUndefined()
    expect(extendedEndDate(known('postgresql', '14'))).toBeUndefined()
    expect(securityEndDate(lookup(table, {name: 'zos', version: '2.4'}))).toBeUndefined()
  })

  const within: Array<[name: string, version: string, asOf: string, months: number, expected: boolean]> = [
    ['postgresql', '14', '2025-11-12', 12, true],
    ['postgresql', '14', '2025-11-11', 12, false],
    ['postgresql', '14', '2026-11-12', 12, true],
    ['postgresql', '14', '2026-11-13', 12, false],
    ['windows-server', '2016', '2026-06-01', 12, true],
    ['ibm-aix', '7.2.5', '2026-06-01', 12, false],
  ]
  it.each(within)('%s %s on %s: security support ends within %i months: %s', (name, version, asOf, months, expected) => {
    expect(supportEndsWithin(known(name, version), asOf, months)).toBe(expected)
  })

  it('checks other kinds of support too', () => {
    expect(supportEndsWithin(known('windows-server', '2016'), '2029-06-01', 12, 'extended')).toBe(true)
    expect(supportEndsWithin(known('rhel', '9'), '2026-06-01', 12, 'mainstream')).toBe(true)
    expect(supportEndsWithin(lookup(table, {name: 'zos'}), '2026-06-01', 12)).toBe(false)
  })

  it('reads an end as its last day', () => {
    expect(hasEnded('2020-01-14', '2020-01-14')).toBe(false)
    expect(hasEnded('2020-01-14', '2020-01-15')).toBe(true)
    expect(hasEnded(true, '2000-01-01')).toBe(true)
    expect(hasEnded(false, '2999-01-01')).toBe(false)
    expect(hasEnded(null, '2026-01-01')).toBeUndefined()
  })

  it('labels matches for messages', () => {
    // What was written, and the release it matched.
    expect(matchLabel(known('mssqlserver', '2012'))).toBe('Microsoft SQL Server 2012 (11.0 SP4)')
    expect(matchLabel(known('mssqlserver', '2014'))).toBe('Microsoft SQL Server 2014 (12.0 SP3)')
    expect(matchLabel(lookup(table, {name: 'oracle', version: '11g'}))).toBe('Oracle Database 11g')
    expect(matchLabel(lookup(table, {name: 'zos', version: '2.4'}))).toBe('zos 2.4')
  })
})

describe('dates', () => {
  it.each([
    ['2026-01-31', 1, '2026-02-28'],
    ['2024-01-31', 1, '2024-02-29'],
    ['2026-08-31', 6, '2027-02-28'],
    ['2026-11-27', 12, '2027-11-27'],
    ['2026-03-15', -3, '2025-12-15'],
  ])('%s + %i months = %s', (date, months, expected) => {
    expect(addMonths(date, months)).toBe(expected)
  })

  it.each([['2024-02-29', true], ['2023-02-29', false], ['2026-13-01', false], ['2026-1-01', false], ['2000-02-29', true], ['1900-02-29', false], [20260101, false]])('%s is a date: %s', (value, expected) => {
    expect(isIsoDate(value)).toBe(expected)
  })
})

describe('parseLifecycle: a newer table from --lifecycle', () => {
  const base = {
    formatVersion: 1,
    source: 'endoflife.date (https://endoflife.date), MIT licence',
    snapshot: '2027-01-01',
    products: {
      rhel: {title: 'Red Hat Enterprise Linux', category: 'os', aliases: ['redhat'], cycles: [['10', '2025-05-20', '2030-05-31', '2035-05-31', '2039-05-31']]},
      ubuntu: {title: 'Ubuntu', category: 'os', aliases: [], cycles: [['26.04', null, false, false, null]]},
    },
  }
  // Tests write broken tables on purpose, so the shape is whatever each change makes it.
  // eslint-disable-next-line @typescript-eslint/no-explicit-any
  type Loose = Record<string, any>
  const variant = (change: (data: Loose) => void): string => {
    const data = structuredClone(base) as Loose
    change(data)
    return JSON.stringify(data)
  }

  it('reads a valid table, and lookups use it', () => {
    const newer: LifecycleTable = parseLifecycle(JSON.stringify(base), 'newer.json')
    expect(lifecycleSnapshot(newer)).toBe('2027-01-01')
    expect(known('rhel', '10').securityEnd).toBe('2035-05-31')
    expect(lookup(newer, {name: 'redhat', version: '10.1'})).toMatchObject({status: 'known', cycle: '10', securityEnd: '2035-05-31'})
    expect(lookup(newer, {name: 'windows', version: '2019'}).status).toBe('unknown-product')
    expect(schemaValidator()(base)).toBe(true)
  })

  it('accepts a byte-order mark and x- keys', () => {
    expect(parseLifecycle(`\uFEFF${variant((d) => { d['x-built-by'] = 'me' })}`, 'newer.json').snapshot).toBe('2027-01-01')
  })

  const bad: Array<[what: string, text: string, message: RegExp, schemaAgrees: boolean]> = [
    ['not JSON', '{"formatVersion": 1,', /not valid JSON/, false],
    ['YAML', 'formatVersion: 1\nproducts: {}', /not valid JSON/, false],
    ['a list', '[]', /expected an object with "formatVersion".*found a list/, true],
    ['no formatVersion', variant((d) => { delete d.formatVersion }), /"formatVersion" is missing/, true],
    ['a later format', variant((d) => { d.formatVersion = 2 }), /"formatVersion" is 2; this cloudready reads format version 1/, true],
    ['no source', variant((d) => { d.source = '' }), /"source" must say where the facts come from/, true],
    ['a snapshot that is not a date', variant((d) => { d.snapshot = '22/08/2026' }), /"snapshot" must be the date.*"22\/08\/2026"/, true],
    ['a snapshot on 30 February', variant((d) => { d.snapshot = '2026-02-30' }), /"snapshot" must be the date/, false],
    ['an unknown key', variant((d) => { d.product = {} }), /unknown key "product"/, true],
    ['products as a list', variant((d) => { d.products = [] }), /"products" must be an object/, true],
    ['no products', variant((d) => { d.products = {} }), /"products" is empty/, true],
    ['a bad product id', variant((d) => { d.products['Red Hat'] = d.products.rhel }), /"Red Hat" is not a product id/, true],
    ['a wrong category', variant((d) => { d.products.rhel.category = 'operating-system' }), /products\.rhel\.category: expected one of os, database.*"operating-system"/, true],
    ['a missing title', variant((d) => { delete d.products.rhel.title }), /products\.rhel\.title: expected the product's name/, true],
    ['aliases as a string', variant((d) => { d.products.rhel.aliases = 'redhat' }), /products\.rhel\.aliases: expected a list of names/, true],
    ['an alias in capitals', variant((d) => { d.products.rhel.aliases = ['Red Hat'] }), /write "Red Hat" as "red-hat"/, true],
    ['an alias of two products', variant((d) => { d.products.ubuntu.aliases = ['redhat'] }), /products\.ubuntu\.aliases\[0\]: "redhat" already names product "rhel"/, false],
    ['an alias that is another id', variant((d) => { d.products.ubuntu.aliases = ['rhel'] }), /"rhel" already names product "rhel"/, false],
    ['no cycles', variant((d) => { d.products.rhel.cycles = [] }), /products\.rhel\.cycles: expected a non-empty list/, true],
    ['a short cycle', variant((d) => { d.products.rhel.cycles = [['10', null, null, null]] }), /products\.rhel\.cycles\[0\]: expected \[cycle, releaseDate.*found a list of 4/, true],
    ['a cycle as an object', variant((d) => { d.products.rhel.cycles = [{cycle: '10'}] }), /products\.rhel\.cycles\[0\]: expected \[cycle.*found an object/, true],
    ['a numeric cycle', variant((d) => { d.products.rhel.cycles[0][0] = 10 }), /cycles\[0\]\[0\]: expected a cycle name/, true],
    ['a cycle in capitals', variant((d) => { d.products.rhel.cycles[0][0] = '2012 R2' }), /cycles\[0\]\[0\]: expected a cycle name in lower case/, true],
    ['a duplicate cycle', variant((d) => { d.products.rhel.cycles.push(d.products.rhel.cycles[0]) }), /cycle "10" appears twice/, false],
    ['a month 13', variant((d) => { d.products.rhel.cycles[0][3] = '2035-13-31' }), /cycles\[0\]\[3\] \(cycle 10\): security end must be a real YYYY-MM-DD date, true \(ended\), false \(not ended\) or null \(unknown\), found "2035-13-31"/, true],
    ['a 31 June', variant((d) => { d.products.rhel.cycles[0][2] = '2030-06-31' }), /cycles\[0\]\[2\] \(cycle 10\): mainstream end must be a real YYYY-MM-DD date/, false],
    ['an end as a number', variant((d) => { d.products.rhel.cycles[0][4] = 2039 }), /cycles\[0\]\[4\] \(cycle 10\): extended end must be.*found 2039/, true],
    ['an end as a word', variant((d) => { d.products.rhel.cycles[0][3] = 'ended' }), /security end must be.*found "ended"/, true],
    ['a release date of true', variant((d) => { d.products.rhel.cycles[0][1] = true }), /cycles\[0\]\[1\] \(cycle 10\): release date must be a real YYYY-MM-DD date or null, found true/, true],
  ]
  it.each(bad)('rejects %s with a clear message', (_what, text, message, schemaAgrees) => {
    let error: unknown
    try {
      parseLifecycle(text, 'newer.json')
    } catch (caught) {
      error = caught
    }
    expect(error).toBeInstanceOf(LifecycleError)
    expect(error).toBeInstanceOf(CloudreadyError)
    expect((error as Error).message).toMatch(/^newer\.json: not a (valid )?lifecycle table/)
    expect((error as Error).message).toMatch(message)
    expect((error as Error).message).not.toMatch(/\n\s+at /)
    let data: unknown = undefined
    try {
      data = JSON.parse(text)
    } catch {
      return // not JSON: nothing for the schema to say
    }
    if (schemaAgrees) expect(schemaValidator()(data)).toBe(false)
  })

  it('lists every problem, up to a limit', () => {
    const many = variant((d) => {
      d.products.rhel.cycles = Array.from({length: 30}, (_, i) => [`${i}`, 'soon', null, null, null])
    })
    const error = (() => {
      try {
        parseLifecycle(many, 'newer.json')
      } catch (caught) {
        return caught as LifecycleError
      }
      throw new Error('expected an error')
    })()
    expect(error.problems).toHaveLength(30)
    expect(error.message).toMatch(/… and 10 more$/)
  })

  it('never executes anything in the file', () => {
    const hostile = JSON.stringify(base).replace('{', '{"__proto__": {"polluted": true}, ')
      .replace('"products":{', '"products":{"constructor": {"title": "x", "category": "os", "aliases": ["__proto__"], "cycles": [["1", null, null, null, null]]}, ')
    expect(hostile).toContain('"__proto__"')
    expect(() => parseLifecycle(hostile, 'hostile.json')).toThrow(/unknown key "__proto__"[^]*"__proto__" as "proto"/)
    expect(({} as Record<string, unknown>).polluted).toBeUndefined()
    // A product called "constructor" is only a name, not Object's.
    const odd = parseLifecycle(JSON.stringify(base).replace('"products":{', '"products":{"constructor": {"title": "Odd", "category": "os", "aliases": [], "cycles": [["1", null, null, false, null]]}, '), 'odd.json')
    expect(lookup(odd, {name: 'constructor', version: '1'})).toMatchObject({status: 'known', title: 'Odd'})
    expect(lookup(odd, {name: 'toString', version: '1'}).status).toBe('unknown-product')
    expect(lookup(table, {name: 'hasOwnProperty', version: '1'}).status).toBe('unknown-product')
  })

  it('reports a file that cannot be read', () => {
    expect(() => loadLifecycle(join(tmpdir(), 'cloudready-no-such-lifecycle.json'))).toThrow(/cannot read the lifecycle table .*: no such file/)
  })

  it('leaves the table it is given unchanged', () => {
    const frozen = deepFreeze(parseLifecycle(JSON.stringify(base), 'newer.json'))
    expect(lookup(frozen, {name: 'rhel', version: '10'}).status).toBe('known')
  })
})

describe('scripts/build-lifecycle.js', () => {
  const dir = mkdtempSync(join(tmpdir(), 'cloudready-lifecycle-'))
  afterAll(() => rmSync(dir, {recursive: true, force: true}))

  it('builds the compact table from an endoflife.date extract', () => {
    const source = {
      source: 'endoflife.date (https://endoflife.date), MIT licence, Copyright 2020 endoflife.date contributors',
      snapshot: 'endoflife-date/endoflife.date@0123456789ab (2027-02-03)',
      products: {
        rhel: {title: 'Red Hat Enterprise Linux', category: 'os', releases: [
          {releaseCycle: '9', releaseDate: '2022-05-18', eoas: '2027-05-31', eol: '2032-05-31', eoes: '2036-05-31', lts: '2032-05-31'},
          {releaseCycle: '4', releaseDate: '2005-02-15', eol: true},
        ]},
        python: {title: 'Python', category: 'lang', releases: [{releaseCycle: '3.14', releaseDate: '2025-10-07', eoas: false, eol: '2030-10-31'}]},
        'some-new-product': {title: 'Something', category: 'app', releases: [{releaseCycle: '1', releaseDate: '2026-01-01', eol: false}]},
      },
    }
    writeFileSync(join(dir, 'lifecycle.json'), JSON.stringify(source))
    writeFileSync(join(dir, 'LICENSE'), 'Copyright 2020 endoflife.date contributors\n\nPermission is hereby granted…\n')
    const out = join(dir, 'out', 'lifecycle.json')
    const run = spawnSync(process.execPath, [join(root, 'scripts/build-lifecycle.js'), join(dir, 'lifecycle.json'), out], {encoding: 'utf8'})
    expect(run.status, run.stderr).toBe(0)
    expect(run.stderr).toMatch(/2 products, 3 cycles, snapshot 2027-02-03/)
    expect(run.stderr).toMatch(/in the source but not kept: some-new-product/)
    const built = parseLifecycle(readFileSync(out, 'utf8'), out)
    expect(built.snapshot).toBe('2027-02-03')
    expect(built.source).toMatch(/endoflife\.date.*MIT.*0123456789ab/)
    expect(built.license).toMatch(/^Copyright 2020 endoflife\.date contributors/)
    expect(Object.keys(built.products)).toEqual(['rhel', 'python'])
    expect(built.products.rhel).toMatchObject({category: 'os', aliases: expect.arrayContaining(['redhat', 'red-hat-enterprise-linux'])})
    expect(built.products.rhel!.cycles).toEqual([['9', '2022-05-18', '2027-05-31', '2032-05-31', '2036-05-31'], ['4', '2005-02-15', null, true, null]])
    expect(built.products.python).toMatchObject({category: 'runtime', cycles: [['3.14', '2025-10-07', false, '2030-10-31', null]]})
  })

  it('stops with a message on a source it cannot use', () => {
    writeFileSync(join(dir, 'broken.json'), JSON.stringify({snapshot: 'x (2027-01-01)', products: {rhel: {title: 'RHEL', category: 'os', releases: [{releaseCycle: '9', eol: '2032-13-01'}]}}}))
    const run = spawnSync(process.execPath, [join(root, 'scripts/build-lifecycle.js'), join(dir, 'broken.json'), join(dir, 'never.json')], {encoding: 'utf8'})
    expect(run.status).toBe(1)
    expect(run.stderr).toMatch(/^build-lifecycle: products\.rhel\.releases\[0\]\.eol: expected a YYYY-MM-DD date.*"2032-13-01"/)
  })
})

function deepFreeze<T>(value: T): T {
  if (typeof value === 'object' && value !== null) {
    for (const child of Object.values(value)) deepFreeze(child)
    Object.freeze(value)
  }
  return value
}
