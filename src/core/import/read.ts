/**
 * Reads a spreadsheet into rows of cells: CSV (csv-parse; the encoding and delimiter detected or
 * given) or an Excel workbook (.xlsx, with exceljs: formulas give their cached result and are
 * never evaluated). Every row keeps its number as the spreadsheet shows it (the header is row 1 of
 * its sheet, blank rows counted), so a message can point at it.
 */
import {readRegularFile, ReadError} from '../io/read.js'

import type * as ExcelModule from 'exceljs'

import {InputError} from '../errors.js'

export type Cell = string | number | boolean | null

export interface Table {
  file: string
  /** The sheet read (xlsx), or null for CSV. */
  sheet: string | null
  /** The header row's number and its cells (blank cells named "column N"). */
  headerRow: number
  header: string[]
  rows: Array<{row: number; cells: Cell[]}>
  /** How the bytes were read, for the report: encoding and delimiter (CSV) or the sheet. */
  readAs: string
}

export interface ReadOptions {
  sheet?: string
  delimiter?: string
  encoding?: 'utf-8' | 'windows-1252' | 'utf-16le'
  /** Largest file read, in MiB. */
  maxFileMb?: number
}

const CFB = Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1])
const ZIP = Buffer.from([0x50, 0x4b, 0x03, 0x04])

export async function readTable(file: string, options: ReadOptions = {}): Promise<Table> {
  const shown = file
  let bytes: Buffer
  try {
    bytes = readRegularFile(file, (options.maxFileMb ?? 128) * 1024 * 1024)
  } catch (error) {
    if (error instanceof ReadError) throw new InputError(`${shown}: ${error.message}${error.code === 'too-large' ? ' (--max-file-size)' : ''}`)
    throw error
  }
  if (bytes.subarray(0, 8).equals(CFB)) {
    throw new InputError(`${shown}: this is a password-protected (encrypted) workbook, or an Excel 97–2003 .xls file: open it in Excel, remove the password (File → Info → Protect Workbook → Encrypt with Password, cleared) and save it as .xlsx, or save the sheet as CSV, then import again`)
  }
  if (bytes.subarray(0, 4).equals(ZIP) || /\.xlsx$/i.test(file)) {
    if (!bytes.subarray(0, 4).equals(ZIP)) throw new InputError(`${shown}: named .xlsx but not an Excel workbook (an .xlsx file is a zip archive): save it again from the spreadsheet program`)
    return readXlsx(shown, bytes, options)
  }
  return readCsv(shown, bytes, options)
}

// ---------------------------------------------------------------------------------------------
// CSV

function decode(file: string, bytes: Buffer, given?: ReadOptions['encoding']): {text: string; encoding: string} {
  if (given === 'utf-16le' || (bytes[0] === 0xff && bytes[1] === 0xfe)) {
    // Excel's "Unicode Text": UTF-16 little-endian, tab-separated.
    return {text: new TextDecoder('utf-16le').decode(bytes).replace(/^\ufeff/, ''), encoding: 'UTF-16LE'}
  }
  if (bytes[0] === 0xfe && bytes[1] === 0xff) throw new InputError(`${file}: UTF-16 big-endian text: save it as CSV UTF-8`)
  if (given === 'windows-1252') return {text: decode1252(bytes), encoding: 'Windows-1252 (given)'}
  const bom = bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf
  try {
    const text = new TextDecoder('utf-8', {fatal: true}).decode(bom ? bytes.subarray(3) : bytes)
    return {text, encoding: bom ? 'UTF-8 with BOM' : 'UTF-8'}
  } catch {
    if (given === 'utf-8') throw new InputError(`${file}: not valid UTF-8 (--encoding utf-8 was given): try --encoding windows-1252, what Excel's "CSV" saves on Windows`)
    // Not UTF-8: what Excel on Windows writes for "CSV (Comma delimited)".
    return {text: decode1252(bytes), encoding: 'Windows-1252 (not UTF-8, so read as Excel on Windows writes it)'}
  }
}

/**
 * Windows-1252's characters at 0x80–0x9F (the euro sign, curly quotes, dashes…): Node 20's
 * TextDecoder('windows-1252') gives the C1 control characters there instead, as Latin-1 does.
 */
const CP1252: Record<number, string> = {
  0x80: '\u20ac', 0x82: '\u201a', 0x83: '\u0192', 0x84: '\u201e', 0x85: '\u2026', 0x86: '\u2020', 0x87: '\u2021', 0x88: '\u02c6',
  0x89: '\u2030', 0x8a: '\u0160', 0x8b: '\u2039', 0x8c: '\u0152', 0x8e: '\u017d', 0x91: '\u2018', 0x92: '\u2019', 0x93: '\u201c',
  0x94: '\u201d', 0x95: '\u2022', 0x96: '\u2013', 0x97: '\u2014', 0x98: '\u02dc', 0x99: '\u2122', 0x9a: '\u0161', 0x9b: '\u203a',
  0x9c: '\u0153', 0x9e: '\u017e', 0x9f: '\u0178',
}

export function decode1252(bytes: Buffer): string {
  return bytes.toString('latin1').replace(/[\u0080-\u009f]/g, (c) => CP1252[c.charCodeAt(0)] ?? c)
}

/** The delimiter of the first line that is not blank: the most frequent of , ; tab and | outside quotes. */
export function detectDelimiter(text: string): string {
  const line = text.split(/\r?\n/).find((l) => l.trim() !== '') ?? ''
  const counts = new Map<string, number>([[',', 0], [';', 0], ['\t', 0], ['|', 0]])
  let quoted = false
  for (const ch of line) {
    if (ch === '"') quoted = !quoted
    else if (!quoted && counts.has(ch)) counts.set(ch, counts.get(ch)! + 1)
  }
  let best = ','
  for (const [d, n] of counts) if (n > counts.get(best)!) best = d
  return best
}

async function readCsv(file: string, bytes: Buffer, options: ReadOptions): Promise<Table> {
  if (bytes.includes(0) && !(bytes[0] === 0xff && bytes[1] === 0xfe) && options.encoding !== 'utf-16le') {
    throw new InputError(`${file}: a binary file, not CSV text (it contains NUL bytes): give a .csv or an .xlsx`)
  }
  const {text, encoding} = decode(file, bytes, options.encoding)
  const delimiter = options.delimiter ?? (encoding === 'UTF-16LE' ? '\t' : detectDelimiter(text))
  const {parse} = await import('csv-parse/sync')
  let records: string[][]
  try {
    records = parse(text, {delimiter, relax_column_count: true, relax_quotes: true, skip_empty_lines: false, bom: true, trim: false}) as string[][]
  } catch (error) {
    const e = error as {message?: string; lines?: number}
    throw new InputError(`${file}${e.lines ? `:${e.lines}` : ''}: not readable as CSV: ${String(e.message ?? error).replace(/^Invalid Record Length: /, '')}`)
  }
  return toTable(file, null, records.map((cells, i) => ({row: i + 1, cells: cells.map((c) => c)})), `${encoding}, delimited by ${delimiter === '\t' ? 'tabs' : `"${delimiter}"`}`)
}

// ---------------------------------------------------------------------------------------------
// Excel

async function readXlsx(file: string, bytes: Buffer, options: ReadOptions): Promise<Table> {
  // Loaded only for a workbook: it is the largest dependency, and most imports are CSV.
  const ExcelJS = ((await import('exceljs')) as unknown as {default: typeof ExcelModule}).default
  const workbook = new ExcelJS.Workbook()
  try {
    await workbook.xlsx.load(bytes as unknown as ArrayBuffer)
  } catch (error) {
    throw new InputError(`${file}: not a readable Excel workbook (${String((error as Error).message ?? error).split('\n')[0]}): save it again as .xlsx, or as CSV`)
  }
  const sheets = workbook.worksheets
  if (sheets.length === 0) throw new InputError(`${file}: the workbook has no sheets`)
  let sheet = options.sheet === undefined ? sheets.find((s) => s.actualRowCount > 0) : sheets.find((s) => s.name === options.sheet)
  if (!sheet) {
    if (options.sheet !== undefined) throw new InputError(`${file}: no sheet named "${options.sheet}" (the sheets: ${sheets.map((s) => `"${s.name}"`).join(', ')})`)
    sheet = sheets[0]
  }
  const rows: Table['rows'] = []
  const width = sheet.columnCount
  for (let r = 1; r <= sheet.rowCount; r++) {
    const row = sheet.getRow(r)
    const cells: Cell[] = []
    for (let c = 1; c <= width; c++) cells.push(cellValue(row.getCell(c).value))
    rows.push({row: r, cells})
  }
  return toTable(file, sheet.name, rows, `sheet "${sheet.name}" of ${sheets.length}`)
}

/** A cell as the spreadsheet shows it: a formula's cached result (never evaluated), rich text as text, a date as YYYY-MM-DD. */
function cellValue(v: unknown): Cell {
  if (v === null || v === undefined) return null
  if (typeof v === 'string' || typeof v === 'number' || typeof v === 'boolean') return v
  if (v instanceof Date) return Number.isNaN(v.getTime()) ? null : v.toISOString().slice(0, 10)
  if (typeof v === 'object') {
    const o = v as {result?: unknown; formula?: unknown; sharedFormula?: unknown; richText?: Array<{text: string}>; text?: unknown; hyperlink?: unknown; error?: unknown}
    if ('formula' in o || 'sharedFormula' in o) return o.result === undefined ? null : cellValue(o.result)
    if (Array.isArray(o.richText)) return o.richText.map((t) => t.text).join('')
    if (o.text !== undefined) return cellValue(o.text)
    if (o.error !== undefined) return null
  }
  return String(v)
}

// ---------------------------------------------------------------------------------------------

/**
 * The header is the first row with two different texts or more: a title above it (one cell, or one
 * merged cell that repeats its text across the columns) and blank rows are skipped. Blank header
 * cells are named by their column; the rows after the header are the data.
 */
function toTable(file: string, sheet: string | null, all: Table['rows'], readAs: string): Table {
  const texts = (r: Table['rows'][number]) => new Set(r.cells.filter((c) => c !== null && String(c).trim() !== '').map((c) => String(c).trim()))
  let at = all.findIndex((r) => texts(r).size >= 2)
  if (at === -1) at = all.findIndex((r) => texts(r).size === 1)
  if (at === -1) throw new InputError(`${file}${sheet ? ` (sheet "${sheet}")` : ''}: empty: no header row and no data to import`)
  const headerRow = all[at]
  const seen = new Map<string, number>()
  const header = headerRow.cells.map((c, i) => {
    let name = c === null || String(c).trim() === '' ? `column ${i + 1}` : String(c).replace(/\s+/g, ' ').trim()
    // A merged header cell repeats its text over the columns it spans: the second is "Name (2)".
    const n = (seen.get(name.toLowerCase()) ?? 0) + 1
    seen.set(name.toLowerCase(), n)
    if (n > 1) name = `${name} (${n})`
    return name
  })
  return {file, sheet, headerRow: headerRow.row, header, rows: all.slice(at + 1), readAs}
}
