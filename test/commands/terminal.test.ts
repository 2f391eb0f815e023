/**
 * What a person at a terminal sees (issue: a new user's first hour): an HTML page is not poured onto
 * the terminal, `-o` says what it wrote, `--quiet` keeps to errors, and flags a command does not use
 * are refused. A real terminal comes from util-linux `script`, which gives the command a pseudo-terminal.
 */
import {spawnSync} from 'node:child_process'
import {existsSync, mkdtempSync, readdirSync, rmSync} from 'node:fs'
import {tmpdir} from 'node:os'
import path from 'node:path'

import {afterAll, describe, expect, it} from 'vitest'

import {BIN, cli, ROOT, userLines} from '../helpers/cli.js'

const AS_OF = '2026-11-27'
const hasScript = spawnSync('script', ['--version'], {encoding: 'utf8'}).status === 0

/** `cloudready ARGS` with standard output on a pseudo-terminal; what it printed there and its exit code. */
function onTerminal(args: string[]): {code: number; text: string} {
  const command = [process.execPath, BIN, ...args].map((a) => `'${a.replace(/'/g, "'\\''")}'`).join(' ')
  const r = spawnSync('script', ['-qec', command, '/dev/null'], {cwd: ROOT, encoding: 'utf8', env: {...process.env, NO_COLOR: '1'}, timeout: 60_000})
  return {code: r.status ?? -1, text: r.stdout.replace(/\r/g, '')}
}

describe.skipIf(!hasScript)('on a terminal', () => {
  it('report (HTML) refuses with the command that writes it to a file, exit 2, no markup', () => {
    const r = onTerminal(['report', 'examples', '--as-of', AS_OF])
    expect(r.code).toBe(2)
    expect(r.text).toContain('the HTML report is a page for a browser, not for a terminal')
    expect(r.text).toContain('-o report.html')
    expect(r.text).not.toContain('<html')
  })

  it('plan --format html too; plan as text is printed as usual', () => {
    expect(onTerminal(['plan', 'examples', '--as-of', AS_OF, '--format', 'html']).code).toBe(2)
    const text = onTerminal(['plan', 'examples', '--as-of', AS_OF])
    expect(text.code).toBe(0)
    expect(text.text).toContain('cloudready plan of 83 systems')
  })

  it('report to a pipe or with -o is written as asked', () => {
    const piped = cli(['report', 'examples', '--as-of', AS_OF])
    expect(piped.code).toBe(0)
    expect(piped.stdout.slice(0, 15).toLowerCase()).toBe('<!doctype html>')
  })
})

describe('-o, --quiet and flags a command does not use', () => {
  const dir = mkdtempSync(path.join(tmpdir(), 'cloudready-terminal-'))
  afterAll(() => rmSync(dir, {recursive: true, force: true}))

  it('-o: one line on standard error naming the file and what is in it; none under --quiet', () => {
    const out = path.join(dir, 'plan.json')
    const r = cli(['plan', 'examples', '--as-of', AS_OF, '--format', 'json', '-o', out])
    expect(r.code).toBe(0)
    expect(userLines(r.stderr)).toHaveLength(1)
    expect(userLines(r.stderr)[0]).toMatch(new RegExp(`^wrote ${out.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}: 83 systems, 68 to move, completion \\d{4}-\\d{2}-\\d{2} \\(\\d{4}-\\d{2}-\\d{2} – \\d{4}-\\d{2}-\\d{2}\\)$`))
    const v = cli(['validate', 'examples', '-o', path.join(dir, 'v.txt')])
    expect(userLines(v.stderr)).toEqual([`wrote ${path.join(dir, 'v.txt')}: 3 files, 0 errors, 1 warning`])
    expect(cli(['validate', 'examples', '-o', path.join(dir, 'v.txt'), '-q']).stderr).toBe('')
  })

  it('validate --quiet: errors only, no total', () => {
    const r = cli(['validate', 'examples', '--quiet'])
    expect([r.code, r.stdout, r.stderr]).toEqual([0, '', ''])
    const bad = cli(['validate', 'test/fixtures/invalid/bad-enum.yaml', '--quiet'])
    expect(bad.code).toBe(2)
    expect(bad.stdout).toMatch(/error/)
    expect(bad.stdout).not.toMatch(/problem/)
  })

  it('init refuses -o and --json, which it would otherwise ignore, and writes nothing', () => {
    for (const flag of [['-o', 'foo.yaml'], ['--json']]) {
      const r = cli(['init', ...flag], {cwd: dir})
      expect(r.code).toBe(2)
      expect(userLines(r.stderr)[0]).toMatch(/^cloudready: init writes inventory\/my-department\.yaml and \.cloudready\.yaml: (-o\/--output|--json) does not apply to it/)
    }
    expect(existsSync(path.join(dir, 'inventory'))).toBe(false)
    expect(readdirSync(dir).filter((f) => f !== 'plan.json' && f !== 'v.txt')).toEqual([])
  })
})
