import {rule} from '../../src/rules/deadline-missed.js'
import {testRule} from './tester.js'

testRule(rule, {
  valid: [
    {name: 'on the deadline day', asOf: '2023-12-31', system: {migration: {status: 'in-progress'}}},
    {name: 'before the deadline', asOf: '2023-01-01', system: {}},
    {name: 'migrated', system: {migration: {status: 'migrated'}}},
    {name: 'retired', system: {migration: {status: 'retired'}}},
  ],
  invalid: [
    {name: 'nothing recorded: points at the system', system: {}, errors: [{message: /^Not in the cloud 1,062 days after the 2023-12-31 deadline \(migration status: not-started; no target date is set\)$/, pointer: ''}]},
    {name: 'in progress', system: {migration: {status: 'in-progress', target_date: '2027-01-31'}}, errors: [{message: /Not in the cloud .* \(migration status: in-progress; its target date 2027-01-31 would land it 1,127 days late\)/, pointer: '/migration/status'}]},
    {name: 'a target date that has passed too', system: {migration: {status: 'planned', target_date: '2025-03-31'}}, errors: [{message: /its target date 2025-03-31 has passed too\)$/, pointer: '/migration/status'}]},
    {name: 'the day after the deadline', asOf: '2024-01-01', system: {migration: {status: 'planned'}}, errors: [{message: /1 day after the 2023-12-31 deadline/, pointer: '/migration/status'}]},
    {name: 'migration block without a status', system: {migration: {target: 'public-cloud'}}, errors: [{message: /not-started/, pointer: '/migration'}]},
    {name: 'hosted on public cloud but not recorded as migrated', system: {hosting: 'public-cloud'}, errors: [{message: /Not recorded as migrated .* although hosted on public-cloud/, pointer: ''}]},
    {name: 'a later deadline from the config', deadline: '2025-12-31', system: {}, errors: [{message: /331 days after the 2025-12-31 deadline/, pointer: ''}]},
  ],
})
