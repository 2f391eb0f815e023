/** Types for scripts/docs.js (plain ESM JavaScript, run on the built dist/), for the tests that import it. */

export const ROOT: string
export const README: string
export const REFERENCE: string
export const DOC_FILES: string[]
/** The file (README.md or docs/reference.md) that holds a generated section's markers. */
export function fileOf(name: string): string
export const INVALID_DIR: string

export interface InvalidFixture {
  /** The file or folder name in test/fixtures/invalid. */
  name: string
  /** Its path from the repository root. */
  path: string
  /** What is wrong with it (Markdown), from test/fixtures/invalid/mistakes.json. */
  description: string
}

export interface ValidateJsonEntry {
  file: string
  line: number
  column: number
  pointer: string
  code: string
  message: string
}

export interface ValidateJson {
  valid: boolean
  errors: ValidateJsonEntry[]
  warnings: ValidateJsonEntry[]
  files: string[]
}

/** Section name → generator of its Markdown. */
export const SECTIONS: Record<string, () => Promise<string>>

export function cell(markdown: string): string
export function code(text: string): string
export function table(header: string[], rows: string[][]): string
export function invalidFixtures(): InvalidFixture[]
export function validateJson(relativePath: string): Promise<ValidateJson>
export function currentSection(readme: string, name: string): string
export function render(readme: string, names?: string[]): Promise<{text: string; stale: string[]}>
