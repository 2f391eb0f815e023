/**
 * GitHub issues as JSON Lines: one object per line with title, body and labels, for `gh issue
 * create` (docs/import-export.md has the loop, which finds an item's issue by its external id in
 * the body and edits it instead of opening a second one).
 */
import type {WorkItem} from './items.js'

/** A cell that a spreadsheet would run as a formula, if this text ever lands in one: made text. */
export function neutralise(s: string): string {
  return /^[=+\-@\t\r]/.test(s) ? `'${s}` : s
}

export function githubJsonl(items: WorkItem[]): string {
  return items
    .map((i) => `${JSON.stringify({title: neutralise(i.title), body: `${i.description}\n\n<!-- ${i.externalId} -->`, labels: i.labels, externalId: i.externalId, priority: i.priority, dueDate: i.dueDate})}\n`)
    .join('')
}
