/**
 * YAML that people write by hand and CMDB exports generate: several inventories in one file, and
 * shared defaults through anchors and merge keys (`<<: *defaults`), read with exact positions.
 */
import {describe, expect, it} from 'vitest'

import {parseBuffer} from '../../../src/core/load/index.js'
import {cli} from '../../helpers/cli.js'

const inventory = (dept: string, systems: string) => `apiVersion: cloudready/v1\nkind: Inventory\ndepartment: {id: ${dept}, name: Dept ${dept}}\nsystems:\n${systems}`

describe('several documents in one file', () => {
  const text = `${inventory('a', '  - {id: x, name: X, criticality: low, hosting: on-premises}\n')}---\n${inventory('b', '  - id: y\n    name: Y\n    criticality: urgent\n    hosting: on-premises\n')}---\n`
  it('are several inventories, a trailing --- adding none, each placed at its own lines', () => {
    const r = parseBuffer('two.yaml', Buffer.from(text))
    expect(r.documents.map((d) => (d.data as {department: {id: string}} | null)?.department.id ?? null)).toEqual(['a', 'b', null])
    // The second document's `criticality` is on line 13 of the file.
    expect(r.documents[1].locate('/systems/0/criticality')).toEqual({line: 13, column: 18})
  })

  it('validate reads both and reports a mistake in the second at its line in the file', () => {
    const run = cli(['validate', '-', '--format', 'json'], {input: text})
    const json = JSON.parse(run.stdout) as {errors: Array<{line: number; column: number; message: string}>}
    expect(run.code).toBe(2)
    expect(json.errors.map((e) => `${e.line}:${e.column}`)).toEqual(['13:18'])
  })
})

describe('anchors and merge keys', () => {
  const text = `${inventory(
    'm',
    [
      '  - id: base',
      '    name: Base',
      '    criticality: low',
      '    hosting: on-premises',
      '    platform: &platform',
      '      os: {name: rhel, version: "6"}',
      '      hardware: x86',
      '  - id: merged',
      '    name: Merged',
      '    criticality: high',
      '    hosting: on-premises',
      '    platform:',
      '      <<: *platform',
      '      hardware: power',
      '  - id: two',
      '    name: Two',
      '    criticality: low',
      '    hosting: on-premises',
      '    data: &data {classification: OFFICIAL}',
      "    x-meta: {<<: [*data, {classification: SECRET, team: ops}]}",
      '',
    ].join('\n'),
  )}`

  it('merge the named mapping in; keys written beside the merge win; of a list of sources, the first', () => {
    for (const exactOnly of [false, true]) {
      const r = parseBuffer('m.yaml', Buffer.from(text), {exactOnly})
      const systems = (r.documents[0].data as {systems: Array<Record<string, unknown>>}).systems
      expect(systems[1].platform).toEqual({os: {name: 'rhel', version: '6'}, hardware: 'power'})
      // The first source wins over a later one.
      expect(systems[2]['x-meta']).toEqual({classification: 'OFFICIAL', team: 'ops'})
    }
  })

  it('a value that came from a merge is placed where it is written: the line to edit', () => {
    const doc = parseBuffer('m.yaml', Buffer.from(text)).documents[0]
    // merged's platform.os is the anchor's, on line 10.
    expect(doc.locate('/systems/1/platform/os')).toEqual({line: 10, column: 11})
    expect(doc.locate('/systems/1/platform/hardware')).toEqual({line: 18, column: 17})
  })

  it('audit finds the merged RHEL 6 on both systems, each finding at the line that says RHEL 6', () => {
    const run = cli(['audit', '-', '--as-of', '2026-11-27', '--format', 'json', '--no-config', '--fail-on', 'none'], {input: text})
    const systems = (JSON.parse(run.stdout) as {systems: Array<{ref: string; findings: Array<{rule: string; line: number}>}>}).systems
    const eos = (ref: string) => systems.find((s) => s.ref === ref)!.findings.find((f) => f.rule === 'platform-end-of-support')
    expect(eos('m/base')?.line).toBe(10)
    expect(eos('m/merged')?.line).toBe(10)
    const message = (ref: string) => (systems.find((s) => s.ref === ref)!.findings.find((f) => f.rule === 'platform-end-of-support') as unknown as {message: string}).message
    // The merged system's finding says where its value came from; the system that writes it does not.
    expect(message('m/merged')).toContain('the value is written at line 10, above this system, which takes it through an alias or a merge key')
    expect(message('m/base')).not.toContain('above this system')
  })

  it('a merge that reaches its own mapping, and a merge of a list, are refused with their place', () => {
    const cycle = parseBuffer('c.yaml', Buffer.from('a: &a\n  x: 1\n  <<: *a\n'))
    expect(cycle.diagnostics[0]).toMatchObject({line: 3, column: 7})
    expect(cycle.diagnostics[0].message).toContain('inside the value its anchor &a names')
    const list = parseBuffer('l.yaml', Buffer.from('l: &l [1, 2]\nm:\n  <<: *l\n'))
    expect(list.diagnostics[0]).toMatchObject({line: 3, column: 7})
    expect(list.diagnostics[0].message).toContain('a merge key (<<) takes a mapping')
  })
})
