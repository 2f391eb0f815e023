import {afterAll, beforeAll, describe, expect, it} from 'vitest'

import {format} from '../../src/formatters/ci/validate-csv.js'
import {auditFormatters, MACHINE_FORMATS, validateFormatters} from '../../src/formatters/index.js'
import {parseCsv} from '../helpers/formats.js'
import {cli, CTX, HOSTILE, INVALID_INVENTORY, tempDir, validateReport} from './helpers.js'

describe('csv for validate', () => {
  it('writes a row per diagnostic in file order, hostile text intact', () => {
    const rows = parseCsv(format(validateReport(), CTX))
    expect(rows[0]).toEqual(['file', 'line', 'column', 'severity', 'code', 'pointer', 'message'])
    expect(rows.slice(1).map((r) => [r[1], r[3], r[4]])).toEqual([
      ['0', 'error', 'yaml-syntax'],
      ['3', 'error', 'schema'],
      ['7', 'warning', 'external-dependency'],
      ['9', 'error', 'schema'],
    ])
    expect(rows[2][6]).toBe(HOSTILE)
  })

  it('defuses spreadsheet formulas', () => {
    const report = validateReport()
    report.errors = [{...report.errors[0], message: '=HYPERLINK("http://x")', pointer: '+1'}]
    const [, row] = parseCsv(format(report, CTX))
    expect(row[6]).toBe('\'=HYPERLINK("http://x")')
    expect(row[5]).toBe('\'+1')
  })

  it('prints just the header for a valid estate', () => {
    expect(format({valid: true, files: ['a.yaml'], errors: [], warnings: []}, CTX)).toBe('file,line,column,severity,code,pointer,message\r\n')
  })
})

describe('the registry', () => {
  it('offers every CI format for both commands, all of them machine formats', () => {
    for (const name of ['sarif', 'junit', 'github', 'gitlab', 'csv']) {
      expect(validateFormatters).toHaveProperty([name])
      expect(auditFormatters).toHaveProperty([name])
      expect(MACHINE_FORMATS.has(name)).toBe(true)
    }
  })
})

describe('csv for validate: the CLI', () => {
  let tmp: ReturnType<typeof tempDir>
  beforeAll(() => {
    tmp = tempDir({'invalid.yaml': INVALID_INVENTORY})
  })
  afterAll(() => tmp.remove())

  it('lists the errors, exit 2, no colour', () => {
    const r = cli(['validate', 'invalid.yaml', '--format', 'csv'], {cwd: tmp.dir, env: {FORCE_COLOR: '3', NO_COLOR: ''}})
    expect(r.code).toBe(2)
    expect(r.stdout).not.toContain('\u001b')
    const rows = parseCsv(r.stdout)
    expect(rows).toHaveLength(3)
    expect(rows[1].slice(0, 5)).toEqual(['invalid.yaml', '9', '16', 'error', 'schema'])
    expect(rows[1][6]).toContain('a%b,c:d <x>&"q" ]]> 🚀 \r\n::error::x')
  })
})
