import {rule} from '../../src/rules/platform-support-ending.js'
import {testRule} from './tester.js'

testRule(rule, {
  valid: [
    {name: 'security support ends in years', system: {platform: {os: {name: 'rhel', version: '9'}}}},
    {name: 'already ended', system: {platform: {os: {name: 'rhel', version: '6'}}}},
    {name: 'ends one day after the 12-month window', asOf: '2026-03-31', system: {platform: {os: {name: 'ubuntu', version: '22.04'}}}},
    {name: 'no end announced', system: {platform: {runtime: {name: 'dotnetfx', version: '4.8'}}}},
    {name: 'a shorter window from the config', options: {months: 3}, system: {platform: {os: {name: 'ubuntu', version: '22.04'}}}},
  ],
  invalid: [
    {name: 'Ubuntu 22.04 within 12 months', system: {platform: {os: {name: 'ubuntu', version: '22.04'}}}, errors: [{message: /^The operating system Ubuntu 22\.04 leaves security support on 2027-04-01, in 125 days$/, pointer: '/platform/os/version'}]},
    {name: 'exactly 12 months ahead', asOf: '2026-04-01', system: {platform: {os: {name: 'ubuntu', version: '22.04'}}}, errors: [{message: /on 2027-04-01, in 365 days/, pointer: '/platform/os/version'}]},
    {name: 'on its last day of support', asOf: '2027-04-01', system: {platform: {os: {name: 'ubuntu', version: '22.04'}}}, errors: [{message: /in 0 days/, pointer: '/platform/os/version'}]},
    {name: 'a longer window from the config', options: {months: 40}, system: {platform: {database: {name: 'oracle-database', version: '19'}}}, errors: [{message: /database Oracle Database 19 leaves security support on 2029-12-31/, pointer: '/platform/database/version'}]},
  ],
})
