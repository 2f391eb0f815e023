/**
 * Progress on standard error while a long run works, for a person at a terminal only: silent under
 * --json, --quiet, a machine format, or when standard error is not a terminal (CI logs stay clean).
 */
export interface Stage<C> {
  title: string
  run(ctx: C): Promise<void> | void
}

export async function runStages<C extends object>(ctx: C, stages: Stage<C>[], show: boolean): Promise<C> {
  if (!show || !process.stderr.isTTY) {
    for (const s of stages) await s.run(ctx)
    return ctx
  }
  // listr2 costs ~30 ms to import: only a person at a terminal pays it.
  const {Listr, ListrLogger, ProcessOutput} = await import('listr2')
  const output = new ProcessOutput(process.stderr, process.stderr, {dump: []})
  const listr = new Listr<C>(
    stages.map((s) => ({title: s.title, task: async (c: C) => s.run(c)})),
    {ctx, exitOnError: true, rendererOptions: {logger: new ListrLogger({processOutput: output}), clearOutput: true}, collectErrors: false},
  )
  return listr.run()
}
