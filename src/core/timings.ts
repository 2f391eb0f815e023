/**
 * Where a run's time goes, stage by stage, for the contributors' profile (README "Where the time
 * goes"): with CLOUDREADY_TIMINGS=1 each stage's wall time, summed over files, is printed on standard
 * error at exit. Off, a mark is one comparison.
 */
import {performance} from 'node:perf_hooks'

const on = process.env.CLOUDREADY_TIMINGS === '1'
const totals = new Map<string, number>()
let last = 0

/** Attributes the time since the previous mark (or since the process started) to `name`. */
export function stage(name: string): void {
  if (!on) return
  const now = performance.now()
  totals.set(name, (totals.get(name) ?? 0) + now - last)
  last = now
}

if (on) {
  process.on('exit', () => {
    stage('exit')
    const rows = [...totals].map(([name, ms]) => `${name.padEnd(10)} ${ms.toFixed(0).padStart(6)} ms`)
    process.stderr.write(`cloudready timings (CLOUDREADY_TIMINGS=1)\n${rows.join('\n')}\n${'total'.padEnd(10)} ${performance.now().toFixed(0).padStart(6)} ms\n`)
  })
}
