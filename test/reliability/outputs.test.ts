/**
 * Outputs never replace what they should not, and a write that fails is the user's environment, said
 * as such (reliability, second pass): `-o -` is standard output; `-o` onto a device or a FIFO writes to
 * it rather than replacing it with a file; `-o newdir/` is a folder, not a file named newdir; a long
 * file name gets a temporary name that fits; a full device gives a message and exit 2, never a trace.
 * Plus the dates and escapes of the same pass. Real processes: the devices and FIFOs are the point.
 */
import {spawn, spawnSync} from 'node:child_process'
import {existsSync, lstatSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync} from 'node:fs'
import {tmpdir} from 'node:os'
import path from 'node:path'

import {afterAll, describe, expect, it} from 'vitest'

import {BIN, cli, cliInProcess, ROOT, STACK_TRACE, userLines} from '../helpers/cli.js'

const AS_OF = '2026-11-27'
const dir = mkdtempSync(path.join(tmpdir(), 'cloudready-outputs-'))
afterAll(() => rmSync(dir, {recursive: true, force: true}))

const sh = (command: string) => spawnSync('sh', ['-c', command], {cwd: ROOT, encoding: 'utf8', timeout: 30_000, env: {...process.env, NO_COLOR: '1'}})
const run = `"${process.execPath}" "${BIN}"`

describe('output targets', () => {
  it('-o - is standard output, as - is standard input: no file named -', async () => {
    const r = await cliInProcess(['schema', '-o', '-'], {cwd: dir})
    expect(r.code).toBe(0)
    expect(JSON.parse(r.stdout)).toHaveProperty('$schema')
    expect(existsSync(path.join(dir, '-'))).toBe(false)
  })

  it('-o /dev/null writes to the device and leaves it a device', () => {
    const r = cli(['schema', '-o', '/dev/null'])
    expect(r.code).toBe(0)
    expect(lstatSync('/dev/null').isCharacterDevice()).toBe(true)
  })

  it('-o onto a FIFO writes into it (a reader gets the whole output), and the FIFO stays a FIFO', async () => {
    const fifo = path.join(dir, 'out.fifo')
    spawnSync('mkfifo', [fifo])
    const reader = spawn('cat', [fifo])
    const got: Buffer[] = []
    reader.stdout.on('data', (b: Buffer) => got.push(b))
    const done = new Promise((resolve) => reader.on('close', resolve))
    const r = cli(['schema', '-o', fifo])
    await done
    expect(r.code, r.stderr).toBe(0)
    expect(JSON.parse(Buffer.concat(got).toString('utf8'))).toHaveProperty('$schema')
    expect(lstatSync(fifo).isFIFO()).toBe(true)
  })

  it('-o newdir/ (no such folder): exit 2, no file named newdir', async () => {
    const r = await cliInProcess(['schema', '-o', 'newdir/'], {cwd: dir})
    expect(r.code).toBe(2)
    expect(userLines(r.stderr)).toEqual(["cloudready: cannot write the output to 'newdir/': the folder does not exist, and -o takes a file name"])
    expect(existsSync(path.join(dir, 'newdir'))).toBe(false)
  })

  it('a 240-character file name (valid on Linux) is written, its temporary name fitting beside it', async () => {
    const name = `${'x'.repeat(235)}.json`
    const r = await cliInProcess(['schema', '-o', name], {cwd: dir})
    expect(r.code, r.stderr).toBe(0)
    expect(JSON.parse(readFileSync(path.join(dir, name), 'utf8'))).toHaveProperty('$schema')
    expect(readdirSync(dir).filter((f) => f.endsWith('.tmp'))).toEqual([])
  })

  it('standard output on a full device: a message and exit 2, no stack trace', () => {
    const r = sh(`${run} schema > /dev/full`)
    expect(r.status).toBe(2)
    expect(r.stderr.trim()).toBe('cloudready: cannot write to standard output: no space left on the device')
  })

  it('standard output and error both full: an invalid inventory still exits 2', () => {
    expect(sh(`${run} validate test/fixtures/invalid/bad-enum.yaml > /dev/full 2> /dev/full`).status).toBe(2)
    expect(sh(`${run} audit examples --as-of ${AS_OF} > /dev/full 2> /dev/full`).status).toBe(2)
  })

  it('SIGHUP during a write leaves no temporary file and the old output as it was (exit 129)', async () => {
    const out = path.join(dir, 'hup', 'plan.json')
    spawnSync('mkdir', ['-p', path.dirname(out)])
    writeFileSync(out, 'old')
    const child = spawn(process.execPath, [BIN, 'plan', 'examples', '--as-of', AS_OF, '--format', 'json', '-o', out], {cwd: ROOT})
    const closed = new Promise<number | null>((resolve) => child.on('close', (c, signal) => resolve(c ?? (signal ? -1 : null))))
    // As soon as the temporary file appears.
    const started = Date.now()
    while (Date.now() - started < 20_000 && !readdirSync(path.dirname(out)).some((f) => f.endsWith('.tmp')) && child.exitCode === null) await new Promise((r) => setTimeout(r, 2))
    child.kill('SIGHUP')
    const code = await closed
    // 129 from cloudready's handler; 0 when the write finished first (the output is then whole).
    expect([129, 0]).toContain(code)
    expect(readdirSync(path.dirname(out)).filter((f) => f.endsWith('.tmp'))).toEqual([])
    const text = readFileSync(out, 'utf8')
    expect(text === 'old' || JSON.parse(text).systems.length === 83).toBe(true)
  })
})

describe('dates and escapes', () => {
  const head = 'apiVersion: cloudready/v1\nkind: Inventory\ndepartment: {id: d, name: "D\\e[2J\\e]0;owned\\a"}\nsystems:\n'
  const sys = '  - id: a\n    name: A\n    criticality: critical\n    hosting: on-premises\n    security: {last_health_check: 9999-12-31}\n    resilience: {rto_hours: 4, dr_tested: 9999-12-31}\n'

  it('a last health check or DR test in the future is a data error, said as such (not "-2,912,442 days ago")', async () => {
    writeFileSync(path.join(dir, 'future.yaml'), head + sys)
    const r = await cliInProcess(['audit', 'future.yaml', '--as-of', AS_OF, '--format', 'json'], {cwd: dir})
    const findings = (JSON.parse(r.stdout) as {systems: Array<{findings: Array<{rule: string; message: string}>}>}).systems[0].findings
    expect(findings.find((f) => f.rule === 'security-health-check-stale')?.message).toBe('The last IT Health Check is dated 9999-12-31, after the day of this assessment (2026-11-27): a date in the future is a data error — record when the last check took place')
    expect(findings.find((f) => f.rule === 'architecture-critical-no-dr')?.message).toBe('Critical system whose disaster recovery test is dated 9999-12-31, after the day of this assessment (2026-11-27): a date in the future is a data error — record when DR was last tested')
    expect(JSON.stringify(findings)).not.toMatch(/-\d[\d,]* days/)
  })

  it('markdown carries no escape sequence from a department name: shown, not obeyed', async () => {
    writeFileSync(path.join(dir, 'escapes.yaml'), head + sys)
    const r = await cliInProcess(['audit', 'escapes.yaml', '--as-of', AS_OF, '--format', 'markdown'], {cwd: dir})
    // eslint-disable-next-line no-control-regex
    expect(r.stdout).not.toMatch(/[\u0000-\u0008\u000b-\u001f\u007f-\u009f]/)
    expect(r.stdout).toContain('\\\\x1b[2J')
  })

  it('plan --as-of 9999-12-31 names the flag that was given, not a --start that was not', async () => {
    const r = await cliInProcess(['plan', 'examples', '--as-of', '9999-12-31'])
    expect(r.code).toBe(2)
    expect(r.stderr).not.toContain('--start')
    expect(userLines(r.stderr)[0]).toMatch(/^cloudready: --as-of 9999-12-31 leaves no room for a plan/)
    expect(r.stderr).not.toMatch(STACK_TRACE)
  })
})
