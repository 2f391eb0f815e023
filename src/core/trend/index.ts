/**
 * `trend`: the estate at each point of its repository's history, judged and planned as of that
 * point's date with today's config, and the measures computed from the points (README "Trend").
 *
 * A run: the repository and the commits that touched an inventory (git.ts, one `git log`) → the
 * files at each commit, replayed from those changes → the points (every commit, or the last
 * commit of each week, month or quarter) → every distinct blob read in one `git cat-file --batch`
 * and parsed once (most files are the same from one point to the next) → at each point, the same
 * validation, audit and plan as the commands → measures.ts.
 */
import path from 'node:path'

import {addDays, addMonths} from '../dates.js'
import {auditReport, type PlanRunOptions, planFor, prepareSettings, type Settings} from '../index.js'
import {loadPaths, parseBuffer} from '../load/index.js'
import type {ParsedDocument} from '../load/document.js'
import type {Diagnostic} from '../model/types.js'
import type {PlanReport} from '../plan/report.js'
import {hasErrors, validateDocuments} from '../validate/index.js'
import {type Commit, dirtyInventories, history, isInventory, openRepo, readBlobs, type Repo} from './git.js'
import {measures} from './measures.js'
import type {DepartmentPoint, TrendPoint, TrendReport} from './report.js'
import {UsageError} from '../errors.js'
import type {AuditReport} from '../assess/report.js'

export type Every = TrendReport['every']

export interface TrendOptions extends Omit<PlanRunOptions, 'start'> {
  every: Every
  since?: string
  /** Last day of the history read (default: `asOf`). */
  until?: string
  cwd?: string
}

/** One point to judge: the files as they were, by path → blob id (or the working copy). */
interface Snapshot {
  date: string
  commit: Commit | null
  commitDate: string | null
  files: Map<string, string> | 'working-copy'
}

/** A path as the user would type it from where they ran the command (the same output wherever the repository is). */
function shown(p: string, cwd = process.cwd()): string {
  const rel = path.relative(cwd, p)
  return (rel === '' ? '.' : rel).split(path.sep).join('/')
}

const utcDate = (seconds: number) => new Date(seconds * 1000).toISOString().slice(0, 10)

export async function runTrend(options: TrendOptions): Promise<TrendReport> {
  const until = options.until ?? options.asOf
  if (options.since && options.since > until) throw new UsageError(`--since ${options.since} is after --until ${until}: nothing to measure`)
  const repo = await openRepo(options.paths, options.cwd)
  const settings = await prepareSettings({...options, paths: options.paths.map((p) => path.resolve(options.cwd ?? process.cwd(), p))})
  const commits = await history(repo)
  const dirty = (await dirtyInventories(repo)).length > 0
  const snapshots = pickSnapshots(repo, commits, {every: options.every, since: options.since, until, asOf: options.asOf, dirty})
  if (snapshots.length === 0) {
    throw new UsageError(commits.length === 0 ? `no commit in this repository's history changed ${options.paths.join(', ')}: commit the inventories first` : `no commit changed the inventories between ${options.since ?? 'the start'} and ${until}`)
  }
  const blobIds = new Set<string>()
  for (const s of snapshots) if (s.files !== 'working-copy') for (const id of s.files.values()) blobIds.add(id)
  const blobs = await readBlobs(repo, [...blobIds])
  const parsed = new Map<string, {document?: ParsedDocument; diagnostics: Diagnostic[]}>()
  const points: TrendPoint[] = []
  let previous: Seen | undefined
  let settingsShown: TrendReport['settings'] | undefined
  for (const snap of snapshots) {
    const {documents, diagnostics, files} = snap.files === 'working-copy' ? workingCopy(options) : atCommit(snap.files, blobs, parsed)
    const base = {date: snap.date, commit: snap.commit?.id ?? null, commitDate: snap.commitDate, subject: snap.commit?.subject ?? 'the working copy (uncommitted changes)', workingCopy: snap.files === 'working-copy'}
    let point: TrendPoint
    if (files === 0) {
      point = gapPoint(base, 'no inventory files at this point')
    } else {
      const validated = documents ? await validateDocuments(documents) : undefined
      const all = [...diagnostics, ...(validated?.diagnostics ?? [])]
      if (!validated || hasErrors(all)) {
        point = gapPoint(base, gapReason(all))
      } else {
        const run = {...settings, asOf: snap.date, estate: validated.estate, diagnostics: all, files: []} as const
        const report = auditReport({...run, files: []}, {version: options.version})
        // Wave 1 starts after each point's date: a --start given now would put every past point's plan in the present.
        const planReport = planFor({...run, files: [], report}, {...options, start: undefined})
        settingsShown ??= settingsOf(settings, planReport)
        const judged = judgedPoint(base, report, planReport, previous)
        point = judged.point
        previous = judged.seen
      }
    }
    points.push(point)
  }
  return {
    tool: {name: 'cloudready', version: options.version},
    repository: shown(repo.root, options.cwd),
    paths: repo.paths.map((p) => p.rel || '.'),
    asOf: options.asOf,
    deadline: settings.deadline,
    every: options.every,
    since: options.since ?? null,
    until,
    settings: {...(settingsShown ?? settingsOf(settings)), config: settings.config.file ? shown(settings.config.file, options.cwd) : null},
    points,
    measures: measures(points),
    read: {commits: commits.length, blobs: parsed.size},
  }
}

function settingsOf(settings: Settings, plan?: PlanReport): TrendReport['settings'] {
  return {
    config: settings.config.file ?? null,
    capacity: plan ? (plan.capacity.systems !== undefined ? `${plan.capacity.systems} systems a wave` : `${plan.capacity.effort} person-months a wave`) : 'not planned',
    waveLengthMonths: plan?.waveLengthMonths ?? 0,
    teamSize: plan?.summary.teamSize ?? 0,
    lifecycleSnapshot: settings.lifecycle.snapshot,
  }
}

type PointBase = Pick<TrendPoint, 'date' | 'commit' | 'commitDate' | 'subject' | 'workingCopy'>

function gapPoint(base: PointBase, gap: string): TrendPoint {
  return {...base, gap, systems: null, done: null, doneByDeadline: null, toMove: null, readyToMove: null, readyWithConditionsToMove: null, pastSecuritySupport: null, completion: null, completionRange: null, daysPastDeadline: null, moved: [], added: [], removed: [], reopened: [], departments: []}
}

function gapReason(diagnostics: Diagnostic[]): string {
  const errors = diagnostics.filter((d) => d.severity === 'error')
  const e = errors[0]
  if (!e) return 'the inventories could not be read'
  const more = errors.length > 1 ? ` (and ${errors.length - 1} more)` : ''
  return `does not validate: ${e.file}:${e.line}:${e.column} ${e.message}${more}`
}

/** The systems of the last judged point, and those done: what the next point is compared with. */
interface Seen {
  present: Set<string>
  done: Set<string>
}

function judgedPoint(base: PointBase, report: AuditReport, plan: PlanReport, previous: Seen | undefined): {point: TrendPoint; seen: Seen} {
  const done = new Set<string>()
  const present = new Set<string>()
  for (const s of report.systems) {
    present.add(s.ref)
    if (s.migrationStatus === 'migrated' || s.migrationStatus === 'retired') done.add(s.ref)
  }
  const moved: string[] = []
  const added: string[] = []
  const removed: string[] = []
  const reopened: string[] = []
  if (previous) {
    for (const ref of present) {
      if (!previous.present.has(ref)) added.push(ref)
      else if (done.has(ref) && !previous.done.has(ref)) moved.push(ref)
      else if (!done.has(ref) && previous.done.has(ref)) reopened.push(ref)
    }
    for (const ref of previous.present) if (!present.has(ref)) removed.push(ref)
  }
  const ends = new Map<string, string>()
  let readyToMove = 0
  let withConditions = 0
  for (const s of plan.systems) {
    if (s.wave === null) continue
    if (s.readiness === 'ready') readyToMove++
    else if (s.readiness === 'ready-with-conditions') withConditions++
    const dept = s.ref.slice(0, s.ref.indexOf('/'))
    if (s.end && (ends.get(dept) ?? '') < s.end) ends.set(dept, s.end)
  }
  const departments: DepartmentPoint[] = report.departments.map((d) => ({id: d.id, systems: d.summary.systems, done: d.summary.done, toMove: d.summary.toMove, completion: ends.get(d.id) ?? null}))
  departments.sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0))
  const sort = (a: string[]) => a.sort((x, y) => (x < y ? -1 : x > y ? 1 : 0))
  const point: TrendPoint = {
    ...base,
    gap: null,
    systems: report.summary.systems,
    done: report.summary.done,
    doneByDeadline: report.summary.doneByDeadline.count,
    toMove: report.summary.toMove,
    readyToMove,
    readyWithConditionsToMove: withConditions,
    pastSecuritySupport: {systems: report.summary.runCost.pastSecuritySupport.systems, annualRunGbp: report.summary.runCost.pastSecuritySupport.gbp},
    completion: plan.completion,
    completionRange: {early: plan.completionRange.early, late: plan.completionRange.late},
    daysPastDeadline: plan.daysPastDeadline,
    moved: sort(moved),
    added: sort(added),
    removed: sort(removed),
    reopened: sort(reopened),
    departments,
  }
  return {point, seen: {present, done}}
}

/** The documents at a commit: each blob parsed once, whatever number of points it is in. */
function atCommit(files: Map<string, string>, blobs: Map<string, Buffer>, parsed: Map<string, {document?: ParsedDocument; diagnostics: Diagnostic[]}>): {documents?: ParsedDocument[]; diagnostics: Diagnostic[]; files: number} {
  const documents: ParsedDocument[] = []
  const diagnostics: Diagnostic[] = []
  const names = [...files.keys()].sort((a, b) => (a < b ? -1 : a > b ? 1 : 0))
  for (const name of names) {
    const id = files.get(name)!
    // By blob and name: the same bytes under another name are another file in messages.
    const key = `${id}\0${name}`
    let result = parsed.get(key)
    if (!result) {
      const bytes = blobs.get(id)
      result = bytes ? parseBuffer(name, bytes) : {diagnostics: [{severity: 'error', code: 'unreadable', message: `git could not read this file's version ${id}`, file: name, line: 1, column: 1, pointer: ''}]}
      parsed.set(key, result)
    }
    if (result.document) documents.push(result.document)
    diagnostics.push(...result.diagnostics)
  }
  return {documents, diagnostics, files: names.length}
}

/** The working copy, read as every command reads it (validated with the other points' documents). */
function workingCopy(options: TrendOptions): {documents?: ParsedDocument[]; diagnostics: Diagnostic[]; files: number} {
  const loaded = loadPaths(options.paths, {maxFileMb: options.maxFileMb, followSymlinks: options.followSymlinks, cwd: options.cwd})
  return {documents: loaded.documents, diagnostics: loaded.diagnostics.filter((d) => d.code !== 'no-inputs'), files: loaded.files.length}
}

/** Period ends: the last day of the week (Sunday), month or quarter that `date` is in. */
export function periodEnd(date: string, every: Exclude<Every, 'commit'>): string {
  if (every === 'week') {
    const day = new Date(`${date}T00:00:00Z`).getUTCDay()
    return addDays(date, (7 - day) % 7)
  }
  const month = Number(date.slice(5, 7))
  const lastMonth = every === 'month' ? month : Math.ceil(month / 3) * 3
  const first = `${date.slice(0, 4)}-${String(lastMonth).padStart(2, '0')}-01`
  return addDays(addMonths(first, 1), -1)
}

/** The points: every commit in the range, or the state at the end of each period; the working copy last when it differs. */
export function pickSnapshots(repo: Repo, commits: Commit[], o: {every: Every; since?: string; until: string; asOf: string; dirty: boolean}): Snapshot[] {
  const files = new Map<string, string>()
  const states: Array<{commit: Commit; date: string; files: Map<string, string>}> = []
  for (const c of commits) {
    for (const [p, blob] of c.changes) {
      if (!isInventory(repo, p)) continue
      if (blob === null) files.delete(p)
      else files.set(p, blob)
    }
    states.push({commit: c, date: utcDate(c.time), files: new Map(files)})
  }
  const inRange = (d: string) => (!o.since || d >= o.since) && d <= o.until
  const out: Snapshot[] = []
  const withWorkingCopy = o.dirty && inRange(o.asOf)
  if (o.every === 'commit') {
    for (const s of states) if (inRange(s.date)) out.push({date: s.date, commit: s.commit, commitDate: null, files: s.files})
  } else if (states.length > 0) {
    const start = [states[0].date, o.since ?? states[0].date].sort()[1]
    let end = periodEnd(start, o.every)
    let i = 0
    let last: (typeof states)[number] | undefined
    for (;;) {
      const at = end < o.until ? end : o.until
      while (i < states.length && states[i].date <= at) last = states[i++]
      if (last && !(withWorkingCopy && at === o.until && at >= o.asOf)) out.push({date: at, commit: last.commit, commitDate: utcDate(last.commit.time), files: last.files})
      if (end >= o.until) break
      end = periodEnd(addDays(end, 1), o.every)
    }
  }
  if (withWorkingCopy) out.push({date: o.asOf, commit: null, commitDate: null, files: 'working-copy'})
  return out
}
