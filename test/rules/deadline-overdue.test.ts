import {rule} from '../../src/rules/deadline-overdue.js'
import {testRule} from './tester.js'

testRule(rule, {
  valid: [
    {name: 'target date is today', asOf: '2024-03-01', system: {migration: {status: 'in-progress', target_date: '2024-03-01'}}},
    {name: 'target date in the future', system: {migration: {status: 'planned', target_date: '2027-06-30'}}},
    {name: 'migrated after its target date', system: {migration: {status: 'migrated', target_date: '2023-09-30'}}},
    {name: 'retired after its target date', system: {migration: {status: 'retired', target_date: '2023-09-30'}}},
    {name: 'no target date', system: {migration: {status: 'in-progress'}}},
  ],
  invalid: [
    {name: 'target passed long ago', system: {migration: {status: 'in-progress', target_date: '2023-09-30'}}, errors: [{message: /2023-09-30 passed 1,154 days ago and the migration is still in-progress/, pointer: '/migration/target_date'}]},
    {name: 'target was yesterday', asOf: '2024-03-02', system: {migration: {status: 'planned', target_date: '2024-03-01'}}, errors: [{message: /passed 1 day ago/, pointer: '/migration/target_date'}]},
    {name: 'no status counts as not started', system: {migration: {target_date: '2025-01-31'}}, errors: [{message: /still not-started/, pointer: '/migration/target_date'}]},
  ],
})
