/** Shared by the reliability tests: temporary folders, hashes, and readers for the text formats. */
import {createHash} from 'node:crypto'
import {mkdtempSync, readdirSync, readFileSync, rmSync} from 'node:fs'
import {tmpdir} from 'node:os'
import path from 'node:path'

export const sha = (file: string): string => createHash('sha256').update(readFileSync(file)).digest('hex')

/** A fresh temporary folder, and a function that removes it. */
export function tempDir(prefix: string): {dir: string; remove: () => void} {
  const dir = mkdtempSync(path.join(tmpdir(), `cloudready-${prefix}-`))
  return {dir, remove: () => rmSync(dir, {recursive: true, force: true})}
}

export function filesUnder(dir: string): string[] {
  const out: string[] = []
  for (const e of readdirSync(dir, {withFileTypes: true})) {
    const full = path.join(dir, e.name)
    if (e.isDirectory()) out.push(...filesUnder(full))
    else out.push(full)
  }
  return out
}

/** Standard error without Node's own process warnings. */
export const userLines = (stderr: string): string[] => stderr.split('\n').filter((l) => l.trim() !== '' && !/^\(node:\d+\)|^\(Use `node --trace-warnings/.test(l))

/** `  12:7  error  message  code` lines of the stylish layout (validate's, and audit's and plan's rejection). */
export const errorLines = (text: string): string[] => text.split('\n').filter((l) => /^\s+\d+:\d+\s+error\s/.test(l))

/** RFC 4180: rows of cells. Throws on a quoted cell that never closes or text after a closing quote. */
export function parseCsv(text: string): string[][] {
  const rows: string[][] = []
  let row: string[] = []
  let cell = ''
  let quoted = false
  let wasQuoted = false
  for (let i = 0; i < text.length; i++) {
    const c = text[i]
    if (quoted) {
      if (c === '"' && text[i + 1] === '"') {
        cell += '"'
        i++
      } else if (c === '"') {
        quoted = false
        wasQuoted = true
      } else {
        cell += c
      }
      continue
    }
    if (c === '"' && cell === '' && !wasQuoted) {
      quoted = true
    } else if (c === ',') {
      row.push(cell)
      cell = ''
      wasQuoted = false
    } else if (c === '\r' && text[i + 1] === '\n') {
      row.push(cell)
      rows.push(row)
      row = []
      cell = ''
      wasQuoted = false
      i++
    } else {
      if (wasQuoted) throw new Error(`text after a closing quote in row ${rows.length + 1}`)
      cell += c
    }
  }
  if (quoted) throw new Error('a quoted cell never closes')
  if (cell !== '' || row.length > 0) {
    row.push(cell)
    rows.push(row)
  }
  return rows
}

/** The cells of one Markdown table row, split at pipes that are not escaped. */
export function markdownCells(line: string): string[] {
  const cells: string[] = []
  let cell = ''
  for (let i = 0; i < line.length; i++) {
    if (line[i] === '\\') {
      cell += line[i] + (line[i + 1] ?? '')
      i++
    } else if (line[i] === '|') {
      cells.push(cell)
      cell = ''
    } else {
      cell += line[i]
    }
  }
  cells.push(cell)
  return cells.slice(1, -1)
}

/** Every Markdown table in a document: its lines, consecutive lines that start with `|`. */
export function markdownTables(text: string): string[][] {
  const tables: string[][] = []
  let current: string[] | undefined
  for (const line of text.split('\n')) {
    if (line.startsWith('|')) {
      current ??= []
      current.push(line)
    } else if (current) {
      tables.push(current)
      current = undefined
    }
  }
  if (current) tables.push(current)
  return tables
}
