/**
 * Output files are written whole or not at all: a temporary file beside the target, then a rename,
 * which is atomic on one file system. An output never replaces one of the command's inputs.
 */
import {closeSync, openSync, renameSync, statSync, unlinkSync, writeSync} from 'node:fs'
import path from 'node:path'

import {OutputError} from '../core/errors.js'
import {inputsRead} from '../core/io/inputs-read.js'

/** Bytes written at a time when an output comes in pieces. */
const BATCH = 1 << 20

/**
 * An output, whole or in pieces, as UTF-8 bytes about a mebibyte at a time (a string whole). Each
 * piece is encoded straight into the batch: joining the pieces into strings first cost more than
 * making them.
 */
export function* batches(text: string | Iterable<string>): Generator<Buffer> {
  if (typeof text === 'string') {
    yield Buffer.from(text)
    return
  }
  let batch = Buffer.allocUnsafe(BATCH)
  let used = 0
  for (const part of text) {
    // UTF-8 takes at most 3 bytes per UTF-16 code unit.
    if (used + part.length * 3 > BATCH) {
      if (used > 0) {
        yield batch.subarray(0, used)
        batch = Buffer.allocUnsafe(BATCH)
        used = 0
      }
      if (part.length * 3 > BATCH) {
        yield Buffer.from(part)
        continue
      }
    }
    used += batch.write(part, used)
  }
  if (used > 0) yield batch.subarray(0, used)
}

/** Writes all of `bytes`: a write may take less than it is given. */
function writeAll(fd: number, bytes: Buffer): void {
  let done = 0
  while (done < bytes.length) done += writeSync(fd, bytes, done)
}

/** Temporary files still being written, removed if the process is interrupted. */
const pending = new Set<string>()

export function pendingOutputs(): ReadonlySet<string> {
  return pending
}

let handlersInstalled = false
/** An output has been renamed into place. */
let written = false

/**
 * From the first output on, Ctrl-C or a kill removes any half-written temporary output and exits 130
 * (SIGINT) or 143 (SIGTERM): the old output file, if any, is left exactly as it was. Not before:
 * a handler holds a signal back until the event loop turns, and the work before the output is one
 * long synchronous run — Ctrl-C or a CI timeout's SIGTERM did nothing for minutes on a big estate.
 * Until then the default action ends the process at once, and nothing has been written.
 */
export function installSignalHandlers(): void {
  if (handlersInstalled) return
  handlersInstalled = true
  // 128 + the signal's number: the exit code a shell reports for it. SIGHUP (a closed terminal), SIGQUIT,
  // SIGUSR2 and SIGALRM end a process too: each leaves the old output as it was and no temporary file.
  for (const [signal, code] of [['SIGINT', 130], ['SIGTERM', 143], ['SIGHUP', 129], ['SIGQUIT', 131], ['SIGUSR2', 140], ['SIGALRM', 142]] as const) {
    process.once(signal, () => {
      for (const tmp of pending) {
        try {
          unlinkSync(tmp)
        } catch {
          // Already renamed into place or removed: nothing to clean.
        }
      }
      // A signal that lands just after the rename finds the output written whole: say only what is true.
      writeError(`\ncloudready: interrupted (${signal})${written ? '' : '; no output was written'}\n`)
      process.exit(code)
    })
  }
}

/** A message on standard error, where one can be written: a full or closed standard error must not turn an exit code into another. */
export function writeError(text: string): void {
  try {
    process.stderr.write(text)
  } catch {
    // Nowhere left to say it: the exit code still says what happened.
  }
}

/**
 * Writes an output file whole or not at all. A regular file (or a new path) gets a temporary file
 * beside it, then a rename; anything else that exists there — a terminal, /dev/null, a FIFO, a
 * symlink to one — is written in place, never replaced by a file. Between batches the event loop
 * turns, so Ctrl-C or a kill during a long write removes the temporary file at once.
 */
export async function writeOutput(target: string, text: string | Iterable<string>, inputs: string[] = []): Promise<void> {
  const abs = path.resolve(target)
  // `-o newdir/`: a folder that does not exist, not a file named newdir.
  if (/[\\/]$/.test(target)) {
    let isDir = false
    try {
      isDir = statSync(abs).isDirectory()
    } catch {
      // It does not exist.
    }
    throw new OutputError(isDir ? `cannot write the output to '${target}': it is a folder (give a file name in it)` : `cannot write the output to '${target}': the folder does not exist, and -o takes a file name`)
  }
  let existing
  try {
    existing = statSync(abs)
  } catch {
    existing = undefined
  }
  if (existing?.isDirectory()) throw new OutputError(`cannot write the output to '${target}': it is a folder`)
  if (existing) {
    // Device and inode, not names: a symlink or a relative path cannot disguise an input.
    for (const input of new Set([...inputs, ...inputsRead()])) {
      if (input === '-') continue
      try {
        const s = statSync(input)
        if (s.dev === existing.dev && s.ino === existing.ino) {
          throw new OutputError(`refusing to write the output over an input file: '${target}' is '${input}'`)
        }
      } catch (error) {
        if (error instanceof OutputError) throw error
      }
    }
  }
  installSignalHandlers()
  if (existing && !existing.isFile()) {
    await writeInPlace(abs, target, text)
    return
  }
  const dir = path.dirname(abs)
  // Short, whatever the target's name: a 240-character name is valid, and the temporary one must be too.
  const tmp = path.join(dir, `.cloudready-${process.pid}-${Date.now().toString(36)}.tmp`)
  let fd: number | undefined
  try {
    fd = openSync(tmp, 'wx', existing ? existing.mode & 0o777 : 0o644)
    pending.add(tmp)
    for (const batch of batches(text)) {
      writeAll(fd, batch)
      await turn()
    }
    // No fsync: the rename alone makes the output whole or absent for every reader and against any failure
    // of this process; an fsync adds only survival of an OS crash, at 30 ms for a 10k audit, 240 ms at 100k.
    closeSync(fd)
    fd = undefined
    renameSync(tmp, abs)
    pending.delete(tmp)
    written = true
  } catch (error) {
    if (fd !== undefined) closeSync(fd)
    try {
      unlinkSync(tmp)
    } catch {
      // Never created, or already gone: nothing to clean.
    }
    pending.delete(tmp)
    const code = (error as NodeJS.ErrnoException).code
    // Not the file system's: a fault in making the output, which is not the user's to fix here.
    if (code === undefined) throw error
    const folder = path.dirname(target)
    const why: Record<string, string> = {
      ENOENT: `: the folder '${folder}' does not exist`,
      ENOTDIR: `: '${folder}' is not a folder`,
      EACCES: ': permission denied',
      EPERM: ': permission denied',
      EROFS: ': the file system is read-only',
      ENOSPC: ': no space left on the device',
    }
    throw new OutputError(`cannot write the output to '${target}'${code ? (why[code] ?? ` (${code})`) : ''}`)
  }
}

/** Lets the event loop turn: a signal that came during a long write is handled now, not after it. */
function turn(): Promise<void> {
  return new Promise((resolve) => setImmediate(resolve))
}

/** An existing target that is not a regular file (a device, a FIFO): written to, as a shell's `>` would. */
async function writeInPlace(abs: string, target: string, text: string | Iterable<string>): Promise<void> {
  let fd: number | undefined
  try {
    fd = openSync(abs, 'w')
    for (const batch of batches(text)) {
      writeAll(fd, batch)
      await turn()
    }
    written = true
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code
    if (code === undefined) throw error
    throw new OutputError(`cannot write the output to '${target}'${code === 'ENOSPC' ? ': no space left on the device' : code === 'EACCES' || code === 'EPERM' ? ': permission denied' : ` (${code})`}`)
  } finally {
    if (fd !== undefined) closeSync(fd)
  }
}
