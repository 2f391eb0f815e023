/**
 * GitLab's issue CSV importer (Issues → Import CSV): the columns title, description and due_date,
 * in that order. Labels go in the description as the /label quick action, which the importer runs.
 */
import {csvRow} from '../../formatters/text.js'
import type {WorkItem} from './items.js'

export function gitlabCsv(items: WorkItem[]): string {
  const rows = [csvRow(['title', 'description', 'due_date'])]
  for (const i of items) rows.push(csvRow([i.title, `${i.description}\n\n/label ${i.labels.map((l) => `~"${l}"`).join(' ')}`, i.dueDate ?? '']))
  return `${rows.join('\r\n')}\r\n`
}
