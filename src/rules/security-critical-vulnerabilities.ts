import {count, isRetired, numberOption} from './shared.js'
import {SOURCES} from './sources.js'
import type {Rule} from './types.js'

export const rule: Rule = {
  meta: {
    id: 'security-critical-vulnerabilities',
    category: 'security',
    severity: 'high',
    description: 'The system has open critical vulnerabilities; 5 or more (option blockerCount) block the move (critical).',
    rationale:
      'A critical vulnerability is one an attacker can exploit for serious harm. Moving a system does not fix it and may expose it more widely; many at once suggest an unpatched platform that will not pass the assurance the new hosting needs.',
    sources: [SOURCES.ncsc5, SOURCES.tcopSecure, SOURCES.govs007],
    remedy: 'Patch or mitigate the critical vulnerabilities before the move and confirm with a retest; if they come from an unsupported platform, upgrade it as part of the migration.',
    fields: ['security.critical_vulnerabilities'],
    example: 'security: {critical_vulnerabilities: 7}',
    // At or above blockerCount the finding is critical, so readiness is not-ready; 0 turns that off.
    options: {blockerCount: 5},
  },
  check(system, ctx) {
    const n = system.security?.critical_vulnerabilities
    if (isRetired(system) || !n || n <= 0) return []
    const blocker = numberOption(ctx, 'blockerCount', 5)
    const message = `${count(n, 'critical vulnerability is', 'critical vulnerabilities are')} open: fix ${n === 1 ? 'it' : 'them'} before the move`
    if (blocker > 0 && n >= blocker) return [{pointer: '/security/critical_vulnerabilities', severity: 'critical', message: `${message} (${blocker} or more block it)`}]
    return [{pointer: '/security/critical_vulnerabilities', message}]
  },
}
