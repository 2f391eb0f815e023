/**
 * The inventory repository's history, read with the git command-line tool: `execFile`, never a
 * shell, and only commands that read (log, status, cat-file, rev-parse). `GIT_OPTIONAL_LOCKS=0`
 * stops `git status` from refreshing the index, so nothing is written to the repository; external
 * diff and text-conversion drivers and fsmonitor are turned off, so no program named by the
 * repository's config runs. Why the command-line tool and not a library: it is on every machine
 * that has the repository, it knows every object format and packing, and `cat-file --batch` reads
 * a thousand blobs in one process (docs/trend.md).
 */
import {execFile, spawn} from 'node:child_process'
import {realpathSync, statSync} from 'node:fs'
import path from 'node:path'

import {UsageError} from '../errors.js'
import {YAML_EXT} from '../load/index.js'

const NO_GIT = 'git is not installed (or not on PATH): trend reads the inventories\' history with it'
const ENV = {...process.env, GIT_OPTIONAL_LOCKS: '0', GIT_TERMINAL_PROMPT: '0', LC_ALL: 'C', GIT_LITERAL_PATHSPECS: '1'}
const SAFE = ['-c', 'core.fsmonitor=false', '-c', 'core.quotePath=false']
/** Largest output a git command may give here: a log of a long history with its changes. */
const MAX_BUFFER = 1024 * 1024 * 1024

export class GitError extends Error {}

function git(cwd: string, args: string[]): Promise<string> {
  return new Promise((resolve, reject) => {
    execFile('git', [...SAFE, ...args], {cwd, env: ENV, maxBuffer: MAX_BUFFER, encoding: 'utf8'}, (error, stdout, stderr) => {
      if (!error) return resolve(stdout)
      if ((error as NodeJS.ErrnoException).code === 'ENOENT') return reject(new UsageError(NO_GIT))
      reject(new GitError(String(stderr || error.message).trim().split('\n')[0]))
    })
  })
}

/** One commit on the first-parent line that changed an inventory, and the changes it made. */
export interface Commit {
  id: string
  /** Committer time, seconds since the epoch. */
  time: number
  subject: string
  /** Path → blob id after the commit (null: deleted). */
  changes: Array<[path: string, blob: string | null]>
}

export interface Repo {
  root: string
  /** The paths given, relative to the root ('' for the root itself), and whether each is a folder. */
  paths: Array<{rel: string; folder: boolean}>
  /** Earlier names of the files given (renames followed). */
  formerNames: Set<string>
}

/** The repository the paths are in (one for all), or a usage error that says what to do. */
export async function openRepo(paths: string[], cwd = process.cwd()): Promise<Repo> {
  if (paths.includes('-')) throw new UsageError('trend reads the history of files in a git repository: standard input (-) has none')
  let root: string | undefined
  const rels: Repo['paths'] = []
  for (const given of paths) {
    const abs = path.resolve(cwd, given)
    let folder: boolean
    try {
      folder = statSync(abs).isDirectory()
    } catch {
      throw new UsageError(`${given}: no such file or folder`)
    }
    let top: string
    try {
      top = (await git(folder ? abs : path.dirname(abs), ['rev-parse', '--show-toplevel'])).trim()
    } catch (error) {
      if (error instanceof GitError) throw new UsageError(`${given} is not in a git repository: trend measures progress from the history of the repository the inventories are kept in (run it in a clone of that repository)`)
      throw error
    }
    const realTop = realpathSync(top)
    if (root !== undefined && root !== realTop) throw new UsageError(`${given} is in another git repository (${top}) than the paths before it: give paths from one repository`)
    root = realTop
    rels.push({rel: path.relative(realTop, realpathSync(abs)).split(path.sep).join('/'), folder})
  }
  if (root === undefined) throw new UsageError('no inventory given')
  if ((await git(root, ['rev-parse', '--is-shallow-repository'])).trim() === 'true') {
    throw new UsageError('this clone is shallow (its history is cut short), so progress cannot be measured from it: fetch the whole history (git fetch --unshallow; in GitHub Actions, actions/checkout with fetch-depth: 0; in GitLab CI, GIT_DEPTH: 0)')
  }
  try {
    await git(root, ['rev-parse', '--verify', '--quiet', 'HEAD'])
  } catch {
    throw new UsageError('the repository has no commits yet: trend needs a history (commit the inventories first)')
  }
  const repo: Repo = {root, paths: rels, formerNames: new Set()}
  // A file given by name keeps its history through renames (git log --follow).
  for (const p of rels.filter((r) => !r.folder)) {
    const out = await git(root, ['log', '--first-parent', '--follow', '--no-ext-diff', '--no-textconv', '--name-only', '-z', '--format=%x01', '--', p.rel])
    for (const name of out.split('\0')) {
      let n = name
      while (n.startsWith('\u0001') || n.startsWith('\n')) n = n.slice(1)
      if (n && n !== p.rel) repo.formerNames.add(n)
    }
  }
  return repo
}

/** Whether a path in the repository is one of the inventories the user named (as a folder search would find it). */
export function isInventory(repo: Repo, file: string): boolean {
  if (repo.formerNames.has(file)) return true
  for (const p of repo.paths) {
    if (!p.folder) {
      if (file === p.rel) return true
      continue
    }
    const prefix = p.rel === '' ? '' : `${p.rel}/`
    if (!file.startsWith(prefix) || !YAML_EXT.test(file)) continue
    // As in a folder search: no hidden files or folders, nothing under node_modules.
    if (file.slice(prefix.length).split('/').some((seg) => seg.startsWith('.') || seg === 'node_modules')) continue
    return true
  }
  return false
}

function pathspecs(repo: Repo): string[] {
  const specs = repo.paths.map((p) => (p.rel === '' ? '.' : p.rel))
  return [...specs, ...repo.formerNames]
}

/**
 * The commits on the first-parent line (the main line: a merged branch counts when it is merged)
 * that changed an inventory, oldest first, each with its changes as blob ids. One `git log`.
 */
export async function history(repo: Repo): Promise<Commit[]> {
  const out = await git(repo.root, ['log', '--first-parent', '--diff-merges=first-parent', '--reverse', '--raw', '--no-abbrev', '-M', '--no-ext-diff', '--no-textconv', '-z', '--format=%x01%H%x00%ct%x00%s', '--', ...pathspecs(repo)])
  const tokens = out.split('\0')
  const commits: Commit[] = []
  let i = 0
  // Read by position: a commit's id, time and subject; then entries of a meta token and one path
  // (two for a rename or copy), until the next commit. A subject or path may hold any character.
  while (i < tokens.length) {
    const head = tokens[i].replace(/^\n/, '')
    if (!head.startsWith('\x01')) {
      i++
      continue
    }
    const commit: Commit = {id: head.slice(1), time: Number(tokens[i + 1]), subject: tokens[i + 2] ?? '', changes: []}
    i += 3
    while (i < tokens.length && tokens[i].replace(/^\n/, '').startsWith(':')) {
      const meta = tokens[i].replace(/^\n/, '').slice(1).split(' ')
      const blob = meta[3]
      const status = meta[4] ?? ''
      if (status.startsWith('R') || status.startsWith('C')) {
        if (status.startsWith('R')) commit.changes.push([tokens[i + 1], null])
        commit.changes.push([tokens[i + 2], blob])
        i += 3
      } else {
        commit.changes.push([tokens[i + 1], status === 'D' ? null : blob])
        i += 2
      }
    }
    commits.push(commit)
  }
  return commits
}

/** The inventories that differ in the working copy from HEAD (changed, added, deleted or untracked). */
export async function dirtyInventories(repo: Repo): Promise<string[]> {
  const out = await git(repo.root, ['status', '--porcelain=v1', '-z', '--untracked-files=all', '--', ...pathspecs(repo)])
  const tokens = out.split('\0')
  const dirty: string[] = []
  for (let i = 0; i < tokens.length; i++) {
    const t = tokens[i]
    if (t.length < 4) continue
    const file = t.slice(3)
    if (isInventory(repo, file)) dirty.push(file)
    // A rename's entry is followed by its old name.
    if (t[0] === 'R' || t[0] === 'C') i++
  }
  return dirty
}

/**
 * The contents of blobs, in one `git cat-file --batch` process: ids in on its standard input,
 * `<id> blob <size>\n<bytes>\n` back for each.
 */
export function readBlobs(repo: Repo, ids: string[]): Promise<Map<string, Buffer>> {
  return new Promise((resolve, reject) => {
    const child = spawn('git', [...SAFE, 'cat-file', '--batch'], {cwd: repo.root, env: ENV, stdio: ['pipe', 'pipe', 'pipe']})
    const chunks: Buffer[] = []
    let stderr = ''
    child.stdout.on('data', (c: Buffer) => chunks.push(c))
    child.stderr.on('data', (c: Buffer) => (stderr += c.toString()))
    child.on('error', (error) => reject((error as NodeJS.ErrnoException).code === 'ENOENT' ? new UsageError(NO_GIT) : error))
    child.on('close', (code) => {
      if (code !== 0) return reject(new GitError(stderr.trim() || `git cat-file exited with ${code}`))
      const out = Buffer.concat(chunks)
      const blobs = new Map<string, Buffer>()
      let at = 0
      while (at < out.length) {
        const nl = out.indexOf(10, at)
        if (nl === -1) break
        const [id, type, size] = out.toString('latin1', at, nl).split(' ')
        at = nl + 1
        if (type !== 'blob') continue
        const n = Number(size)
        blobs.set(id, out.subarray(at, at + n))
        at += n + 1
      }
      resolve(blobs)
    })
    child.stdin.on('error', () => {})
    child.stdin.end(ids.map((id) => `${id}\n`).join(''))
  })
}
