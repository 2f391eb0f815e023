/**
 * Where a run's time goes, stage by stage, for the contributors' profile (README "Where the time
 * goes"): with CLOUDREADY_TIMINGS=1 each stage's wall time, summed over files, is printed on standard
 * error at exit. Off, a mark is one comparison.
 */
import {performance} from 'node:perf_hooks'

const on = process.env.CLOUDREADY_TIMINGS === '1'
const totals = new Map<string, number>()
/** Heap in use at the end of each stage (the last time it ended), in MB. */
const heap = new Map<string, number>()
let last = 0

/** Attributes the time since the previous mark (or since the process started) to `name`. */
export function stage(name: string): void {
  if (!on) return
  const now = performance.now()
  totals.set(name, (totals.get(name) ?? 0) + now - last)
  heap.set(name, process.memoryUsage().heapUsed / 1e6)
  last = now
}

if (on) {
  process.on('exit', () => {
    stage('exit')
    const rows = [...totals].map(([name, ms]) => `${name.padEnd(10)} ${ms.toFixed(0).padStart(6)} ms   heap after ${heap.get(name)!.toFixed(0).padStart(5)} MB`)
    const peak = process.resourceUsage().maxRSS / 1024
    process.stderr.write(`cloudready timings (CLOUDREADY_TIMINGS=1)\n${rows.join('\n')}\n${'total'.padEnd(10)} ${performance.now().toFixed(0).padStart(6)} ms   peak RSS ${peak.toFixed(0)} MB\n`)
  })
}
