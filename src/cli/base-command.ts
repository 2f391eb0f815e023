/**
 * What every command shares: the common flags, writing the output, and the one place where errors
 * become messages and exit codes (0 clean, 1 findings at or above --fail-on, 2 the user's mistake).
 */
import {Command, Errors, Flags, type Interfaces} from '@oclif/core'

import {CloudreadyError, OutputError, UsageError} from '../core/errors.js'
import {clearInputsRead} from '../core/io/inputs-read.js'
import type {Diagnostic} from '../core/model/types.js'
import {stage} from '../core/timings.js'
import {validateFormatters} from '../formatters/index.js'
import {sanitizeTerminal} from '../formatters/text.js'
import {batches, writeError, writeOutput} from './output.js'

/**
 * Formats a CI step uploads whatever happens (README "In CI"): under invalid inventories they carry
 * the validation errors. The data formats (json, yaml, csv) print nothing then: a dashboard or a
 * --baseline reading them must never get a document of another shape.
 */
const CI_FORMATS = new Set(['sarif', 'junit', 'github', 'gitlab'])

export type BaseFlags<T extends typeof Command> = Interfaces.InferredFlags<(typeof BaseCommand)['baseFlags'] & T['flags']>

export abstract class BaseCommand<T extends typeof Command> extends Command {
  static baseFlags = {
    output: Flags.string({char: 'o', summary: 'Write the output to this file (atomically) instead of standard output.', helpValue: '<file>'}),
    color: Flags.boolean({summary: 'Colour on a terminal (--no-color, or NO_COLOR, turns it off).', allowNo: true, default: true}),
    quiet: Flags.boolean({char: 'q', summary: 'Print only errors: no progress, no summary on standard error.', default: false}),
    json: Flags.boolean({summary: 'Print the result as JSON (the same as --format json).', default: false}),
  }

  protected flags!: BaseFlags<T>
  protected args!: Interfaces.InferredArgs<T['args']>
  /** Every positional argument as given (the paths of `validate`, `audit`…; oclif's `strict: false`). */
  protected positionals!: string[]

  override async init(): Promise<void> {
    await super.init()
    clearInputsRead()
    // Write errors on standard output (EPIPE, ENOSPC) reach the write's own callback, which says what
    // they mean; as events they would end the process with a trace.
    // oclif's own listener rethrows them (@oclif/core lib/command.js): replaced, not added to.
    process.stdout.removeAllListeners('error')
    process.stdout.on('error', () => undefined)
    // Standard error too: a full one must not turn the exit code into 1 (messages go through writeError).
    process.stderr.on('error', () => undefined)
    const ctor = this.ctor as unknown as typeof BaseCommand
    const {args, flags, argv} = await this.parse({flags: ctor.flags, baseFlags: ctor.baseFlags, args: ctor.args, strict: ctor.strict, enableJsonFlag: false})
    this.flags = flags as BaseFlags<T>
    this.args = args as Interfaces.InferredArgs<T['args']>
    this.positionals = argv as string[]
  }

  /** Writes the formatted result to `--output` or standard output; diagnostics never go here. */
  protected async emit(text: string | Iterable<string>, inputs: string[] = [], summary?: string): Promise<void> {
    stage('format')
    // `-o -` is standard output, as `-` is standard input.
    const out = this.flags.output === '-' ? undefined : this.flags.output
    if (out) {
      await writeOutput(out, text, inputs)
      // Nothing on the terminal would otherwise say that it worked, or why the exit code is what it is.
      this.note(`wrote ${sanitizeTerminal(out)}${summary ? `: ${summary}` : ''}`)
    } else {
      for (const batch of batches(text)) {
        const open = await new Promise<boolean>((resolve, reject) => {
          // A file as standard output (`> /dev/full`) is written synchronously: its error is thrown here, not passed on.
          const failed = (error: NodeJS.ErrnoException) => (error.code === 'EPIPE' ? resolve(false) : reject(new OutputError(`cannot write to standard output: ${error.code === 'ENOSPC' ? 'no space left on the device' : (error.code ?? error.message)}`)))
          try {
            process.stdout.write(batch, (error) => {
            // The reader went away (`| head`): what it did not read, it did not want. Not an error.
              // A full disk or a device that refuses: the user's environment, said as such (exit 2), not a bug.
              if (!error) resolve(true)
              else failed(error as NodeJS.ErrnoException)
            })
          } catch (error) {
            failed(error as NodeJS.ErrnoException)
          }
        })
        if (!open) break
      }
    }
    stage('write')
  }

  /**
   * An HTML page poured onto a terminal is 100 KB of markup nobody can read: refused, with the command
   * that writes it to a file (README "Commands"). A pipe or a redirect gets it as asked.
   */
  protected refuseHtmlOnTerminal(format: string): void {
    if (format !== 'html' || (this.flags.output && this.flags.output !== '-') || !process.stdout.isTTY) return
    throw new UsageError(`the HTML ${this.id ?? ''} is a page for a browser, not for a terminal: write it to a file with -o, e.g. 'cloudready ${this.id ?? ''} … -o ${this.id ?? 'report'}.html', or redirect it (> ${this.id ?? 'report'}.html)`)
  }

  /** Colour only for a person at a terminal: never in a file, a pipe, a machine format or under NO_COLOR. */
  protected useColor(machineFormat: boolean): boolean {
    if (machineFormat || this.flags.output || !this.flags.color) return false
    if (process.env.NO_COLOR !== undefined && process.env.NO_COLOR !== '') return false
    if (process.env.FORCE_COLOR !== undefined && process.env.FORCE_COLOR !== '0') return true
    return Boolean(process.stdout.isTTY)
  }

  /**
   * When the inventories have errors the estate cannot be judged: the errors go to standard error in
   * the validate layout, nothing goes to the output, and the exit code is 2. Returns whether it did.
   */
  protected async rejectInvalid(result: {diagnostics: Diagnostic[]; files: string[]}, paths: string[], machineFormat?: string): Promise<boolean> {
    const errors = result.diagnostics.filter((d) => d.severity === 'error')
    if (errors.length === 0) return false
    const report = {valid: false, files: result.files, errors, warnings: result.diagnostics.filter((d) => d.severity === 'warning')}
    if (machineFormat && CI_FORMATS.has(machineFormat)) {
      // A CI step that uploads SARIF or JUnit still gets a file, with the errors in it.
      const {format} = await validateFormatters[machineFormat]()
      await this.emit(format(report, {color: false, version: this.config.version}), paths)
    }
    const {format} = await validateFormatters.stylish()
    const color = this.flags.color && !process.env.NO_COLOR && Boolean(process.stderr.isTTY)
    process.exitCode = 2
    writeError(format(report, {color, version: this.config.version}))
    return true
  }

  /** A line on standard error, unless --quiet. */
  protected note(message: string): void {
    if (!this.flags.quiet) writeError(`${message}\n`)
  }

  protected async catch(error: Error & {exitCode?: number; oclif?: {exit?: number}}): Promise<unknown> {
    if (error instanceof Errors.ExitError) throw error
    const known: unknown = error
    if (known instanceof CloudreadyError) {
      const where = known.location ? `${known.location}: ` : ''
      // A flag's own parse function threw it, and oclif wrapped its message: `Parsing --as-of \n\t… \nSee more help…`.
      const message = known.message.replace(/^Parsing (--[\w-]+) \n\t/, '$1: ').replace(/\n\s*See more help with --help\s*$/, '')
      // Always 2, also under --json (oclif would turn an error's exit into 1 there: oclif/core#1423).
      process.exitCode = 2
      writeError(`cloudready: ${where}${sanitizeTerminal(message)}\n`)
      return
    }
    if (error instanceof Errors.CLIError || error.oclif?.exit !== undefined) {
      // A flag or argument oclif could not parse: the user's mistake, so exit 2 and a pointer to help.
      const message = error.message.replace(/\n\s*See more help with --help\s*$/, '')
      process.exitCode = 2
      writeError(`cloudready: ${sanitizeTerminal(message)}\nSee 'cloudready ${this.id ?? ''} --help'.\n`)
      return
    }
    process.exitCode = 2
    writeError(
      `cloudready: internal error: ${sanitizeTerminal(error.message)}\n` +
        'This is a bug in cloudready, not in your files: please report it with the command you ran.\n' +
        (process.env.DEBUG?.includes('cloudready') ? `${error.stack}\n` : 'Set DEBUG=cloudready to see where it happened.\n'),
    )
  }
}
