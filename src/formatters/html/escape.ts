/**
 * The one escaping helper of the HTML formats. Every string that comes from an inventory, a plan
 * or a flag goes through it, in element text and in attribute values alike (HTML and inline SVG),
 * so a system named `<img src=x onerror=alert(1)>` is shown, never run.
 */
import {sanitizeTerminal} from '../text.js'

const ENTITIES: Record<string, string> = {'&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;'}

/**
 * Text safe in an element or a quoted attribute: markup characters become entities, and control
 * and bidirectional-override characters become visible `\xNN` text (as on a terminal), so a name
 * cannot hide or reorder what is around it.
 */
export function escapeHtml(value: unknown): string {
  if (value === null || value === undefined) return ''
  return sanitizeTerminal(String(value)).replace(/[&<>"']/g, (c) => ENTITIES[c])
}

/** HTML that was built here from escaped parts: tables and layouts take it as is. */
export interface Html {
  html: string
}

export const raw = (html: string): Html => ({html})

/** Text escaped, or trusted HTML kept. */
export function cell(value: string | number | null | undefined | Html): string {
  if (value !== null && typeof value === 'object') return value.html
  return escapeHtml(value)
}
