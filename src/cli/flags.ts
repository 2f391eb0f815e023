/**
 * A flag's allowed values in its help text, as words: oclif's own `<options: a|b|c>` is one long word
 * that a narrow terminal breaks mid-value ("sarif|ju / nit").
 */
export function oneOf(summary: string, options: readonly string[]): string {
  return `${summary} One of: ${options.join(', ')}.`
}
