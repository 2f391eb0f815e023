#!/usr/bin/env node
/**
 * Writes the spreadsheets the import tests read (test/fixtures/import/): a ServiceNow-like CSV, an
 * Azure Migrate-like CSV saved as Excel on Windows saves it (Windows-1252, semicolons), and an Excel
 * workbook written by a real spreadsheet library (exceljs), each with the mess real exports have.
 * Committed; run again only to change them: node scripts/fixtures-import.js
 */
import {writeFileSync} from 'node:fs'
import {fileURLToPath} from 'node:url'

import ExcelJS from 'exceljs'

const dir = fileURLToPath(new URL('../test/fixtures/import/', import.meta.url))

// ServiceNow cmdb_ci_business_app export, customised: header variants, blank rows, DD/MM/YYYY,
// "2,400,000", a duplicate id, a row without criticality, a quoted newline, a formula-injection cell.
const servicenow = [
  'Number,Name,Business Criticality ,Operating System,OS version,Support group,Managed by,Install Status,Environment,Hosting,Annual run cost,Target date,Personal data,Depends on,Comments',
  'APM0001001,Payroll Service,1 - most critical,Microsoft Windows Server 2012 R2 Standard,,HR Systems,J. Smith,Installed,Production,On-Prem,"2,400,000",31/03/2027,Yes,APM0001002,',
  'APM0001002,Ledger,2 - somewhat critical,Red Hat Enterprise Linux 7.9 (64-bit),,Finance IT,A. Jones,Installed,Production,Data Centre,"£850,000",30/09/2026,No,,"Month-end batch, runs 02:00"',
  ',,,,,,,,,,,,,,',
  'APM0001003,"Case Management',
  '(legacy)",3 - less critical,Oracle Solaris,11.3,Casework,B. Patel,Installed,Production,Colo,"1,200,000",01/12/2027,Yes,"APM0001001; APM0001002",',
  'APM0001004,Grants Portal,,Windows Server 2016 Datacenter,,Digital,C. Wong,Installed,Production,AWS,"320,000",,No,,criticality not yet agreed',
  'APM0001005,Old Reporting,4 - not critical,Windows Server 2008 R2,,Data,D. Evans,Retired,Production,On-Prem,"60,000",,No,,',
  'APM0001002,Ledger (copy),2 - somewhat critical,RHEL 8,,Finance IT,A. Jones,Installed,Test,Data Centre,"10,000",,No,,duplicate of the row above',
  'APM0001006,"=HYPERLINK(""http://example.invalid"",""click"")",3 - less critical,Ubuntu 20.04,,Digital,E. Green,Installed,Production,AWS,"45,000",15/01/2027,No,,',
  '',
]
writeFileSync(`${dir}servicenow-business-apps.csv`, `\ufeff${servicenow.join('\r\n')}`)

// Azure Migrate "All servers" export, opened and saved in Excel on a European-locale Windows:
// semicolons, Windows-1252 (é, £), numbers with thousands separators, an empty trailing row.
const azure = [
  'Server name;IP address;Operating system;Cores;Memory (MB);Storage in use (GB);Power status;Discovery source;Notes',
  'APP-PAY-01;10.1.2.10;Microsoft Windows Server 2012 R2 Datacenter;4;16,384;512;On;Appliance;Payroll front end',
  'DB-LEDGER-01;10.1.2.20;Red Hat Enterprise Linux 7;16;131,072;2,048;On;Appliance;Café ledger DB (£ costs)',
  'WEB-GRANTS-02;10.1.3.7;Ubuntu 18.04;2;4,096;80;Off;Import;',
  ';;;;;;;;',
  'FILE-SRV-03;10.1.4.2;Windows Server 2008;2;8,192;1,536;On;Appliance;',
]
writeFileSync(`${dir}azure-migrate-servers.csv`, Buffer.from(azure.join('\r\n') + '\r\n', 'latin1'))
writeFileSync(
  `${dir}azure-migrate-map.yaml`,
  `# What the department knows that the discovery tool cannot: these servers are in its own data centre,
# and until the business agrees otherwise each counts as of medium criticality.
columns:
  "Power status": ignore
defaults:
  hosting: on-premises
  criticality: medium
`,
)

// An Excel workbook, written by exceljs: a notes sheet first, then the estate under a merged title
// row, formulas (cached results), real dates, a date typed as text, a hyperlink and rich text cells.
const wb = new ExcelJS.Workbook()
wb.creator = 'cloudready fixtures'
wb.created = new Date(Date.UTC(2026, 0, 1))
wb.modified = wb.created
const notes = wb.addWorksheet('Read me')
notes.getCell('A1').value = 'Estate register, kept by the Enterprise Architecture team.'
const sheet = wb.addWorksheet('Systems')
sheet.mergeCells('A1:H1')
sheet.getCell('A1').value = 'DVLA application estate (exported 03/12/2026)'
sheet.addRow([])
sheet.addRow(['System name', 'Criticality', 'OS', 'Database', 'Monthly cost', 'Annual cost', 'Target Date', 'Virtualised'])
sheet.getRow(3).getCell(1).value = 'System name'
const rows = [
  ['Driver Record Service', 'Tier 1', 'z/OS 2.4', 'IBM Db2 12', 150000, new Date(Date.UTC(2028, 2, 31)), 'No'],
  ['Vehicle Register', 'high', 'Red Hat Enterprise Linux 6', 'Oracle Database 12.1', 80000, '31/12/2027', 'Yes'],
  [{richText: [{text: 'Online '}, {font: {bold: true}, text: 'Services'}]}, 'Medium', 'Windows Server 2019', 'Microsoft SQL Server 2016', 25000, 46752, 'Y'],
  [{text: 'Fines Portal', hyperlink: 'https://example.invalid/fines'}, 'Low', 'Ubuntu 22.04', 'PostgreSQL 11', 4000, null, 'yes'],
]
rows.forEach((r, i) => {
  const n = 4 + i
  const row = sheet.getRow(n)
  row.getCell(1).value = r[0]
  row.getCell(2).value = r[1]
  row.getCell(3).value = r[2]
  row.getCell(4).value = r[3]
  row.getCell(5).value = r[4]
  // The annual cost is a formula; its cached result is what Excel last computed.
  row.getCell(6).value = {formula: `E${n}*12`, result: r[4] * 12}
  row.getCell(7).value = r[5]
  row.getCell(8).value = r[6]
})
sheet.getRow(9).getCell(1).value = 'Hosting for all the systems above: Crown Hosting.'
await wb.xlsx.writeFile(`${dir}dvla-estate.xlsx`)
writeFileSync(
  `${dir}dvla-map.yaml`,
  `columns:
  "Monthly cost": x-monthly-cost-gbp
  "Annual cost": costs.annual_run_gbp
values:
  criticality: {"Tier 1": critical}
defaults:
  hosting: crown-hosting
`,
)
// Not a workbook anyone can read without its password: the header of an encrypted Office file
// (an OLE compound file), which is all cloudready looks at before refusing it.
writeFileSync(`${dir}protected.xlsx`, Buffer.concat([Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]), Buffer.alloc(504)]))
process.stderr.write(`fixtures-import: wrote ${dir}\n`)
