import type {CompareReport} from '../../core/compare/index.js'

/** The machine-readable comparison with a fixed key order (schemas/compare.schema.json). */
export function compareData(r: CompareReport) {
  return {
    tool: r.tool,
    mode: r.mode,
    asOf: r.asOf,
    deadline: r.deadline,
    lifecycle: r.lifecycle,
    columns: r.columns,
    diff: r.diff,
    league: r.league,
    notes: r.notes,
  }
}
