import {count, isDone, numberOption} from './shared.js'
import {SOURCES} from './sources.js'
import type {Rule} from './types.js'

/** Days to copy `gb` gigabytes over a 1 Gbit/s link used at 80%: 8 bits a byte, 10^9 bits a second. */
export function transferDays(gb: number): number {
  return (gb * 8) / (1 * 0.8) / 86_400
}

export const rule: Rule = {
  meta: {
    id: 'data-large-volume',
    category: 'data',
    severity: 'medium',
    description: 'The system holds at least 10,000 GB of data (option largeGb): the transfer itself is a piece of work, and data out of a cloud is charged by volume.',
    rationale:
      'A 48 TB system does not move like a 1 TB one: over a 1 Gbit/s link at 80% use, each terabyte takes about 2.8 hours to copy, so tens of terabytes take days to weeks, with the system changing meanwhile. Moves of this size need an offline transfer appliance or a dedicated link, a cut-over plan for the changes made during the copy, and a budget for egress (data taken out of a cloud, or across a hybrid link, is charged per gigabyte).',
    sources: [SOURCES.dataTransfer, SOURCES.tcopCloud],
    remedy: 'Plan the transfer as its own task: an offline appliance or a dedicated link, a final delta copy at cut-over, and egress costs in the business case; archive or delete what need not move.',
    fields: ['data.volume_gb'],
    example: 'data: {volume_gb: 48000}',
    options: {largeGb: 10_000},
  },
  check(system, ctx) {
    const gb = system.data?.volume_gb
    const large = numberOption(ctx, 'largeGb', 10_000)
    if (isDone(system) || gb === undefined || gb < large) return []
    const days = transferDays(gb)
    const time = days < 1 ? `${Math.max(1, Math.round(days * 24))} hours` : count(Math.round(days * 10) / 10, 'day')
    return [{pointer: '/data/volume_gb', message: `data.volume_gb = ${count(gb, 'GB').replace(/ GBs$/, ' GB')}: about ${time} to copy over a 1 Gbit/s link at 80% use, and egress charged on every gigabyte taken out again: plan the transfer as its own task`}]
  },
}
