/**
 * Three ordering rules of the plan (README "Planning"), each on a small estate built for it: a system is
 * retired only after its dependants have moved; the pilot wave holds only ready, low-criticality
 * systems with data known, or there is none and the plan says why; moves already under way keep their
 * place in wave 1.
 */
import {describe, expect, it} from 'vitest'

import {checkPlan, type GenDepartment, type GenSystem, planDepartments} from './helpers.js'

/** A modern system the audit finds ready (the shape of the examples' hmrc/trade-statistics). */
function modern(id: string, extra: Partial<GenSystem> = {}): GenSystem {
  return {
    id,
    name: `System ${id}`,
    owner: 'Platform Team',
    criticality: 'low',
    users: 40000,
    hosting: 'on-premises',
    platform: {os: {name: 'rhel', version: '9'}, database: {name: 'postgresql', version: '16'}, runtime: {name: 'eclipse-temurin', version: '17'}, hardware: 'x86', virtualised: true, architecture: 'n-tier'},
    data: {classification: 'OFFICIAL', personal_data: false, residency: 'uk', volume_gb: 350},
    security: {last_health_check: '2026-04-20', critical_vulnerabilities: 0},
    resilience: {rto_hours: 72, dr_tested: '2026-06-06'},
    licensing: {model: 'open-source', cloud_portable: true},
    skills: {in_house: 'adequate'},
    costs: {annual_run_gbp: 180000},
    migration: {status: 'not-started'},
    ...extra,
  }
}

const dept = (systems: GenSystem[]): GenDepartment[] => [{id: 'test', name: 'Test Department', systems}]

describe('retirement order', () => {
  it('retires a system only after every system that depends on it has moved', async () => {
    const estate = dept([
      modern('old-reports', {migration: {status: 'not-started', strategy: 'retire'}}),
      // A long refactor that still reads the old reports until it has moved.
      modern('claims', {criticality: 'high', migration: {status: 'not-started', strategy: 'refactor'}, dependencies: ['old-reports']}),
      modern('portal', {migration: {status: 'not-started', strategy: 'rehost'}, dependencies: ['old-reports']}),
    ])
    const {plan} = await planDepartments(estate, {})
    checkPlan(plan, estate, {})
    const sys = new Map(plan.systems.map((s) => [s.id, s]))
    expect(sys.get('old-reports')!.strategy).toBe('retire')
    // Without the rule the retirement (3 months, ready, low criticality) would go first, in wave 1.
    expect(sys.get('old-reports')!.end! >= sys.get('claims')!.end!, 'retired after the refactor ends').toBe(true)
    expect(sys.get('old-reports')!.wave! > 1).toBe(true)
    expect(plan.moveGroups.find((g) => g.systems.includes('test/old-reports'))!.dependsOn).toHaveLength(2)
  })

  it('warns when a retained system still depends on a system being retired', async () => {
    const estate = dept([modern('old-reports', {migration: {status: 'not-started', strategy: 'retire'}}), modern('vault', {migration: {status: 'not-started', strategy: 'retain'}, dependencies: ['old-reports']})])
    const {plan} = await planDepartments(estate, {})
    checkPlan(plan, estate, {})
    expect(plan.warnings).toContain('test/old-reports is retired while test/vault, which is retained, still depends on it: repoint test/vault before the retirement')
  })
})

describe('the pilot wave', () => {
  it('holds only ready, low-criticality systems: a high-criticality ready system waits for wave 2', async () => {
    const estate = dept([modern('pilot-a'), modern('pilot-b'), modern('payments', {criticality: 'high'})])
    const {plan} = await planDepartments(estate, {})
    checkPlan(plan, estate, {})
    expect(plan.pilot).toMatchObject({wave: 1, systems: ['test/pilot-a', 'test/pilot-b']})
    expect(plan.systems.find((s) => s.id === 'payments')!.wave).toBe(2)
  })

  it('is not there when no system qualifies, and the plan says why', async () => {
    const estate = dept([modern('payments', {criticality: 'high'}), modern('tax', {criticality: 'medium'})])
    const {plan} = await planDepartments(estate, {})
    checkPlan(plan, estate, {})
    expect(plan.pilot.wave).toBeNull()
    expect(plan.pilot.reason).toBe('no system to move is ready, of low criticality and with data known (confidence at least 0.7): wave 1 starts the highest-priority moves instead')
    expect(plan.systems.every((s) => s.wave === 1), 'wave 1 is an ordinary wave').toBe(true)
  })

  it('leaves out a ready, low-criticality system whose data is unknown', async () => {
    const bare = modern('bare')
    delete bare.data
    delete bare.security
    delete bare.resilience
    delete bare.licensing
    delete bare.skills
    const estate = dept([bare])
    const {plan, assessment} = await planDepartments(estate, {})
    const a = assessment.systems[0]
    expect(a.confidence).toBeLessThan(0.7)
    expect(plan.pilot.wave).toBeNull()
  })
})

describe('moves already under way', () => {
  it('keep their place in wave 1, ahead of the pilot and of systems more ready', async () => {
    const capacity = 2
    const estate = dept([
      modern('pilot-a'),
      modern('pilot-b'),
      modern('pilot-c'),
      modern('legacy-batch', {criticality: 'high', platform: {os: {name: 'windows-server', version: '2012'}, hardware: 'x86', virtualised: true, architecture: 'batch'}, migration: {status: 'in-progress', strategy: 'replatform'}}),
    ])
    const {plan} = await planDepartments(estate, {capacity})
    checkPlan(plan, estate, {capacity})
    const legacy = plan.systems.find((s) => s.id === 'legacy-batch')!
    expect(legacy.readiness).not.toBe('ready')
    expect(legacy.wave).toBe(1)
    // The pilot fills what is left of wave 1.
    expect(plan.waves[0].systems).toHaveLength(capacity)
  })
})
