import {rule} from '../../src/rules/platform-extended-support-only.js'
import {testRule} from './tester.js'

testRule(rule, {
  valid: [
    {name: 'still in security support', system: {platform: {os: {name: 'rhel', version: '8'}}}},
    {name: 'extended support over too (platform-end-of-support)', system: {platform: {os: {name: 'rhel', version: '6'}}}},
    {name: 'on the last day of security support', asOf: '2024-06-30', system: {platform: {os: {name: 'rhel', version: '7'}}}},
    {name: 'after extended support ended', asOf: '2029-06-01', system: {platform: {os: {name: 'rhel', version: '7'}}}},
    {name: 'unknown product', system: {platform: {database: {name: 'ims'}}}},
  ],
  invalid: [
    {
      name: 'RHEL 7 on ELS',
      system: {platform: {os: {name: 'rhel', version: '7'}}},
      errors: [{message: /^The operating system Red Hat Enterprise Linux 7 left security support on 2024-06-30: only paid extended support covers it, until 2029-05-31 \(916 days left\)$/, pointer: '/platform/os/version'}],
    },
    {name: 'the day after security support ended', asOf: '2024-07-01', system: {platform: {os: {name: 'rhel', version: '7'}}}, errors: [{message: /left security support on 2024-06-30/, pointer: '/platform/os/version'}]},
    {name: 'no end of extended support announced', system: {platform: {runtime: {name: 'nodejs', version: '12'}}}, errors: [{message: /^The runtime Node\.js 12 left security support on 2022-04-30: only paid extended support covers it \(no end announced\)$/, pointer: '/platform/runtime/version'}]},
    {name: 'Java 8 runtime', system: {platform: {runtime: {name: 'java', version: '8'}}}, errors: [{message: /runtime Oracle JDK 8 left security support on 2022-03-31.*until 2030-12-31/, pointer: '/platform/runtime/version'}]},
    {
      name: 'Windows Server 2012 R2 on its last ESU day',
      asOf: '2026-10-13',
      system: {platform: {os: {name: 'windows-server', version: '2012-r2'}, database: {name: 'sql-server', version: '2014'}}},
      errors: [
        {message: /Windows Server 2012-r2 .* until 2026-10-13 \(0 days left\)/, pointer: '/platform/os/version'},
        {message: /SQL Server 2014 \(12\.0 SP3\) .* until 2027-07-12/, pointer: '/platform/database/version'},
      ],
    },
  ],
})
