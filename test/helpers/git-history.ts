/** Real git repositories with set commit dates, for the `trend` tests. */
import {execFileSync} from 'node:child_process'
import {mkdirSync, mkdtempSync, rmSync, writeFileSync} from 'node:fs'
import {tmpdir} from 'node:os'
import path from 'node:path'

export interface HistoryCommit {
  /** YYYY-MM-DD: the commit is made at noon UTC that day. */
  date: string
  message?: string
  /** Path → content, or null to delete it. */
  files: Record<string, string | null>
}

export function git(cwd: string, args: string[], date?: string): string {
  const when = date ? `${date}T12:00:00Z` : undefined
  return execFileSync('git', args, {
    cwd,
    encoding: 'utf8',
    env: {...process.env, GIT_AUTHOR_NAME: 'Test', GIT_AUTHOR_EMAIL: 'test@example.org', GIT_COMMITTER_NAME: 'Test', GIT_COMMITTER_EMAIL: 'test@example.org', GIT_CONFIG_NOSYSTEM: '1', ...(when ? {GIT_AUTHOR_DATE: when, GIT_COMMITTER_DATE: when} : {})},
    stdio: ['ignore', 'pipe', 'pipe'],
  })
}

/** A fresh repository (in a temporary folder) with these commits, in order. */
export function makeHistory(commits: HistoryCommit[], dir = mkdtempSync(path.join(tmpdir(), 'cloudready-trend-'))): string {
  git(dir, ['init', '-q', '-b', 'main'])
  for (const c of commits) {
    for (const [file, content] of Object.entries(c.files)) {
      const full = path.join(dir, file)
      if (content === null) rmSync(full, {force: true})
      else {
        mkdirSync(path.dirname(full), {recursive: true})
        writeFileSync(full, content)
      }
    }
    git(dir, ['add', '-A'])
    git(dir, ['commit', '-q', '--allow-empty', '-m', c.message ?? `change of ${c.date}`], c.date)
  }
  return dir
}

/** A small valid inventory: one department, systems as [id, migration status, completed date?]. */
export function inventory(department: string, systems: Array<[id: string, status: string, completed?: string]>): string {
  const lines = ['apiVersion: cloudready/v1', 'kind: Inventory', `department: {id: ${department}, name: Department ${department}}`, 'systems:']
  for (const [id, status, completed] of systems) {
    lines.push(`  - id: ${id}`, `    name: System ${id}`, '    criticality: low', `    hosting: ${status === 'migrated' ? 'public-cloud' : 'on-premises'}`, `    migration: {status: ${status}${completed ? `, completed: ${completed}` : ''}, target: public-cloud}`)
  }
  return `${lines.join('\n')}\n`
}
