/**
 * Formatters by command and name, loaded lazily so a command imports only the one it prints with.
 */
import type {Formatter, ValidateReport} from './types.js'

type Loader<R> = () => Promise<{format: Formatter<R>}>

export const validateFormatters: Record<string, Loader<ValidateReport>> = {
  stylish: () => import('./validate/stylish.js'),
  json: () => import('./validate/json.js'),
}

/** Formats that a program reads: never coloured, never mixed with progress. */
export const MACHINE_FORMATS = new Set(['json', 'yaml', 'sarif', 'junit', 'github', 'gitlab', 'csv'])
