import {rule} from '../../src/rules/deadline-no-target-date.js'
import {testRule} from './tester.js'

testRule(rule, {
  valid: [
    {name: 'target date set', system: {migration: {status: 'planned', target_date: '2027-03-31'}}},
    {name: 'migrated without a target date', system: {migration: {status: 'migrated'}}},
    {name: 'retired without a target date', system: {migration: {status: 'retired'}}},
  ],
  invalid: [
    {name: 'no migration block at all: points at the system', system: {}, errors: [{message: /No migration target date.*the 2023-12-31 cloud deadline passed 1,062 days ago/, pointer: ''}]},
    {name: 'migration block without a date', system: {migration: {status: 'planned', strategy: 'rehost'}}, errors: [{message: /No migration target date/, pointer: '/migration'}]},
    {name: 'before the deadline', asOf: '2023-06-01', system: {migration: {status: 'not-started'}}, errors: [{message: /the cloud deadline is 2023-12-31/, pointer: '/migration'}]},
    {name: 'on the deadline day itself (not yet passed)', asOf: '2023-12-31', system: {migration: {}}, errors: [{message: /the cloud deadline is 2023-12-31/, pointer: '/migration'}]},
  ],
})
