/**
 * The few errors a user can cause, each mapped to exit 2 in one place (the base command).
 * Anything else that is thrown is a bug in cloudready and is reported as one.
 */
export class CloudreadyError extends Error {
  /** Where the problem is, when it is in a file: `file:line:col`. */
  readonly location?: string

  constructor(message: string, location?: string) {
    super(message)
    this.name = new.target.name
    this.location = location
  }
}

/** The command line is wrong: a bad flag value, a missing argument. */
export class UsageError extends CloudreadyError {}

/** A `.cloudready.yaml` (or a file it names) is wrong. */
export class ConfigError extends CloudreadyError {}

/** An output cannot be written where it was asked for. */
export class OutputError extends CloudreadyError {}

/** An input cannot be read at all (as opposed to one that reads but is invalid: that is a diagnostic). */
export class InputError extends CloudreadyError {}
