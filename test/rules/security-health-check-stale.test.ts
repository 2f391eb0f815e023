import {rule} from '../../src/rules/security-health-check-stale.js'
import {testRule} from './tester.js'

testRule(rule, {
  valid: [
    {name: 'recent', system: {security: {last_health_check: '2026-06-30'}}},
    {name: 'exactly 12 months ago', system: {security: {last_health_check: '2025-11-27'}}},
    {name: 'older, within a longer period from the config', options: {months: 24}, system: {security: {last_health_check: '2025-01-31'}}},
    {name: 'retired', system: {migration: {status: 'retired'}}},
  ],
  invalid: [
    {name: 'stale', system: {security: {last_health_check: '2022-06-30'}}, errors: [{message: /^The last IT Health Check was on 2022-06-30, 1,611 days ago; one is due at least every 12 months$/, pointer: '/security/last_health_check'}]},
    {name: 'a day over 12 months', system: {security: {last_health_check: '2025-11-26'}}, errors: [{message: /2025-11-26, 366 days ago/, pointer: '/security/last_health_check'}]},
    {name: 'none recorded, no security block: points at the system', system: {}, errors: [{message: /^No IT Health Check is recorded/, pointer: ''}]},
    {name: 'none recorded in the security block', system: {security: {critical_vulnerabilities: 0}}, errors: [{message: /No IT Health Check/, pointer: '/security'}]},
    {name: 'a shorter period from the config', options: {months: 6}, system: {security: {last_health_check: '2026-03-31'}}, errors: [{message: /every 6 months/, pointer: '/security/last_health_check'}]},
  ],
})
