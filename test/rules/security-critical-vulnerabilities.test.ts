import {describe, expect, it} from 'vitest'

import {rule} from '../../src/rules/security-critical-vulnerabilities.js'
import {contextFor, testRule} from './tester.js'

testRule(rule, {
  valid: [
    {name: 'none', system: {security: {critical_vulnerabilities: 0}}},
    {name: 'not stated', system: {security: {last_health_check: '2026-01-31'}}},
    {name: 'retired', system: {security: {critical_vulnerabilities: 9}, migration: {status: 'retired'}}},
  ],
  invalid: [
    {name: 'one', system: {security: {critical_vulnerabilities: 1}}, errors: [{message: /^1 critical vulnerability is open: fix it before the move$/, pointer: '/security/critical_vulnerabilities'}]},
    {name: 'just under the blocker count: rule severity', system: {security: {critical_vulnerabilities: 4}}, errors: [{message: /^4 critical vulnerabilities are open: fix them before the move$/, pointer: '/security/critical_vulnerabilities'}]},
    {name: 'exactly the blocker count: critical', system: {security: {critical_vulnerabilities: 5}}, errors: [{message: /5 or more block it/, pointer: '/security/critical_vulnerabilities', severity: 'critical'}]},
    {name: 'blocker count from the config', options: {blockerCount: 2}, system: {security: {critical_vulnerabilities: 2}}, errors: [{message: /2 or more block it/, pointer: '/security/critical_vulnerabilities', severity: 'critical'}]},
    {name: 'escalation turned off', options: {blockerCount: 0}, system: {security: {critical_vulnerabilities: 40}}, errors: [{message: /^40 critical vulnerabilities are open: fix them before the move$/, pointer: '/security/critical_vulnerabilities'}]},
  ],
})

describe('security-critical-vulnerabilities severity', () => {
  it('leaves findings under the blocker count at the configured severity', () => {
    const {system, ctx} = contextFor(rule, {name: '', system: {security: {critical_vulnerabilities: 4}}})
    expect(rule.check(system, ctx)[0]!.severity).toBeUndefined()
  })
})
