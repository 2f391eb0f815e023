/**
 * What the one-page brief says, as plain strings, built once: the HTML and markdown briefs print
 * these same sentences and figures (a test holds them equal), each escaping them for its medium.
 */
import type {Brief} from '../../core/brief.js'
import {count, gbp, percent, plural} from '../text.js'

const fmt = count
const years = (days: number) => (days / 365.25).toFixed(1)

/** The verdict in one sentence. */
export function briefVerdict(b: Brief): {line: string; late: boolean} {
  const p = b.plan
  const s = p.summary
  const depts = p.audit.departments
  const who = depts.length === 1 ? depts[0].name : plural(depts.length, 'department')
  const range = b.columnOfAll.completionRange ? ` (between ${b.columnOfAll.completionRange.early} and ${b.columnOfAll.completionRange.late})` : ''
  if (s.toMove === 0) return {line: `${who}: nothing is left to move — ${fmt(s.done)} of ${plural(s.systems, 'system')} are migrated or retired and ${fmt(s.retained)} retained.`, late: false}
  const late = p.daysPastDeadline > 0
  const when = late ? `${fmt(p.daysPastDeadline)} days (${years(p.daysPastDeadline)} years) after the ${p.deadline} deadline` : `by the ${p.deadline} deadline`
  return {line: `${who} will finish moving to the cloud on ${p.completion}${range}, ${when}, with ${fmt(s.toMove)} of ${plural(s.systems, 'system')} still to move.`, late}
}

export interface BriefFigure {
  value: string
  label: string
  tone: 'bad' | 'good' | 'warn'
}

/** The five figures, each with what it counts. */
export function briefFigures(b: Brief): BriefFigure[] {
  const c = b.columnOfAll
  const urc = c.unsupportedRunCost
  return [
    {value: percent(c.shareDoneByDeadline), label: `of systems done by the ${c.deadline} deadline`, tone: c.shareDoneByDeadline >= 1 ? 'good' : 'bad'},
    {value: percent(c.shareDone), label: `done now (${fmt(c.done)} of ${fmt(c.systems)} migrated or retired)`, tone: c.shareDone >= 0.5 ? 'good' : 'warn'},
    {value: percent(c.readyToMove.share), label: `of the ${fmt(c.toMove)} still to move could move now as they are`, tone: c.readyToMove.share >= 0.5 ? 'good' : 'warn'},
    {value: fmt(c.daysPastDeadline), label: `days past the deadline at completion (${c.completion})`, tone: c.daysPastDeadline > 0 ? 'bad' : 'good'},
    {
      value: urc ? gbp(urc.gbp) : 'unknown',
      label: `a year runs on platforms past security support${urc && urc.noCostRecorded ? ` (${plural(urc.noCostRecorded, 'system')} with no cost recorded)` : ''}`,
      tone: urc && urc.gbp > 0 ? 'bad' : 'good',
    },
  ]
}

/** One line per risk: the system, what is wrong, and who owns it. */
export function briefRiskCells(b: Brief): string[][] {
  return b.risks.map((r) => [
    `${r.name} (${r.ref})`,
    `${r.severity}: ${r.message}${r.more ? ` (+${fmt(r.more)} more critical or high)` : ''}`,
    r.readiness,
    r.owner ?? 'no owner recorded',
  ])
}

export const RISK_HEADER = ['system', 'largest risk', 'readiness', 'owner']

/** What would change the completion date most, in a sentence, then the other levers tried. */
export function briefLevers(b: Brief): string[] {
  if (!b.levers.length) return ['Nothing is left to move: no lever changes the completion date.']
  const say = (l: Brief['levers'][number]) =>
    `with ${l.change}, the plan ${l.days < 0 ? `finishes on ${l.completion}, ${fmt(-l.days)} days earlier` : l.days > 0 ? `finishes on ${l.completion}, ${fmt(l.days)} days later` : `still finishes on ${l.completion}`}`
  const [best, ...rest] = b.levers
  const head = best.days < 0 ? `The largest change: ${say(best)}.` : `No planning lever tried brings the date forward (${say(best)}): what holds it is the work itself — dependencies and the systems that are not ready.`
  return [head, ...rest.map((l) => `${say(l).replace(/^./, (c) => c.toUpperCase())}.`)]
}
