import type {Diagnostic} from '../core/model/types.js'

/** What every formatter is given besides the report. */
export interface FormatContext {
  /** ANSI colour allowed (only ever true for human formats on a terminal). */
  color: boolean
  /** cloudready's version, for tool metadata. */
  version: string
  /** The terminal's width in columns, for human formats that draw (default 80). */
  width?: number
  /** --quiet: a human format prints only what fails the run (ESLint's sense), no summary. */
  quiet?: boolean
}

export type Formatter<R> = (report: R, ctx: FormatContext) => string

/** The same text as a formatter's, in pieces, for outputs too big to hold as one string. */
export type ChunkFormatter<R> = (report: R, ctx: FormatContext) => Iterable<string>

/** The result of `cloudready validate`. */
export interface ValidateReport {
  valid: boolean
  files: string[]
  errors: Diagnostic[]
  warnings: Diagnostic[]
}
