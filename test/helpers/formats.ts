/** Readers for the text formats, shared by the tests that parse cloudready's output back. */

/**
 * RFC 4180, strictly: rows of cells. Throws on a bare LF outside quotes, a quoted cell that never
 * closes, text after a closing quote, and a last row without its CRLF.
 */
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
    } else if (c === '"' && cell === '' && !wasQuoted) {
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
    } else if (c === '\n') {
      throw new Error(`a bare LF outside quotes at offset ${i}: CSV rows end in CRLF`)
    } else {
      if (wasQuoted) throw new Error(`text after a closing quote in row ${rows.length + 1}`)
      cell += c
    }
  }
  if (quoted) throw new Error('a quoted cell is never closed')
  if (cell !== '' || row.length > 0) throw new Error('the last row has no CRLF')
  return rows
}

/** The cells of one Markdown table row, split at pipes that are not escaped (`\|`, `\\`). */
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
  // `| a | b |` splits into '', ' a ', ' b ', ''.
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
