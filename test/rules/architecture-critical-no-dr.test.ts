import {rule} from '../../src/rules/architecture-critical-no-dr.js'
import {testRule} from './tester.js'

testRule(rule, {
  valid: [
    {name: 'critical, RTO and a recent test', system: {criticality: 'critical', resilience: {rto_hours: 4, dr_tested: '2026-06-01'}}},
    {name: 'critical, tested exactly 12 months ago', system: {criticality: 'critical', resilience: {rto_hours: 4, dr_tested: '2025-11-27'}}},
    {name: 'high, no resilience at all', system: {criticality: 'high'}},
    {name: 'critical but retired', system: {criticality: 'critical', migration: {status: 'retired'}}},
    {name: 'older test within a longer period from the config', options: {months: 24}, system: {criticality: 'critical', resilience: {rto_hours: 4, dr_tested: '2025-01-15'}}},
  ],
  invalid: [
    {name: 'nothing recorded: points at the system', system: {criticality: 'critical'}, errors: [{message: /^Critical system with no recovery time objective \(resilience\.rto_hours\) and no recorded disaster recovery test/, pointer: ''}]},
    {name: 'RTO but never tested', system: {criticality: 'critical', resilience: {rto_hours: 4}}, errors: [{message: /^Critical system with no recorded disaster recovery test/, pointer: '/resilience'}]},
    {name: 'tested, no RTO', system: {criticality: 'critical', resilience: {dr_tested: '2026-09-01'}}, errors: [{message: /^Critical system with no recovery time objective \(resilience\.rto_hours\)$/, pointer: '/resilience'}]},
    {name: 'test a day over 12 months old', system: {criticality: 'critical', resilience: {rto_hours: 2, dr_tested: '2025-11-26'}}, errors: [{message: /last disaster recovery test was on 2025-11-26, 366 days ago \(due every 12 months\)/, pointer: '/resilience/dr_tested'}]},
    {
      name: 'no RTO and a stale test: two findings',
      system: {criticality: 'critical', resilience: {dr_tested: '2023-01-15'}},
      errors: [{message: /no recovery time objective/, pointer: '/resilience'}, {message: /2023-01-15/, pointer: '/resilience/dr_tested'}],
    },
  ],
})
