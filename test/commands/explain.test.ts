/**
 * `cloudready explain DEPT/SYSTEM PATHS…`: one system's verdict on the terminal, the same as the
 * audit's and the plan's JSON say it (path to ready in its order, blockers, strategy and findings).
 */
import {describe, expect, it} from 'vitest'

import {cli, STACK_TRACE} from '../helpers/cli.js'

const AS_OF = '2026-11-27'

interface Step {
  rule: string
  blocker: boolean
  remedy: string
}

describe('cloudready explain DEPT/SYSTEM', () => {
  const audit = JSON.parse(cli(['audit', 'examples', '--as-of', AS_OF, '--format', 'json']).stdout) as {systems: Array<{ref: string; readiness: string; blockers: string[]; pathToReady: Step[]; findings: Array<{rule: string; file: string; line: number}>}>}
  const plan = JSON.parse(cli(['plan', 'examples', '--as-of', AS_OF, '--format', 'json']).stdout) as {systems: Array<{ref: string; strategy: string | null}>}

  it.each(['dwp/cis', 'hmrc/cesa', 'dwp/stat-xplore'])('%s: readiness, blockers, the path to ready in order with remedies, strategy and findings', (ref) => {
    const r = cli(['explain', ref, 'examples', '--as-of', AS_OF, '--no-color'])
    expect(r.code, r.stderr).toBe(0)
    expect(r.stderr).not.toMatch(STACK_TRACE)
    const a = audit.systems.find((s) => s.ref === ref)!
    const out = r.stdout
    expect(out).toContain(`Readiness: ${a.readiness}`)
    if (a.blockers.length) expect(out).toContain(`blocked by ${a.blockers.join(', ')}`)
    // The steps in the JSON's order, numbered, each with its remedy.
    let at = 0
    a.pathToReady.forEach((step, i) => {
      const line = out.indexOf(`  ${i + 1}. ${step.blocker ? '[blocker] ' : ''}${step.rule} `, at)
      expect(line, `${ref} step ${i + 1} ${step.rule}`).toBeGreaterThan(at - 1)
      expect(out.indexOf(step.remedy, line)).toBeGreaterThan(line)
      at = line
    })
    expect(out).toContain(`Strategy: ${plan.systems.find((s) => s.ref === ref)!.strategy}`)
    for (const f of a.findings) expect(out).toContain(`${f.file}:${f.line}:`)
    // The JSON form is the audit's own record of the system.
    const json = JSON.parse(cli(['explain', ref, 'examples', '--as-of', AS_OF, '--format', 'json']).stdout) as {system: {pathToReady: Step[]}}
    expect(json.system.pathToReady).toEqual(a.pathToReady)
  })

  it('names a system it cannot find, with a suggestion, exit 2; and still explains rules', () => {
    const r = cli(['explain', 'dwp/cys', 'examples', '--as-of', AS_OF])
    expect(r.code).toBe(2)
    expect(r.stderr).toMatch(/no system 'dwp\/cys' in examples — did you mean 'dwp\/cis'\?/)
    expect(cli(['explain', 'platform-os-no-cloud']).stdout).toMatch(/no commodity public cloud/)
  })
})
