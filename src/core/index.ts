/**
 * The public core API: each command calls one of these with plain options and formats what it returns.
 */
import {loadPaths, type LoadOptions} from './load/index.js'
import type {Diagnostic, Estate} from './model/types.js'
import {compareDiagnostics, validateDocuments} from './validate/index.js'

export interface EstateResult {
  estate: Estate
  diagnostics: Diagnostic[]
  files: string[]
}

/** Loads and validates inventories: what every command that reads them starts with. */
export async function loadEstate(paths: string[], options: LoadOptions = {}): Promise<EstateResult> {
  const loaded = loadPaths(paths, options)
  const validated = await validateDocuments(loaded.documents)
  const diagnostics = [...loaded.diagnostics, ...validated.diagnostics].sort(compareDiagnostics)
  return {estate: validated.estate, diagnostics, files: loaded.files}
}
