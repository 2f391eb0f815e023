/**
 * `cloudready import` on spreadsheets with the mess real exports have (test/fixtures/import/, written
 * by scripts/fixtures-import.js: the workbook by exceljs, a real spreadsheet library): what each
 * becomes, that it validates and audits, the mapping round trip, --merge, and bad input.
 */
import {mkdtempSync, readFileSync, rmSync, writeFileSync} from 'node:fs'
import {tmpdir} from 'node:os'
import path from 'node:path'

import {afterAll, describe, expect, it} from 'vitest'
import {parse} from 'yaml'

import {cliRun, ROOT, STACK_TRACE} from '../helpers/cli.js'

const FIX = path.join(ROOT, 'test', 'fixtures', 'import')
const work = mkdtempSync(path.join(tmpdir(), 'cloudready-import-'))
afterAll(() => rmSync(work, {recursive: true, force: true}))

interface Inv {
  department: {id: string; name: string}
  systems: Array<Record<string, unknown> & {id: string; name: string; criticality: string; hosting: string; platform?: {os?: {name: string; version?: string}; database?: {name: string; version?: string}; virtualised?: boolean}; costs?: {annual_run_gbp: number}; migration?: {status?: string; target_date?: string}; data?: {personal_data?: boolean}; dependencies?: string[]}>
}

async function importTo(name: string, args: string[]): Promise<{inv: Inv; text: string; stderr: string; file: string}> {
  const file = path.join(work, `${name}.yaml`)
  const run = await cliRun(['import', ...args, '-o', file], {cwd: FIX})
  expect(run.stderr).not.toMatch(STACK_TRACE)
  expect(run.code, run.stderr).toBe(0)
  const text = readFileSync(file, 'utf8')
  return {inv: parse(text, {schema: 'core'}) as Inv, text, stderr: run.stderr, file}
}

async function validatesAndAudits(file: string): Promise<void> {
  const v = await cliRun(['validate', file, '--format', 'json'])
  expect(JSON.parse(v.stdout).errors).toEqual([])
  const a = await cliRun(['audit', file, '--as-of', '2026-11-27', '--format', 'json', '--fail-on', 'none', '--no-config'])
  expect(a.code, a.stderr).toBe(0)
  expect(JSON.parse(a.stdout).systems.length).toBeGreaterThan(0)
}

const sys = (inv: Inv, id: string) => inv.systems.find((s) => s.id === id)!

describe('import a ServiceNow business application export (CSV, UTF-8 with BOM)', () => {
  it('maps the columns, normalises the values, writes TODOs for what it cannot fill, and the result validates and audits', async () => {
    const {inv, text, stderr, file} = await importTo('servicenow', ['servicenow-business-apps.csv', '--department', 'dvla', '--name', 'Driver and Vehicle Licensing Agency'])
    expect(inv.department).toEqual({id: 'dvla', name: 'Driver and Vehicle Licensing Agency'})
    expect(inv.systems.map((s) => s.id)).toEqual(['apm0001001', 'apm0001002', 'apm0001003', 'apm0001005', 'apm0001006'])
    const payroll = sys(inv, 'apm0001001')
    expect(payroll).toMatchObject({name: 'Payroll Service', owner: 'HR Systems', criticality: 'critical', hosting: 'on-premises', platform: {os: {name: 'windows-server', version: '2012 R2'}}, costs: {annual_run_gbp: 2400000}, migration: {target_date: '2027-03-31'}, data: {personal_data: true}, dependencies: ['apm0001002'], 'x-managed-by': 'J. Smith', 'x-environment': 'Production'})
    expect(sys(inv, 'apm0001002')).toMatchObject({hosting: 'on-premises', platform: {os: {name: 'rhel', version: '7.9'}}, costs: {annual_run_gbp: 850000}})
    // A name broken over two lines inside quotes reads as one line; the cell is in the comment.
    expect(sys(inv, 'apm0001003')).toMatchObject({name: 'Case Management (legacy)', hosting: 'co-location', platform: {os: {name: 'oracle-solaris', version: '11.3'}}, dependencies: ['apm0001001', 'apm0001002']})
    // ServiceNow's Install Status "Retired" is a retirement; "Installed" says nothing of a migration.
    expect(sys(inv, 'apm0001005').migration).toEqual({status: 'retired'})
    expect(payroll.migration).not.toHaveProperty('status')
    // A formula-looking cell is text, quoted: never a formula.
    expect(sys(inv, 'apm0001006').name).toBe('=HYPERLINK("http://example.invalid","click")')
    // What each value was: a comment beside it.
    expect(text).toContain('criticality: critical  # from "1 - most critical"')
    expect(text).toContain('annual_run_gbp: 2400000  # from "2,400,000"')
    // Rows it could not finish: TODO comments, named by row and column on standard error.
    expect(text).toMatch(/# TODO servicenow-business-apps\.csv row 6: criticality is empty in column "Business Criticality"/)
    expect(text).toMatch(/# TODO servicenow-business-apps\.csv row 8: id apm0001002 is already used by row 3/)
    expect(stderr).toContain('servicenow-business-apps.csv row 6: criticality is empty in column "Business Criticality"')
    expect(stderr).toContain('row 8: id apm0001002 is already used by row 3')
    expect(stderr).toContain('7 rows read (1 blank skipped), 5 systems')
    await validatesAndAudits(file)
  })
})

describe('import an Azure Migrate export (CSV saved by Excel on Windows: Windows-1252, semicolons)', () => {
  it('reads the encoding and delimiter, keeps what it does not know under x- keys, and takes the mapping file\'s defaults', async () => {
    const {inv, stderr, file} = await importTo('azure', ['azure-migrate-servers.csv', '--department', 'dvla', '--map', 'azure-migrate-map.yaml'])
    expect(stderr).toContain('Windows-1252')
    expect(stderr).toContain('delimited by ";"')
    expect(inv.systems.map((s) => s.id)).toEqual(['app-pay-01', 'db-ledger-01', 'web-grants-02', 'file-srv-03'])
    expect(sys(inv, 'db-ledger-01')).toMatchObject({name: 'DB-LEDGER-01', criticality: 'medium', hosting: 'on-premises', platform: {os: {name: 'rhel', version: '7'}}, 'x-notes': 'Café ledger DB (£ costs)', 'x-memory-mb': '131,072'})
    // "Power status" is ignored, as the mapping file says.
    expect(sys(inv, 'app-pay-01')).not.toHaveProperty('x-power-status')
    await validatesAndAudits(file)
  })

  it('reads Windows-1252\'s own characters (dashes, curly quotes, the euro sign), which Node\'s decoder turns into control codes', async () => {
    const csv = path.join(work, 'cp1252.csv')
    // "Ledger – the ‘main’ one (€)" as Excel on Windows saves it.
    writeFileSync(csv, Buffer.concat([Buffer.from('Name,Criticality,Hosting\r\nLedger ', 'latin1'), Buffer.from([0x96]), Buffer.from(' the ', 'latin1'), Buffer.from([0x91]), Buffer.from('main', 'latin1'), Buffer.from([0x92]), Buffer.from(' one (', 'latin1'), Buffer.from([0x80]), Buffer.from('),High,On-prem\r\n', 'latin1')]))
    const {inv} = await importTo('cp1252', [csv, '--department', 'dvla'])
    expect(inv.systems[0].name).toBe('Ledger – the ‘main’ one (€)')
  })

  it('an OS version column holding a build number gives way to the release named beside it', async () => {
    const csv = path.join(work, 'builds.csv')
    writeFileSync(csv, 'Name,Criticality,Hosting,Operating System,OS Version\r\nA,Low,On-prem,Microsoft Windows Server 2012 R2 Standard,6.3.9600\r\nB,Low,On-prem,Red Hat Enterprise Linux 7,7.9\r\n')
    const {inv} = await importTo('builds', [csv, '--department', 'dvla'])
    expect(inv.systems.map((s) => s.platform?.os)).toEqual([{name: 'windows-server', version: '2012 R2'}, {name: 'rhel', version: '7.9'}])
  })

  it('without the mapping file, no column gives hosting or criticality: every row is a TODO saying so, and nothing is guessed', async () => {
    const {inv, stderr, file} = await importTo('azure-nomap', ['azure-migrate-servers.csv', '--department', 'dvla'])
    expect(inv.systems).toEqual([])
    expect(stderr).toContain('no column gives criticality')
    expect(stderr).toContain('no column gives hosting')
    const v = await cliRun(['validate', file])
    expect(v.code).toBe(0)
  })
})

describe('import an Excel workbook written by exceljs', () => {
  it('reads the named sheet under its title row: cached formula results, dates, text dates and day numbers, hyperlinks and rich text', async () => {
    const {inv, stderr, file} = await importTo('xlsx', ['dvla-estate.xlsx', '--sheet', 'Systems', '--department', 'dvla', '--map', 'dvla-map.yaml'])
    expect(stderr).toContain('header in row 3')
    expect(inv.systems.map((s) => s.name)).toEqual(['Driver Record Service', 'Vehicle Register', 'Online Services', 'Fines Portal'])
    expect(sys(inv, 'driver-record-service')).toMatchObject({criticality: 'critical', hosting: 'crown-hosting', platform: {os: {name: 'zos', version: '2.4'}, database: {name: 'ibm-db2', version: '12'}, virtualised: false}, costs: {annual_run_gbp: 1800000}, migration: {target_date: '2028-03-31'}, 'x-monthly-cost-gbp': 150000})
    expect(sys(inv, 'vehicle-register').migration).toEqual({target_date: '2027-12-31'})
    // 46752 in a date column: Excel's day number for 2027-12-31.
    expect(sys(inv, 'online-services')).toMatchObject({platform: {database: {name: 'mssqlserver', version: '2016'}}, migration: {target_date: '2027-12-31'}})
    expect(stderr).toMatch(/dvla-estate\.xlsx row 9: criticality is empty/)
    await validatesAndAudits(file)
  })

  it('a header cell merged over two columns names both; a UTF-16 "Unicode Text" export reads as tab-separated', async () => {
    const {default: ExcelJS} = await import('exceljs')
    const wb = new ExcelJS.Workbook()
    const sheet = wb.addWorksheet('Estate')
    sheet.addRow(['Name', 'Criticality', 'Hosting', 'Operating system', ''])
    sheet.mergeCells('D1:E1')
    sheet.addRow(['Payroll', 'High', 'On-prem', 'Windows Server 2012 R2', 'patched monthly'])
    const file = path.join(work, 'merged.xlsx')
    await wb.xlsx.writeFile(file)
    const {inv} = await importTo('merged', [file, '--department', 'dvla'])
    expect(inv.systems[0]).toMatchObject({name: 'Payroll', criticality: 'high', hosting: 'on-premises', platform: {os: {name: 'windows-server', version: '2012 R2'}}, 'x-operating-system-2': 'patched monthly'})
    const utf16 = path.join(work, 'unicode.txt')
    writeFileSync(utf16, Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from('Name\tCriticality\tHosting\r\nCafé système\tLow\tSaaS\r\n', 'utf16le')]))
    const u = await importTo('utf16', [utf16, '--department', 'dvla'])
    expect(u.inv.systems[0]).toMatchObject({id: 'cafe-systeme', name: 'Café système', criticality: 'low', hosting: 'saas'})
  })

  it('a password-protected workbook, an unknown sheet, an empty file, a header with no rows, a binary file: exit 2 with what to do', async () => {
    writeFileSync(path.join(work, 'empty.csv'), '')
    writeFileSync(path.join(work, 'header.csv'), 'Name,Criticality,Hosting\r\n\r\n')
    writeFileSync(path.join(work, 'picture.csv'), Buffer.from([0x89, 0x50, 0x4e, 0x47, 0, 0, 0, 0]))
    const cases: Array<[string[], RegExp]> = [
      [[path.join(FIX, 'protected.xlsx')], /password-protected/],
      [[path.join(FIX, 'dvla-estate.xlsx'), '--sheet', 'Estate'], /no sheet named "Estate" \(the sheets: "Read me", "Systems"\)/],
      [[path.join(work, 'empty.csv')], /empty: no header row/],
      [[path.join(work, 'header.csv')], /nothing to import: .*header in row 1 and no rows under it/],
      [[path.join(work, 'picture.csv')], /binary file/],
    ]
    for (const [args, message] of cases) {
      const run = await cliRun(['import', ...args, '--department', 'dvla', '-o', path.join(work, 'never.yaml')])
      expect(run.code, run.stderr).toBe(2)
      expect(run.stderr).toMatch(message)
      expect(run.stderr).not.toMatch(STACK_TRACE)
    }
  })
})

describe('the mapping round trip and --merge', () => {
  it('--print-map writes the mapping it inferred; edited and given back with --map, it decides', async () => {
    const mapFile = path.join(work, 'sn-map.yaml')
    const printed = await cliRun(['import', 'servicenow-business-apps.csv', '--department', 'dvla', '--print-map', '-o', mapFile], {cwd: FIX})
    expect(printed.code, printed.stderr).toBe(0)
    const text = readFileSync(mapFile, 'utf8')
    expect(text).toMatch(/"Support group":\s+owner\s+# inferred from the header/)
    expect(text).toMatch(/"Managed by":\s+x-managed-by\s+# not recognised/)
    // The user decides "Managed by" is the owner, and "Support group" means nothing here.
    writeFileSync(mapFile, text.replace(/"Managed by":\s+x-managed-by/, '"Managed by": owner').replace(/"Support group":\s+owner/, '"Support group": ignore'))
    const {inv} = await importTo('sn-mapped', ['servicenow-business-apps.csv', '--department', 'dvla', '--map', mapFile])
    expect(sys(inv, 'apm0001001').owner).toBe('J. Smith')
    expect(sys(inv, 'apm0001001')).not.toHaveProperty('x-support-group')
  })

  it('never replaces an existing inventory unless told: --merge updates it, --force replaces it', async () => {
    const {file} = await importTo('kept', ['servicenow-business-apps.csv', '--department', 'dvla'])
    writeFileSync(file, `${readFileSync(file, 'utf8')}# kept by hand\n`)
    const again = await cliRun(['import', 'servicenow-business-apps.csv', '--department', 'dvla', '-o', file], {cwd: FIX})
    expect(again.code).toBe(2)
    expect(again.stderr).toContain('exists: --merge updates it')
    expect(readFileSync(file, 'utf8')).toContain('# kept by hand')
    const forced = await cliRun(['import', 'servicenow-business-apps.csv', '--department', 'dvla', '--force', '-o', file], {cwd: FIX})
    expect(forced.code, forced.stderr).toBe(0)
    expect(readFileSync(file, 'utf8')).not.toContain('# kept by hand')
  })

  it('a mapping file with a field that does not exist is refused, naming it', async () => {
    const bad = path.join(work, 'bad-map.yaml')
    writeFileSync(bad, 'columns:\n  "Name": title\n')
    const run = await cliRun(['import', 'servicenow-business-apps.csv', '--department', 'dvla', '--map', bad], {cwd: FIX})
    expect(run.code).toBe(2)
    expect(run.stderr).toContain('"title" is not an inventory field')
  })

  it('--merge updates the mapped fields of systems by id, adds new ones, and leaves hand-written fields and comments alone', async () => {
    const {file} = await importTo('merge', ['servicenow-business-apps.csv', '--department', 'dvla'])
    // The inventory is kept by hand from now on: a comment and a field the spreadsheet does not have.
    const edited = readFileSync(file, 'utf8').replace('  - id: apm0001001  # from "APM0001001"\n', '  - id: apm0001001  # from "APM0001001"\n    # Agreed with the payroll board, March 2026.\n    resilience: {rto_hours: 4}\n')
    writeFileSync(file, edited)
    // The spreadsheet changes: a new cost, and a new system.
    const sheet = readFileSync(path.join(FIX, 'servicenow-business-apps.csv'), 'utf8').replace('"2,400,000"', '"2,600,000"') + 'APM0001007,New Portal,3 - less critical,Ubuntu 22.04,,Digital,F. Hall,Installed,Production,AWS,"12,000",,No,,\r\n'
    const updated = path.join(work, 'servicenow-v2.csv')
    writeFileSync(updated, sheet)
    const run = await cliRun(['import', updated, '--department', 'dvla', '--merge', '-o', file])
    expect(run.code, run.stderr).toBe(0)
    expect(run.stderr).toMatch(/1 systems updated \(1 fields\), 1 added/)
    const after = readFileSync(file, 'utf8')
    expect(after).toContain('# Agreed with the payroll board, March 2026.')
    const inv = parse(after, {schema: 'core'}) as Inv
    expect(sys(inv, 'apm0001001')).toMatchObject({resilience: {rto_hours: 4}, costs: {annual_run_gbp: 2600000}})
    expect(sys(inv, 'apm0001007')).toMatchObject({name: 'New Portal', hosting: 'public-cloud'})
    await validatesAndAudits(file)
  })
})

describe('a 50,000-row sheet', () => {
  it('imports every row (the time is measured by npm run bench, not here)', async () => {
    const lines = ['Name,Business criticality,Hosting,Operating System,Annual run cost,Target date']
    for (let i = 0; i < 50_000; i++) lines.push(`System ${i},${['1 - most critical', '2 - somewhat critical', '3 - less critical', '4 - not critical'][i % 4]},On-Prem,Windows Server 2012 R2,"${(i * 1000).toLocaleString('en-GB')}",${String((i % 28) + 1).padStart(2, '0')}/06/2027`)
    const csv = path.join(work, 'big.csv')
    writeFileSync(csv, `${lines.join('\r\n')}\r\n`)
    const out = path.join(work, 'big.yaml')
    const run = await cliRun(['import', csv, '--department', 'big', '-o', out])
    expect(run.code, run.stderr).toBe(0)
    expect(run.stderr).toContain('50,000 systems from 50,000 rows')
    const v = await cliRun(['validate', out])
    expect(v.code, v.stdout).toBe(0)
  })
})

