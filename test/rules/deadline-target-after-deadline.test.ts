import {rule} from '../../src/rules/deadline-target-after-deadline.js'
import {testRule} from './tester.js'

testRule(rule, {
  valid: [
    {name: 'target exactly on the deadline', system: {migration: {status: 'planned', target_date: '2023-12-31'}}},
    {name: 'target before the deadline', system: {migration: {status: 'in-progress', target_date: '2023-06-30'}}},
    {name: 'migrated, however late the target was', system: {migration: {status: 'migrated', target_date: '2025-01-01'}}},
    {name: 'retired with a late target', system: {migration: {status: 'retired', target_date: '2025-01-01'}}},
    {name: 'no target date (deadline-no-target-date reports it)', system: {migration: {status: 'planned'}}},
    {name: 'target within a later deadline given by the config', deadline: '2025-12-31', asOf: '2025-01-01', system: {migration: {target_date: '2025-12-31'}}},
    {name: 'the deadline has passed (deadline-missed says how late)', asOf: '2026-11-27', system: {migration: {status: 'planned', target_date: '2027-06-30'}}},
  ],
  invalid: [
    {name: 'target six months late', asOf: '2023-06-01', system: {migration: {status: 'planned', target_date: '2024-06-30'}}, errors: [{message: /2024-06-30 is 182 days after the 2023-12-31 cloud deadline/, pointer: '/migration/target_date'}]},
    {name: 'one day late', asOf: '2023-12-31', system: {migration: {target_date: '2024-01-01'}}, errors: [{message: /is 1 day after/, pointer: '/migration/target_date'}]},
    {name: 'late against a deadline from the config', deadline: '2025-12-31', asOf: '2025-06-01', system: {migration: {status: 'in-progress', target_date: '2026-03-31'}}, errors: [{message: /90 days after the 2025-12-31 cloud deadline/, pointer: '/migration/target_date'}]},
  ],
})
