/**
 * Jira's CSV importer (System → External system import → CSV): one row per item. Labels are one
 * column each under the same header, which is how the importer takes several values for a field;
 * the due date is YYYY-MM-DD (set "Date format" to yyyy-MM-dd in the wizard). Mapping: Summary →
 * Summary, Issue Type → Issue Type, Priority → Priority, Labels → Labels, Due Date → Due date,
 * Description → Description, External ID → a text custom field (docs/import-export.md).
 */
import {csvRow} from '../../formatters/text.js'
import type {WorkItem} from './items.js'

export function jiraCsv(items: WorkItem[]): string {
  const labels = Math.max(1, ...items.map((i) => i.labels.length))
  const rows = [csvRow(['Summary', 'Issue Type', 'Priority', ...Array(labels).fill('Labels'), 'Due Date', 'Description', 'External ID'])]
  for (const i of items) rows.push(csvRow([i.title, 'Task', i.priority, ...i.labels, ...Array(labels - i.labels.length).fill(''), i.dueDate ?? '', i.description, i.externalId]))
  return `${rows.join('\r\n')}\r\n`
}
