/**
 * Loading and validating inventories: all that `validate` needs, kept apart from the assessment so
 * that `validate` loads none of the rules, the planner or the config machinery.
 */
import {loadPaths, type LoadOptions} from './load/index.js'
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
  const loaded = loadPaths(paths, options)
  const validated = await validateDocuments(loaded.documents)
  const diagnostics = [...loaded.diagnostics, ...validated.diagnostics].sort(compareDiagnostics)
  // Messages are made: nothing reads the source text again (locating keeps its line starts).
  for (const doc of loaded.documents) doc.releaseText()
  stage('validate')
  return {estate: validated.estate, diagnostics, files: loaded.files}
}

