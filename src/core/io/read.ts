/**
 * The one way cloudready reads what it is given: a file named on the command line (an inventory, a
 * config, a lifecycle table, a baseline, a plan) or standard input. Every read is bounded by the size
 * limit, and nothing can make it wait for ever:
 * - a path is checked before it is opened — opening a FIFO blocks until someone writes to it, and a
 *   device such as /dev/zero never ends — so only regular files are read;
 * - the bytes are counted as they come, so a file that grows after its size was checked still stops
 *   at the limit;
 * - standard input is a stream, read to its end however slowly it arrives (a pipe may be non-blocking:
 *   reading it as a file fails with EAGAIN), and stopped at the limit.
 */
import {Buffer} from 'node:buffer'
import {closeSync, openSync, readSync, statSync} from 'node:fs'
import process from 'node:process'

/** Why an input could not be read, in words for the user; `code` for the diagnostic. */
export class ReadError extends Error {
  constructor(
    message: string,
    readonly code: 'too-large' | 'not-a-file' | 'unreadable' | 'no-stdin',
    /** For `too-large`: the size, when it is known (a stream is stopped at the limit, not measured). */
    readonly size?: number,
  ) {
    super(message)
  }
}

const mib = (n: number) => `${(n / 1024 / 1024).toFixed(1)} MiB`

function tooLarge(size: number | undefined, max: number): ReadError {
  return new ReadError(`${size === undefined ? `more than ${mib(max)}, the limit` : `${mib(size)}, over the ${mib(max)} limit`}; raise it with --max-file-size <MiB> if this is really an input`, 'too-large', size)
}

function fsReason(error: unknown): string {
  switch ((error as NodeJS.ErrnoException)?.code) {
    case 'ENOENT':
      return 'no such file'
    case 'EACCES':
    case 'EPERM':
      return 'permission denied'
    case 'ELOOP':
      return 'a loop of symbolic links'
    case 'ENOTDIR':
      return 'a part of this path is not a folder'
    default:
      return (error as NodeJS.ErrnoException)?.code ?? 'read error'
  }
}

/** A regular file's bytes, at most `maxBytes` of them. @throws ReadError */
export function readRegularFile(file: string, maxBytes: number): Buffer {
  let stat
  try {
    stat = statSync(file)
  } catch (error) {
    throw new ReadError(`cannot read: ${fsReason(error)}`, 'unreadable')
  }
  if (stat.isDirectory()) throw new ReadError('is a folder, not a file', 'not-a-file')
  if (!stat.isFile()) {
    const what = stat.isFIFO() ? 'a named pipe (FIFO)' : stat.isSocket() ? 'a socket' : 'a device'
    throw new ReadError(`is ${what}, not a file: cloudready reads files (or standard input, given as -)`, 'not-a-file')
  }
  if (stat.size > maxBytes) throw tooLarge(stat.size, maxBytes)
  let fd: number
  try {
    fd = openSync(file, 'r')
  } catch (error) {
    throw new ReadError(`cannot read: ${fsReason(error)}`, 'unreadable')
  }
  try {
    // One byte more than allowed, to see a file that grew past the limit since it was measured.
    const buffer = Buffer.allocUnsafe(Math.min(maxBytes + 1, stat.size + 1))
    let length = 0
    for (;;) {
      if (length === buffer.length) {
        if (length > maxBytes) throw tooLarge(undefined, maxBytes)
        break
      }
      const n = readSync(fd, buffer, length, buffer.length - length, null)
      if (n === 0) break
      length += n
    }
    if (length > maxBytes) throw tooLarge(undefined, maxBytes)
    // Grown since it was measured, but still within the limit: read the rest the same way.
    if (length === buffer.length) return Buffer.concat([buffer, readRest(fd, maxBytes - length)])
    return buffer.subarray(0, length)
  } catch (error) {
    if (error instanceof ReadError) throw error
    throw new ReadError(`cannot read: ${fsReason(error)}`, 'unreadable')
  } finally {
    closeSync(fd)
  }
}

function readRest(fd: number, room: number): Buffer {
  const chunks: Buffer[] = []
  let total = 0
  const chunk = Buffer.allocUnsafe(64 * 1024)
  for (;;) {
    const n = readSync(fd, chunk, 0, chunk.length, null)
    if (n === 0) return Buffer.concat(chunks)
    total += n
    if (total > room) throw tooLarge(undefined, room)
    chunks.push(Buffer.from(chunk.subarray(0, n)))
  }
}

/** Standard input, to its end, at most `maxBytes`. @throws ReadError */
export async function readStdin(maxBytes: number, stdin: NodeJS.ReadStream = process.stdin): Promise<Buffer> {
  if (stdin.isTTY) throw new ReadError('nothing was piped to standard input: give a file, or pipe one in (cat inventory.yaml | cloudready validate -)', 'no-stdin')
  const chunks: Buffer[] = []
  let total = 0
  try {
    for await (const chunk of stdin) {
      const b = typeof chunk === 'string' ? Buffer.from(chunk) : (chunk as Buffer)
      total += b.length
      if (total > maxBytes) {
        stdin.destroy()
        throw tooLarge(undefined, maxBytes)
      }
      chunks.push(b)
    }
  } catch (error) {
    if (error instanceof ReadError) throw error
    throw new ReadError(`cannot read standard input: ${fsReason(error)}`, 'unreadable')
  }
  return Buffer.concat(chunks, total)
}
