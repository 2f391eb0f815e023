/**
 * Table-driven rule tests in ESLint's style: `valid` systems produce no finding, `invalid` ones
 * produce exactly the findings listed, at the pointers listed.
 */
import {describe, expect, it} from 'vitest'

import {defaultLifecycle, lookup} from '../../src/core/lifecycle/index.js'
import type {Product, Readiness, System} from '../../src/core/model/types.js'
import type {Rule, RuleContext} from '../../src/rules/types.js'

export interface RuleCase {
  name: string
  /** Merged over a minimal valid system (id, name, criticality, hosting). */
  system: Partial<System>
  asOf?: string
  deadline?: string
  options?: Record<string, number | string | boolean>
  cycle?: string[]
  readiness?: Record<string, Readiness>
  department?: string
  /** Other systems of the estate by ref, for rules that read a dependency's facts. */
  others?: Record<string, System>
}

export interface InvalidCase extends RuleCase {
  /** One entry per expected finding: a pattern its message must match, and its pointer within the system. */
  errors: Array<{message: RegExp; pointer: string; severity?: string}>
}

export const BASE: System = {id: 'sys', name: 'A system', criticality: 'medium', hosting: 'on-premises'}

export function contextFor(rule: Rule, c: RuleCase): {system: System; ctx: RuleContext} {
  const department = c.department ?? 'dept'
  const system = {...BASE, ...c.system} as System
  const lifecycle = defaultLifecycle()
  const ctx: RuleContext = {
    asOf: c.asOf ?? '2026-11-27',
    deadline: c.deadline ?? '2023-12-31',
    options: {...rule.meta.options, ...c.options},
    lifecycle,
    lookup: (p: Product) => lookup(lifecycle, p),
    entry: {ref: `${department}/${system.id}`, department: {id: department, name: department}, system, file: 'x.yaml', doc: undefined as never, pointer: '/systems/0'},
    cycle: c.cycle ?? [],
    readinessOf: (ref) => c.readiness?.[ref],
    systemOf: (ref) => c.others?.[ref],
  }
  return {system, ctx}
}

export function testRule(rule: Rule, cases: {valid: RuleCase[]; invalid: InvalidCase[]}): void {
  describe(rule.meta.id, () => {
    it('has complete meta', () => {
      const m = rule.meta
      expect(m.id).toMatch(/^[a-z][a-z0-9]*(-[a-z0-9]+)*$/)
      expect(m.description.length).toBeGreaterThan(10)
      expect(m.rationale.length).toBeGreaterThan(20)
      expect(m.remedy.length).toBeGreaterThan(10)
      expect(m.sources.length).toBeGreaterThan(0)
      expect(m.example.length).toBeGreaterThan(0)
    })
    it.each(cases.valid.map((c) => [c.name, c] as const))('valid: %s', (_name, c) => {
      const {system, ctx} = contextFor(rule, c)
      expect(rule.check(system, ctx)).toEqual([])
    })
    it.each(cases.invalid.map((c) => [c.name, c] as const))('invalid: %s', (_name, c) => {
      const {system, ctx} = contextFor(rule, c)
      const reports = rule.check(system, ctx)
      expect(reports.map((r) => r.pointer)).toEqual(c.errors.map((e) => e.pointer))
      reports.forEach((r, i) => {
        expect(r.message).toMatch(c.errors[i].message)
        if (c.errors[i].severity) expect(r.severity).toBe(c.errors[i].severity)
      })
    })
  })
}
