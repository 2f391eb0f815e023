import {rule} from '../../src/rules/cost-retire-candidate.js'
import {testRule} from './tester.js'

testRule(rule, {
  valid: [
    {name: 'many users', system: {users: 12000, costs: {annual_run_gbp: 340000}}},
    {name: 'cheap', system: {users: 40, costs: {annual_run_gbp: 249999}}},
    {name: 'one user over the threshold', system: {users: 101, costs: {annual_run_gbp: 900000}}},
    {name: 'users not stated', system: {costs: {annual_run_gbp: 900000}}},
    {name: 'retired', system: {users: 40, costs: {annual_run_gbp: 340000}, migration: {status: 'retired'}}},
    {name: 'already declared for retirement', system: {users: 40, costs: {annual_run_gbp: 340000}, migration: {strategy: 'retire'}}},
  ],
  invalid: [
    {name: 'costly, few users', system: {users: 40, costs: {annual_run_gbp: 340000}}, errors: [{message: /^Costs £340,000 a year for 40 users \(£8,500 per user\): a candidate to retire or replace$/, pointer: '/costs/annual_run_gbp'}]},
    {name: 'exactly on both thresholds', system: {users: 100, costs: {annual_run_gbp: 250000}}, errors: [{message: /£250,000 a year for 100 users \(£2,500 per user\)/, pointer: '/costs/annual_run_gbp'}]},
    {name: 'no users at all: no per-user figure', system: {users: 0, costs: {annual_run_gbp: 1200000}}, errors: [{message: /^Costs £1,200,000 a year for 0 users: a candidate/, pointer: '/costs/annual_run_gbp'}]},
    {name: 'thresholds from the config', options: {maxUsers: 500, minAnnualRunGbp: 100000}, system: {users: 3, costs: {annual_run_gbp: 100000}}, errors: [{message: /for 3 users \(£33,333 per user\)/, pointer: '/costs/annual_run_gbp'}]},
  ],
})
