import {rule} from '../../src/rules/platform-os-no-cloud.js'
import {testRule} from './tester.js'

testRule(rule, {
  valid: [
    {name: 'Linux', system: {platform: {os: {name: 'rhel', version: '9'}}}},
    {name: 'Windows Server', system: {platform: {os: {name: 'windows-server', version: '2022'}}}},
    {name: 'an OS the table does not know, not known to be cloud-less either', system: {platform: {os: {name: 'acme-os'}}}},
    {name: 'z/OS on a mainframe: platform-specialist-hardware says it once', system: {platform: {os: {name: 'zos'}, hardware: 'mainframe'}}},
    {name: 'migrated', system: {platform: {os: {name: 'vme'}}, migration: {status: 'migrated'}}},
  ],
  invalid: [
    {name: 'ICL VME', system: {platform: {os: {name: 'vme'}}}, errors: [{message: /^Runs ICL VME \(platform\.os\.name = vme\), which no commodity public cloud offers/, pointer: '/platform/os/name'}]},
    {name: 'z/OS with no hardware recorded', system: {platform: {os: {name: 'zos'}}}, errors: [{message: /Runs z\/OS/, pointer: '/platform/os/name'}]},
    {name: 'HP-UX, any case', system: {platform: {os: {name: 'HP-UX'}}}, errors: [{message: /Runs HP-UX/, pointer: '/platform/os/name'}]},
  ],
})
