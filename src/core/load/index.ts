/**
 * Reads inventory files (files, folders searched for *.yaml/*.yml, `-` for stdin) into documents
 * that keep the source position of every value. Problems with the files themselves (unreadable,
 * binary, not UTF-8, invalid YAML) become diagnostics with a location; nothing here throws for a
 * user's file, and nothing here writes.
 */
import {isAscii, isUtf8} from 'node:buffer'
import {readdirSync, realpathSync, statSync} from 'node:fs'
import path from 'node:path'

import {noteInputRead} from '../io/inputs-read.js'
import {ReadError, readRegularFile} from '../io/read.js'
import type {Diagnostic} from '../model/types.js'
import {stage} from '../timings.js'
import {ParsedDocument} from './document.js'
import {exactParse} from './exact-yaml.js'
import {fastParseAll} from './fast-yaml.js'
import {byteLineStarts, lineStarts, offsetToPosition, PositionTable} from './positions.js'

export const DEFAULT_MAX_FILE_MB = 128

/**
 * Largest text the exact path (the yaml library) is given, in MiB: it needs 100 (block style) to 400
 * (one long flow) times the text in memory, and Node's heap is 2 to 4 GB. The fast path has no limit.
 */
export const EXACT_MAX_MB = 2

export interface LoadOptions {
  /** Largest file accepted, in MiB (the `--max-file-size` flag). */
  maxFileMb?: number
  /** Follow symbolic links in a folder that lead out of it (`--follow-symlinks`); refused by default. */
  followSymlinks?: boolean
  /** The folder paths are shown relative to. */
  cwd?: string
  /** Reads standard input for `-`. */
  readStdin?: () => Buffer
  /** Turns off the fast parser (tests compare both paths). */
  exactOnly?: boolean
}

/** A file's documents (several when it is a stream, `---` between them), or why it has none. `document`: the first. */
export interface ParseResult {
  document?: ParsedDocument
  documents: ParsedDocument[]
  diagnostics: Diagnostic[]
}

const failed = (diagnostics: Diagnostic[]): ParseResult => ({documents: [], diagnostics})
const one = (document: ParsedDocument): ParseResult => ({document, documents: [document], diagnostics: []})

export interface LoadResult {
  documents: ParsedDocument[]
  diagnostics: Diagnostic[]
  /** Every file read (or tried), as shown to the user, in order. */
  files: string[]
}

/** One input file as found on disk: its real path and how to show it. */
export interface InputFile {
  path: string
  display: string
}

export const YAML_EXT = /\.ya?ml$/i

/** Expands the paths a user gave into a sorted list of files, with diagnostics for what is missing. */
export function findInputs(paths: string[], cwd: string = process.cwd(), followSymlinks = false): {files: InputFile[]; diagnostics: Diagnostic[]} {
  const files: InputFile[] = []
  const diagnostics: Diagnostic[] = []
  const seen = new Set<string>()
  const add = (abs: string) => {
    let real: string
    try {
      real = realpathSync(abs)
    } catch {
      real = abs
    }
    if (seen.has(real)) return
    seen.add(real)
    files.push({path: abs, display: displayPath(abs, cwd)})
  }
  for (const given of paths) {
    if (given === '-') {
      files.push({path: '-', display: '-'})
      continue
    }
    const abs = path.resolve(cwd, given)
    let stat
    try {
      stat = statSync(abs)
    } catch (error) {
      diagnostics.push(fileDiagnostic(displayPath(abs, cwd), 'not-found', describeFsError(error, 'no such file or folder')))
      continue
    }
    if (stat.isDirectory()) {
      const found: string[] = []
      const outside: string[] = []
      walk(abs, found, new Set(), followSymlinks ? undefined : {root: realOf(abs), outside})
      // In CI a pull request can add a link to any file of the runner: it is not read, and nothing of it is quoted.
      for (const link of outside.sort()) diagnostics.push(fileDiagnostic(displayPath(link, cwd), 'symlink-outside', `a symbolic link out of the folder ${displayPath(abs, cwd)}: not followed (--follow-symlinks follows links out of the folders given)`))
      if (found.length === 0) {
        diagnostics.push(fileDiagnostic(displayPath(abs, cwd), 'no-inputs', 'no *.yaml or *.yml files in this folder'))
      }
      // Sorted by code unit so the order, and so every output, is the same on every machine.
      found.sort((a, b) => (a < b ? -1 : a > b ? 1 : 0))
      for (const f of found) add(f)
    } else {
      add(abs)
    }
  }
  return {files, diagnostics}
}

function realOf(p: string): string {
  try {
    return realpathSync(p)
  } catch {
    return p
  }
}

/** Whether `real` is `root` or inside it. */
function inside(real: string, root: string): boolean {
  return real === root || real.startsWith(root.endsWith(path.sep) ? root : root + path.sep)
}

function walk(dir: string, out: string[], visited: Set<string>, tree?: {root: string; outside: string[]}): void {
  let real: string
  try {
    real = realpathSync(dir)
  } catch {
    return
  }
  // A symlink back up the tree would otherwise loop for ever.
  if (visited.has(real)) return
  visited.add(real)
  let entries
  try {
    entries = readdirSync(dir, {withFileTypes: true})
  } catch {
    return
  }
  for (const e of entries) {
    if (e.name === 'node_modules' || e.name.startsWith('.')) continue
    const full = path.join(dir, e.name)
    let isDir = e.isDirectory()
    let isFile = e.isFile()
    if (e.isSymbolicLink()) {
      try {
        const s = statSync(full)
        isDir = s.isDirectory()
        isFile = s.isFile()
      } catch {
        continue
      }
      if (tree && (isDir || (isFile && YAML_EXT.test(e.name))) && !inside(realOf(full), tree.root)) {
        tree.outside.push(full)
        continue
      }
    }
    if (isDir) walk(full, out, visited, tree)
    else if (isFile && YAML_EXT.test(e.name)) out.push(full)
  }
}

function displayPath(abs: string, cwd: string): string {
  const rel = path.relative(cwd, abs)
  const shown = rel && !rel.startsWith('..') && !path.isAbsolute(rel) ? rel : abs
  return shown.split(path.sep).join('/')
}

function describeFsError(error: unknown, fallback: string): string {
  const code = (error as NodeJS.ErrnoException)?.code
  switch (code) {
    case 'ENOENT':
      return 'no such file or folder'
    case 'EACCES':
    case 'EPERM':
      return 'permission denied'
    case 'EISDIR':
      return 'is a folder, not a file'
    case 'ENOTDIR':
      return 'a part of this path is not a folder'
    default:
      return code ? `${fallback} (${code})` : fallback
  }
}

export function fileDiagnostic(file: string, code: string, message: string, line = 1, column = 1): Diagnostic {
  return {severity: 'error', code, message, file, line, column, pointer: ''}
}

/** Loads every file under `paths`. */
export function loadPaths(paths: string[], options: LoadOptions = {}): LoadResult {
  const cwd = options.cwd ?? process.cwd()
  const {files, diagnostics} = findInputs(paths, cwd, options.followSymlinks)
  const documents: ParsedDocument[] = []
  for (const f of files) {
    const result = loadFile(f, options)
    // A file may hold several inventories, `---` between them; empty ones (a trailing `---`) are skipped, as Kubernetes tools do.
    const docs = result.documents.length > 1 ? result.documents.filter((d) => d.data !== null) : result.documents
    if (docs.length === 0 && result.documents.length > 0) diagnostics.push(fileDiagnostic(f.display, 'empty', 'the file holds only empty YAML documents: an inventory needs apiVersion, kind, department and systems'))
    for (const d of docs) documents.push(d)
    diagnostics.push(...result.diagnostics)
  }
  return {documents, diagnostics, files: files.map((f) => f.display)}
}

/** Reads and parses one file. */
export function loadFile(file: InputFile, options: LoadOptions = {}): ParseResult {
  const maxBytes = Math.floor((options.maxFileMb ?? DEFAULT_MAX_FILE_MB) * 1024 * 1024)
  let buffer: Buffer
  // Bytes read here are this file's alone; a buffer handed in by readStdin is the caller's to keep.
  let owned = true
  try {
    if (file.path === '-') {
      if (!options.readStdin) return failed([fileDiagnostic('-', 'unreadable', 'standard input was not read (an internal slip): please report it')])
      owned = false
      buffer = options.readStdin()
    } else {
      // Read-only: inputs are never opened for writing. Bytes, not text: the fast parser reads them as
      // they are, and the document gives their memory back once validation is over (releaseText).
      noteInputRead(file.path)
      buffer = readRegularFile(file.path, maxBytes)
    }
    stage('read')
  } catch (error) {
    if (error instanceof ReadError) return failed([error.code === 'too-large' ? tooLarge(file.display, error.size, maxBytes) : fileDiagnostic(file.display, error.code === 'not-a-file' ? 'unreadable' : error.code, error.message)])
    return failed([fileDiagnostic(file.display, 'unreadable', `cannot read: ${describeFsError(error, 'read error')}`)])
  }
  if (buffer.length > maxBytes) return failed([tooLarge(file.display, buffer.length, maxBytes)])
  const result = parseBuffer(file.display, buffer, options, owned)
  stage('parse')
  return result
}

function tooLarge(file: string, size: number | undefined, max: number): Diagnostic {
  const mb = (n: number) => (n / 1024 / 1024).toFixed(1)
  const what = size === undefined ? `more than ${mb(max)} MiB, the limit` : `${mb(size)} MiB, over the ${mb(max)} MiB limit`
  return fileDiagnostic(file, 'too-large', `file is ${what} for one inventory file; raise it with --max-file-size <MiB> if this is really an inventory`)
}

const decoder = new TextDecoder('utf-8', {fatal: true, ignoreBOM: true})

/**
 * Parses one file's bytes. `owned`: they were read for this file alone, and the document may give
 * their memory back when it is done with them.
 */
export function parseBuffer(file: string, buffer: Buffer, options: LoadOptions = {}, owned = false): ParseResult {
  const utf = utf16or32(buffer)
  if (utf) {
    return failed([fileDiagnostic(file, 'encoding', `the file is saved as ${utf} text, not UTF-8: save it as UTF-8 (in most editors: Save with Encoding → UTF-8)`)])
  }
  const nul = buffer.indexOf(0)
  if (nul !== -1) {
    const at = positionOfByte(buffer, nul)
    return failed([fileDiagnostic(file, 'binary', 'this is a binary file, not YAML text (it contains a NUL byte)', at.line, at.column)])
  }
  let fastStop: {line: number; column: number} | undefined
  if (!options.exactOnly && isUtf8(buffer)) {
    // The fast path reads the bytes one a character whatever the file holds (see fromLatin1): only the
    // few values past ASCII are decoded. What it does not take goes to the decoded text and the full path.
    const bom = buffer[0] === 0xef && buffer[1] === 0xbb && buffer[2] === 0xbf
    const bytes = bom ? buffer.subarray(3) : buffer
    // The checks parseText makes, which end in a message: that message is made from decoded text.
    const starts = byteLineStarts(bytes, true)
    if (starts) {
      const stoppedAt = {offset: 0}
      const latin1 = !isAscii(bytes)
      // One table the size of the file for the first document; a later one (a stream) starts small and grows.
      let tables = 0
      const docs = fastParseAll(bytes, () => new PositionTable(tables++ === 0 ? bytes.length : 0), stoppedAt, latin1)
      const blank = (v: unknown) => v === null || (typeof v === 'string' && v.trim() === '')
      if (docs && docs.length === 1 && !blank(docs[0].value)) {
        const d = docs[0]
        return one(new ParsedDocument(file, bytes, d.value, d.positions, d.rootOffset, {latin1, owned: owned ? buffer : undefined, starts}))
      }
      if (docs && docs.length > 1) {
        // Several documents share the bytes and line starts: none gives them back early (each makes its own line starts when it lets go of the text).
        const documents = docs.map((d) => new ParsedDocument(file, bytes, d.value, d.positions, d.rootOffset, {latin1}))
        return {document: documents[0], documents, diagnostics: []}
      }
      // No document, or an empty one (white space, comments: also U+00A0, which YAML reads as text), takes
      // the full path, which says the file is empty.
      if (!docs) fastStop = positionOfByte(bytes, stoppedAt.offset, true, starts)
    }
  }
  let text: string
  try {
    text = decoder.decode(buffer)
  } catch {
    const bad = firstInvalidUtf8(buffer)
    // Everything before the first invalid byte is valid UTF-8: count the column in characters, as everywhere.
    const at = positionOfByte(buffer, bad, true)
    return failed([fileDiagnostic(file, 'encoding', `not valid UTF-8 (byte 0x${buffer[bad].toString(16).padStart(2, '0')} at offset ${bad}): save the file as UTF-8`, at.line, at.column)])
  }
  return parseText(file, text, fastStop)
}

/** YAML forbids C0 controls other than tab, LF and CR; one rule here keeps both parsers in step. */
// eslint-disable-next-line no-control-regex
const CONTROL_CHARACTER = /[\x01-\x08\x0b\x0c\x0e-\x1f\x7f]/
/** A CR that does not start a CRLF. */
const LONE_CR = /\r(?!\n)/

/**
 * Parses decoded text (a BOM is dropped) with the full YAML reader, into a document or diagnostics
 * with their places. `fastStop`: where the fast path gave up on the same file, for the message when
 * the file is too big for the full reader.
 */
export function parseText(file: string, text: string, fastStop?: {line: number; column: number}): ParseResult {
  if (text.charCodeAt(0) === 0xfeff) text = text.slice(1)
  const control = CONTROL_CHARACTER.exec(text)
  if (control) {
    const at = offsetToPosition(lineStarts(text), control.index)
    const code = control[0].charCodeAt(0).toString(16).toUpperCase().padStart(4, '0')
    return failed([fileDiagnostic(file, 'control-character', `control character U+${code} is not allowed in YAML text`, at.line, at.column)])
  }
  // The YAML library does not take a CR alone as a line break (the spec does): a classic Mac OS file
  // would read as one long line, often one comment, and be judged as something it is not.
  const cr = LONE_CR.exec(text)
  if (cr) {
    const at = offsetToPosition(lineStarts(text), cr.index)
    return failed([fileDiagnostic(file, 'control-character', 'a carriage return (CR) ends a line on its own, as on classic Mac OS: save the file with LF or CRLF line endings', at.line, at.column)])
  }
  if (text.trim() === '') return failed([fileDiagnostic(file, 'empty', 'the file is empty: an inventory needs apiVersion, kind, department and systems')])
  if (text.length > EXACT_MAX_MB * 1024 * 1024) {
    // The yaml library needs 100 to 400 times the text in memory: a 13 MB file aborted Node (heap
    // out of memory). Big inventories are generated, in the plain subset; say where this one leaves it.
    const at = fastStop ?? {line: 1, column: 1}
    const mb = (text.length / 1024 / 1024).toFixed(1)
    return {
      documents: [],
      diagnostics: [
        fileDiagnostic(file, 'too-large', `from here on the file is not YAML cloudready reads quickly (a tag, a key that is not text, a value inside [ ] or { } written over two lines, a trailing comma in [ ] — or a mistake), and at ${mb} MiB it is too big for the full YAML reader (${EXACT_MAX_MB} MiB at most): write this part plainly or correct it, or split the file`, at.line, at.column),
      ],
    }
  }
  const exact = exactParse(text)
  if (exact.ok) {
    const documents = exact.documents.map((d) => new ParsedDocument(file, text, d.value, d.positions, d.rootOffset))
    return {document: documents[0], documents, diagnostics: []}
  }
  const starts = lineStarts(text)
  return {
    documents: [],
    diagnostics: exact.problems.slice(0, 20).map((p) => {
      const at = offsetToPosition(starts, Math.min(p.offset, text.length))
      return fileDiagnostic(file, p.code === 'EMPTY' ? 'empty' : 'yaml-syntax', p.message, at.line, at.column)
    }),
  }
}

/**
 * UTF-16 or UTF-32 text (what Windows PowerShell's `>` writes) is full of NUL bytes: named for what it
 * is rather than called binary. Known by its byte order mark, or by ASCII text with a NUL after (or
 * before) every character.
 */
function utf16or32(buffer: Buffer): string | undefined {
  const [a, b, c, d] = buffer
  if (a === 0xff && b === 0xfe) return c === 0 && d === 0 ? 'UTF-32' : 'UTF-16'
  if (a === 0xfe && b === 0xff) return 'UTF-16'
  if (a === 0 && b === 0 && c === 0xfe && d === 0xff) return 'UTF-32'
  const n = Math.min(buffer.length, 64) & ~1
  if (n < 8) return undefined
  let le = true
  let be = true
  for (let i = 0; i < n; i += 2) {
    const even = buffer[i]
    const odd = buffer[i + 1]
    if (!(odd === 0 && even >= 0x09 && even < 0x80)) le = false
    if (!(even === 0 && odd >= 0x09 && odd < 0x80)) be = false
  }
  return le || be ? 'UTF-16' : undefined
}

function firstInvalidUtf8(buffer: Buffer): number {
  let i = 0
  while (i < buffer.length) {
    const b = buffer[i]
    const n = b < 0x80 ? 1 : b >= 0xc2 && b < 0xe0 ? 2 : b >= 0xe0 && b < 0xf0 ? 3 : b >= 0xf0 && b < 0xf5 ? 4 : 0
    if (n === 0 || i + n > buffer.length) return i
    try {
      decoder.decode(buffer.subarray(i, i + n))
    } catch {
      return i
    }
    i += n
  }
  return 0
}

/**
 * The line and column of a byte; `utf8`: the column counts the characters of valid UTF-8 before it.
 * `starts`: the bytes' line starts when the caller has them (only messages ask, so they are made here otherwise).
 */
function positionOfByte(buffer: Buffer, index: number, utf8 = false, starts = lineStarts(buffer)): {line: number; column: number} {
  const {line} = offsetToPosition(starts, index)
  const lineStart = starts[line - 1]
  return {line, column: (utf8 ? buffer.toString('utf8', lineStart, index).length : index - lineStart) + 1}
}
