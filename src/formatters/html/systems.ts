/**
 * Every system of the report in one table: a row per system (readiness, strategy, wave, effort,
 * run cost), each opening to what an IT lead asks next — its findings with file and line, its
 * strategy with the facts behind it, its wave and dates, and the systems it depends on.
 *
 * The page reads whole without script (each system's details are <details>, open on paper). One
 * small script, allowed by its hash in the page's Content Security Policy and nothing else, adds a
 * filter box and sortable columns, and follows the charts' links (`#systems:department=dwp
 * readiness=not-ready`) to the rows they count.
 */
import type {SystemAssessment} from '../../core/assess/index.js'
import type {AuditReport} from '../../core/assess/report.js'
import type {Finding} from '../../core/model/types.js'
import type {PlannedSystem} from '../../core/plan/index.js'
import type {PlanReport} from '../../core/plan/report.js'
import {count, gbp, personMonths, plural, range, strategyText} from '../text.js'
import {escapeHtml} from './escape.js'
import {STRATEGY} from './palette.js'

/** Beyond this many systems the table lists the first ones and says where the rest are. */
export const MAX_SYSTEM_ROWS = 1000

const fmt = count
const READINESS_SHORT: Record<string, string> = {ready: 'ready', 'ready-with-conditions': 'with conditions', unknown: 'unknown', 'not-ready': 'not ready'}
const SEVERITY_RANK: Record<string, number> = {critical: 0, high: 1, medium: 2, low: 3, info: 4}

/** The anchor of a system's row. */
export function systemAnchor(ref: string): string {
  return `sys-${ref.replace(/[^a-z0-9-]/g, '_')}`
}

/** A link to the system rows a chart counts: every `key=value` must hold (the filter box shows it). */
export function systemsLink(filters: Record<string, string>): string {
  return `#systems:${Object.entries(filters)
    .map(([k, v]) => `${k}=${v}`)
    .join(' ')}`
}

/**
 * Filters, sorting and chart links. Plain ES5 with no dependency; it only reads and reorders the
 * table. It holds no `&` or `<`, so the page stays well-formed XML (the polyglot markup tests parse it). Its SHA-256 goes into the page's CSP, so this exact text is the only script that can run.
 */
export const SYSTEMS_SCRIPT = `(function () {
  var t = document.getElementById('systems-table');
  if (!t) return;
  var wrap = t.parentNode;
  var box = document.createElement('input');
  box.type = 'search';
  box.className = 'filter';
  box.placeholder = 'Filter: any words, e.g. dwp refactor, or readiness=not-ready';
  box.setAttribute('aria-label', 'Filter the systems');
  var count = document.createElement('p');
  count.className = 'note';
  count.setAttribute('aria-live', 'polite');
  wrap.parentNode.insertBefore(box, wrap);
  wrap.parentNode.insertBefore(count, wrap);
  var groups = [].slice.call(t.tBodies);
  function apply() {
    var words = box.value.toLowerCase().split(/\\s+/).filter(Boolean);
    var shown = 0;
    groups.forEach(function (g) {
      var tokens = g.getAttribute('data-search').split(' ');
      var text = g.getAttribute('data-search');
      var ok = words.every(function (w) { return w.indexOf('=') > 0 ? tokens.indexOf(w) >= 0 : text.indexOf(w) >= 0; });
      g.hidden = !ok;
      if (ok) shown++;
    });
    count.textContent = shown + ' of ' + groups.length + ' systems shown';
  }
  box.addEventListener('input', apply);
  var heads = t.tHead.rows[0].cells;
  [].forEach.call(heads, function (th, i) {
    var b = document.createElement('button');
    b.type = 'button';
    b.className = 'sort';
    b.textContent = th.textContent;
    th.textContent = '';
    th.appendChild(b);
    b.addEventListener('click', function () {
      var dir = th.getAttribute('aria-sort') === 'ascending' ? -1 : 1;
      [].forEach.call(heads, function (h) { h.removeAttribute('aria-sort'); });
      th.setAttribute('aria-sort', dir > 0 ? 'ascending' : 'descending');
      var key = function (g) { var c = g.rows[0].cells[i]; return c.getAttribute('data-v') || c.textContent; };
      groups.sort(function (a, b) {
        var x = key(a), y = key(b), nx = parseFloat(x), ny = parseFloat(y);
        var c = isNaN(nx) || isNaN(ny) ? x.localeCompare(y) : nx - ny;
        return c * dir;
      });
      groups.forEach(function (g) { t.appendChild(g); });
    });
  });
  function follow() {
    var h = decodeURIComponent(location.hash);
    if (h.indexOf('#systems:') !== 0) return;
    box.value = h.slice(9);
    apply();
    t.scrollIntoView();
  }
  window.addEventListener('hashchange', follow);
  follow();
  apply();
})();`

function findingLines(findings: Finding[]): string {
  if (findings.length === 0) return '<p class="note">No findings.</p>'
  const sorted = [...findings].sort((a, b) => SEVERITY_RANK[a.severity] - SEVERITY_RANK[b.severity] || (a.line ?? 0) - (b.line ?? 0))
  return `<ul class="findings">${sorted
    .map((f) => `<li><span class="chip s-${escapeHtml(f.severity)}">${escapeHtml(f.severity)}</span> <code>${escapeHtml(f.rule)}</code> ${escapeHtml(f.message)} <span class="muted">${escapeHtml(`${f.file}:${f.line}:${f.column}`)}</span></li>`)
    .join('')}</ul>`
}

function pathLines(a: SystemAssessment | undefined): string {
  if (!a) return ''
  if (a.pathToReady.length === 0) return `<h4>Path to ready</h4><p class="note">${a.readiness === 'ready' ? 'Ready: nothing to clear.' : 'Nothing left to move.'}</p>`
  return `<h4>Path to ready (${fmt(a.pathToReady.length)} ${a.pathToReady.length === 1 ? 'step' : 'steps'}, in order)</h4><ol>${a.pathToReady
    .map((p) => `<li>${p.blocker ? '<strong>blocker</strong> ' : ''}<code>${escapeHtml(p.rule)}</code> ${escapeHtml(p.message)}. <span class="muted">${escapeHtml(p.remedy)}</span></li>`)
    .join('')}</ol>`
}

function detail(s: PlannedSystem, plan: PlanReport, findings: Finding[] | undefined, a?: SystemAssessment): string {
  const wave = s.wave === null ? null : plan.waves[s.wave - 1]
  const when = wave ? `starts in wave ${wave.number}: ${s.start} to ${s.end} (${s.months} months)${s.slipDays ? `, ${fmt(s.slipDays)} days after its own target date` : ''}` : s.status === 'done' ? 'already moved or retired' : s.status
  const reasons = s.reasons.length ? `<ul>${s.reasons.map((r) => `<li>${escapeHtml(r.fact)}</li>`).join('')}</ul>` : ''
  const declared = s.overridden ? `<p>${escapeHtml(`Declared ${s.overridden.declared}, not followed: ${s.overridden.reason}`)}</p>` : ''
  const deps = s.dependsOn.length
    ? s.dependsOn.map((d) => (plan.systems.some((o) => o.ref === d) ? `<a href="#${systemAnchor(d)}">${escapeHtml(d)}</a>` : escapeHtml(d))).join(', ')
    : 'none'
  const parts = [
    findings === undefined ? '' : `<h4>Findings (${fmt(findings.length)})</h4>${findingLines(findings)}`,
    pathLines(a),
    `<h4>Strategy: ${escapeHtml(strategyText(s))}</h4>${declared}${reasons}`,
    `<h4>When</h4><p>${escapeHtml(`${when}; move group ${s.moveGroup}`)}</p>`,
    `<h4>Depends on</h4><p>${deps}</p>`,
    `<p class="muted">${escapeHtml(`${s.file}:${s.line}`)}</p>`,
  ]
  const summary = findings === undefined ? 'strategy, wave and dependencies' : `${plural(findings.length, 'finding')}, strategy, wave and dependencies`
  return `<details><summary>${escapeHtml(summary)}</summary><div class="sys-detail">${parts.join('')}</div></details>`
}

/** The section: every system (up to MAX_SYSTEM_ROWS), each row opening to its details. */
export function systemsSection(plan: PlanReport, audit?: AuditReport): string {
  const byRef = new Map((audit?.systems ?? []).map((a) => [a.ref, a]))
  const shown = plan.systems.slice(0, MAX_SYSTEM_ROWS)
  const heads = ['system', 'name', 'readiness', 'strategy', 'wave', 'person-months', 'run cost a year', ...(audit ? ['findings'] : [])]
  const num = new Set(['wave', 'person-months', 'run cost a year', 'findings'])
  const columns = heads.length
  const groups = shown.map((s) => {
    const assessed = byRef.get(s.ref)
    const findings = audit ? (assessed?.findings ?? []) : undefined
    const search = [
      s.ref.toLowerCase(),
      s.name.toLowerCase(),
      `department=${s.department}`,
      `readiness=${s.readiness}`,
      `strategy=${s.strategy ?? 'done'}`,
      `criticality=${s.criticality}`,
      s.wave === null ? `wave=${s.status}` : `wave=${s.wave}`,
      ...[...new Set((findings ?? []).map((f) => f.rule))],
    ]
      .join(' ')
      .replace(/"/g, '')
    const cells = [
      `<th scope="row" class="nowrap" id="${systemAnchor(s.ref)}">${escapeHtml(s.ref)}</th>`,
      `<td class="wide">${escapeHtml(s.name)}</td>`,
      `<td class="nowrap"><span class="chip r-${escapeHtml(s.readiness)}">${escapeHtml(READINESS_SHORT[s.readiness] ?? s.readiness)}</span></td>`,
      `<td>${s.strategy === null ? 'done' : `<span class="chip st-${escapeHtml(s.strategy)}">${escapeHtml(s.strategy)}</span>${s.assessFirst ? ' <span class="muted">assess first</span>' : ''}`}</td>`,
      `<td class="num nowrap" data-v="${s.wave ?? 9999}">${escapeHtml(s.wave === null ? (s.status === 'done' ? 'moved' : s.status) : String(s.wave))}</td>`,
      `<td class="num nowrap" data-v="${s.effort.high}">${s.effort.high === 0 ? '–' : escapeHtml(range(s.effort.low, s.effort.high, personMonths))}</td>`,
      `<td class="num" data-v="${s.annualRunGbp ?? -1}">${s.annualRunGbp === null ? '' : escapeHtml(gbp(s.annualRunGbp))}</td>`,
      ...(findings ? [`<td class="num">${fmt(findings.length)}</td>`] : []),
    ]
    return `<tbody class="sys" data-search="${escapeHtml(search)}"><tr>${cells.join('')}</tr><tr class="more"><td colspan="${columns}">${detail(s, plan, findings, assessed)}</td></tr></tbody>`
  })
  const caption =
    plan.systems.length > MAX_SYSTEM_ROWS
      ? `Every system (the first ${fmt(MAX_SYSTEM_ROWS)} of ${fmt(plan.systems.length)}; plan --format csv or json lists them all)`
      : `Every system (${fmt(plan.systems.length)})`
  const strategies = Object.keys(STRATEGY)
    .filter((k) => (plan.summary.byStrategy as Record<string, number>)[k] > 0)
    .map((k) => `${k} ${(plan.summary.byStrategy as Record<string, number>)[k]}`)
    .join(', ')
  return `<section class="panel" id="systems" aria-labelledby="systems-h">
<h2 id="systems-h">Every system</h2>
<p class="lead">${escapeHtml(`Strategies: ${strategies || 'none'}. Open a system for its ${audit ? 'findings (with file and line), ' : ''}strategy and the facts behind it, its wave and dates, and what it depends on; the charts above link here.`)}</p>
<div class="table-wrap"><table id="systems-table" class="systems"><caption>${escapeHtml(caption)}</caption><thead><tr>${heads.map((h) => `<th scope="col"${num.has(h) ? ' class="num"' : ''}>${escapeHtml(h)}</th>`).join('')}</tr></thead>
${groups.join('\n')}
</table></div>
</section>`
}
