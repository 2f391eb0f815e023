/**
 * The verdicts' invariants on generated estates, through the real pipeline (generator YAML, loader,
 * validator, assessment, plan): readiness, score, blockers and path to ready agree; no strategy is
 * guessed for a moved system; nothing retained by its classification is "missed"; done by the
 * deadline counts only dated completions; the audit and the plan count the same systems to move; every
 * strategy reason names a field and its value; one deadline finding per system at most.
 * The estates are varied here (completion dates, dropped strategies, SECRET systems retained) with
 * the test's own seeded random numbers. Fixed fast-check seeds: a failure prints its seed and reproduces.
 */
import fc from 'fast-check'
import {describe, expect, it} from 'vitest'

import {AS_OF, DEADLINE, gen, type GenDepartment, planDepartments, rng} from '../plan/helpers.js'

const SEED = 20261203

const RANK: Record<string, number> = {ready: 3, 'ready-with-conditions': 2, 'not-ready': 1}

/** The generated estate, varied: some done systems get a completion date either side of the deadline or lose their strategy; some systems hold SECRET data. */
function vary(departments: GenDepartment[], seed: number): GenDepartment[] {
  const next = rng(seed)
  const dates = ['2021-06-30', '2023-12-31', '2024-01-01', '2025-03-31', '2026-11-27']
  for (const d of departments) {
    for (const s of d.systems) {
      const m = s.migration as Record<string, unknown> | undefined
      if (m && (m.status === 'migrated' || m.status === 'retired')) {
        if (next() < 0.5) m.completed = dates[Math.floor(next() * dates.length)]
        if (next() < 0.4) delete m.strategy
      }
      if (next() < 0.08) {
        s.data = {...((s.data as object | undefined) ?? {}), classification: next() < 0.5 ? 'SECRET' : 'TOP-SECRET'}
        if (next() < 0.5) s.migration = {...((s.migration as object | undefined) ?? {}), status: 'not-started', strategy: 'retain'}
      }
    }
  }
  return departments
}

/** When the inventory says a done system got there (README "Deadline statuses"), computed here from the data. */
function completedFromData(m: Record<string, unknown> | undefined): string | null {
  if (!m || (m.status !== 'migrated' && m.status !== 'retired')) return null
  if (typeof m.completed === 'string') return m.completed
  if (m.status === 'migrated' && typeof m.target_date === 'string' && m.target_date <= AS_OF) return m.target_date
  return null
}

describe('verdict invariants on generated estates', () => {
  it('hold for any estate the generator makes, varied', async () => {
    await fc.assert(
      fc.asyncProperty(fc.integer({min: 20, max: 250}), fc.integer({min: 1, max: 3}), fc.integer({min: 1, max: 2 ** 31 - 1}), async (systems, departments, seed) => {
        const estate = vary(gen.generateEstate({systems, departments, seed, cycles: true}), seed)
        const {assessment, plan} = await planDepartments(estate)
        const bySystem = new Map(estate.flatMap((d) => d.systems.map((s) => [`${d.id}/${s.id}`, s])))

        // The score orders systems as the classes do (unknown aside).
        const ranked = assessment.systems.filter((s) => s.readiness !== 'unknown')
        for (const a of ranked) for (const b of ranked) if (RANK[a.readiness] > RANK[b.readiness]) expect(a.score, `${a.ref} above ${b.ref}`).toBeGreaterThan(b.score)

        let doneByDeadline = 0
        let undated = 0
        for (const a of assessment.systems) {
          const data = bySystem.get(a.ref)!
          const m = data.migration as Record<string, unknown> | undefined
          const done = a.migrationStatus === 'migrated' || a.migrationStatus === 'retired'
          // Not ready exactly when something blocks it.
          expect(a.blockers.length > 0, a.ref).toBe(a.readiness === 'not-ready')
          // A path to ready for every system still to move that is not ready.
          if (!done && a.retainedBy === null && a.readiness !== 'ready') expect(a.pathToReady.length, a.ref).toBeGreaterThan(0)
          if (a.readiness === 'ready') expect(a.pathToReady, a.ref).toEqual([])
          // Retained by its classification: never missed.
          if (a.retainedBy === 'classification') expect(a.deadlineStatus, a.ref).toBe('exempt')
          // One fact, one finding.
          expect(a.findings.filter((f) => f.category === 'deadline').length, a.ref).toBeLessThanOrEqual(1)
          // Done by the deadline: only a dated completion on or before it.
          const completed = completedFromData(m)
          expect(a.completed, a.ref).toBe(completed)
          if (done && completed === null) undated++
          if (done && completed !== null && completed <= DEADLINE) doneByDeadline++
          if (a.deadlineStatus === 'met-late') expect(completed! > DEADLINE).toBe(true)
        }
        expect(assessment.summary.doneByDeadline).toEqual({count: doneByDeadline, share: Math.round((doneByDeadline / assessment.systems.length) * 1000) / 1000, undated})

        // The audit and the plan count the same systems to move and retained.
        expect(assessment.summary.toMove).toBe(plan.summary.toMove)
        expect(assessment.summary.retained).toBe(plan.summary.retained)
        for (const p of plan.systems) {
          const data = bySystem.get(p.ref)!
          const m = data.migration as Record<string, unknown> | undefined
          // No strategy is guessed for a system that has moved.
          if (p.status === 'done' && !m?.strategy) expect(p.strategy, p.ref).toBeNull()
          // Every reason names a field and its value.
          for (const r of p.reasons) expect(r.fact, `${p.ref}: ${r.rule}`).toMatch(/\b[a-z_]+(\.[a-z_]+)* = \S/)
          // The plan never says a declared strategy stands while the audit holds a finding against it.
          const a = assessment.systems.find((s) => s.ref === p.ref)!
          if (a.findings.some((f) => f.rule === 'architecture-strategy-contradicted')) expect(p.reasons.some((r) => r.rule === 'strategy-declared'), p.ref).toBe(false)
        }
      }),
      {seed: SEED, numRuns: 25},
    )
  })
})
