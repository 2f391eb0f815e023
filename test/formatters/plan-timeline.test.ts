/**
 * The plan's text timeline: one bar per wave on a shared axis, within the terminal's width,
 * plain without colour, with today, the completion and a long-past deadline named.
 */
import {Chalk} from 'chalk'
import {describe, expect, it} from 'vitest'

import {daysBetween} from '../../src/core/dates.js'
import type {PlanReport} from '../../src/core/plan/report.js'
import {timelineLines} from '../../src/formatters/plan/timeline.js'
import {cli} from '../helpers/cli.js'

const AS_OF = '2026-11-27'
// eslint-disable-next-line no-control-regex
const ANSI = /\u001b\[/
const plain = new Chalk({level: 0})
const plan = JSON.parse(cli(['plan', 'examples', '--as-of', AS_OF, '--format', 'json']).stdout) as PlanReport

describe('the plan timeline', () => {
  it.each([60, 80, 120, 200])('draws every wave in order within %i columns', (width) => {
    const lines = timelineLines(plan, plain, width)
    const bars = lines.filter((l) => l.startsWith('wave '))
    expect(bars.map((l) => l.split(/\s+/).slice(0, 2).join(' '))).toEqual(plan.waves.map((w) => `wave ${w.number}`))
    for (const l of lines) expect(l.length, l).toBeLessThanOrEqual(Math.max(width, 9 + 24 + 13))
    // Each wave starts no earlier on the axis than the one before it, as the dates do.
    const starts = bars.map((l) => l.indexOf('█'))
    for (let i = 1; i < starts.length; i++) expect(starts[i]).toBeGreaterThanOrEqual(starts[i - 1])
    // Later waves are further right: the axis is to scale.
    const span = daysBetween(plan.waves[0].start, plan.waves.at(-1)!.start)
    if (span > 0) expect(starts.at(-1)!).toBeGreaterThan(starts[0])
    // The counts beside the bars are the waves' own, singular for one.
    for (const [i, w] of plan.waves.entries()) expect(bars[i]).toMatch(new RegExp(`  ${w.systems.length} system${w.systems.length === 1 ? '' : 's'}$`))
  })

  it('names today, the completion and the deadline, saying when the deadline is before the axis', () => {
    const text = timelineLines(plan, plain, 200).join('\n')
    expect(text).toContain(`today ${AS_OF}`)
    expect(text).toContain(`completion ${plan.completion}`)
    expect(text).toContain(`deadline ${plan.deadline} (before this axis)`)
    expect(text).not.toMatch(ANSI)
  })

  it('is in the plan table, coloured only when colour is allowed', () => {
    const run = cli(['plan', 'examples', '--as-of', AS_OF, '--no-color'])
    expect(run.stdout).toMatch(/\nTimeline\n\s+\d{4}/)
    expect(run.stdout).not.toMatch(ANSI)
    expect(timelineLines(plan, new Chalk({level: 1}), 80).join('\n')).toMatch(ANSI)
  })

  it('draws nothing for a plan with no wave', () => {
    expect(timelineLines({...plan, waves: []}, plain, 80)).toEqual([])
  })
})
