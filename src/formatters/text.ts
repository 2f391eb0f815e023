/** Text helpers shared by the human formats. */

/**
 * Makes a string from an inventory safe to print on a terminal: escape sequences and other control
 * characters become visible `\xNN` text, so a system name cannot move the cursor or rewrite the screen.
 */
export function sanitizeTerminal(text: string): string {
  // eslint-disable-next-line no-control-regex
  return text.replace(/[\u0000-\u0008\u000b-\u001f\u007f-\u009f\u2028\u2029\u202a-\u202e\u2066-\u2069]/g, (c) => {
    const code = c.charCodeAt(0)
    return code <= 0xff ? `\\x${code.toString(16).padStart(2, '0')}` : `\\u${code.toString(16).padStart(4, '0')}`
  })
}

/**
 * sanitizeTerminal for text shown on one line (a message, a name in a table): line breaks and tabs
 * become visible too, so a value cannot start a line of its own — a forged "✔ valid" or, in a CI
 * log, a `::error::` workflow command.
 */
export function sanitizeLine(text: string): string {
  return sanitizeTerminal(text).replace(/[\t\n]/g, (c) => (c === '\t' ? '\\x09' : '\\x0a'))
}

/**
 * The number formats of every human output (README "Reading the outputs"), in one place: counts and
 * days with thousands separators, person-months with one decimal, ranges with an en dash.
 */
export function count(n: number): string {
  return COUNT.format(n)
}

export function personMonths(n: number): string {
  return PERSON_MONTHS.format(n)
}

// Made once: `toLocaleString` with options builds a formatter per call (11 s of a 200,000-system plan table).
const COUNT = new Intl.NumberFormat('en-GB', {maximumFractionDigits: 0})
const PERSON_MONTHS = new Intl.NumberFormat('en-GB', {minimumFractionDigits: 1, maximumFractionDigits: 1})

export function range(low: number, high: number, as: (n: number) => string = count): string {
  return `${as(low)}–${as(high)}`
}

/** Rows as aligned columns, two spaces apart, widths in characters (code points); `right`: the columns aligned right. */
export function alignColumns(rows: string[][], right: Set<number> = new Set()): string[] {
  const widths = rows[0].map((_, i) => rows.reduce((w, r) => Math.max(w, [...r[i]].length), 0))
  return rows.map((r) => r.map((c, i) => (right.has(i) ? c.padStart(widths[i]) : c.padEnd(widths[i] + c.length - [...c].length))).join('  ').trimEnd())
}

export function plural(n: number, word: string, many = `${word}s`): string {
  return `${count(n)} ${n === 1 ? word : many}`
}

/**
 * One CSV cell (RFC 4180), with spreadsheet formula injection neutralised: a text cell that starts
 * with = + - @ tab or CR gets a leading apostrophe, so Excel and Sheets show it as text.
 */
export function csvCell(value: unknown): string {
  if (value === null || value === undefined) return ''
  let s = typeof value === 'number' ? String(value) : String(value)
  if (typeof value !== 'number' && /^[=+\-@\t\r]/.test(s)) s = `'${s}`
  return /[",\r\n]/.test(s) || s !== s.trim() ? `"${s.replace(/"/g, '""')}"` : s
}

export function csvRow(cells: unknown[]): string {
  return cells.map(csvCell).join(',')
}

/** A Markdown table cell: pipes escaped, line breaks folded, HTML-looking text defused. */
export function mdCell(value: unknown): string {
  if (value === null || value === undefined) return ''
  return sanitizeTerminal(String(value).replace(/\r\n|\r|\n/g, ' '))
    .replace(/\\/g, '\\\\')
    .replace(/\|/g, '\\|')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/`/g, '\\`')
}

export function mdTable(header: string[], rows: unknown[][]): string {
  return [...mdTableLines(header, rows)].join('\n')
}

/** The lines of a Markdown table, one at a time, for tables too long to hold as one string. */
export function* mdTableLines(header: string[], rows: Iterable<unknown[]>): Generator<string> {
  const line = (cells: string[]) => `| ${cells.join(' | ')} |`
  yield line(header.map(mdCell))
  yield line(header.map(() => '---'))
  for (const r of rows) yield line(r.map(mdCell))
}

export function percent(share: number): string {
  return `${Math.round(share * 100)}%`
}

/** £1.2m, £340k, £900: how a spending review talks about run costs. */
export function gbp(n: number): string {
  if (n >= 1_000_000_000) return `£${(n / 1_000_000_000).toFixed(1).replace(/\.0$/, '')}bn`
  if (n >= 1_000_000) return `£${(n / 1_000_000).toFixed(1).replace(/\.0$/, '')}m`
  if (n >= 10_000) return `£${Math.round(n / 1000)}k`
  return `£${Math.round(n).toLocaleString('en-GB')}`
}

/** How a plan's strategy reads: "done" for a moved system with none recorded, "rehost (assess first)" when too little is known. */
export function strategyText(s: {strategy: string | null; assessFirst?: boolean}): string {
  if (s.strategy === null) return 'done'
  return s.assessFirst ? `${s.strategy} (assess first)` : s.strategy
}
