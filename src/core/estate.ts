/**
 * Loading and validating inventories: all that `validate` needs, kept apart from the assessment so
 * that `validate` loads none of the rules, the planner or the config machinery.
 */
import {ReadError, readStdin} from './io/read.js'
import {DEFAULT_MAX_FILE_MB, loadPaths, type LoadOptions} from './load/index.js'
import type {Diagnostic, Estate} from './model/types.js'
import {stage} from './timings.js'
import {compareDiagnostics, validateDocuments} from './validate/index.js'

export interface EstateResult {
  estate: Estate
  diagnostics: Diagnostic[]
  files: string[]
}

/** Loads and validates inventories: what every command that reads them starts with. */
export async function loadEstate(paths: string[], options: LoadOptions = {}): Promise<EstateResult> {
  stage('start-up')
  // Standard input is a stream: read to its end (bounded) before the files, which are read in one go.
  const loaded = loadPaths(paths, paths.includes('-') && !options.readStdin ? await withStdin(options) : options)
  const validated = await validateDocuments(loaded.documents)
  const diagnostics = [...loaded.diagnostics, ...validated.diagnostics].sort(compareDiagnostics)
  // Messages are made: nothing reads the source text again (locating keeps its line starts).
  for (const doc of loaded.documents) doc.releaseText()
  stage('validate')
  return {estate: validated.estate, diagnostics, files: loaded.files}
}


/** The options with standard input read, or, when it cannot be, a reader that reports why. */
async function withStdin(options: LoadOptions): Promise<LoadOptions> {
  const maxBytes = Math.floor((options.maxFileMb ?? DEFAULT_MAX_FILE_MB) * 1024 * 1024)
  try {
    const buffer = await readStdin(maxBytes)
    return {...options, readStdin: () => buffer}
  } catch (error) {
    if (!(error instanceof ReadError)) throw error
    return {...options, readStdin: () => { throw error }}
  }
}
