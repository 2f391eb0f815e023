import type {System} from '../../src/core/model/types.js'
import {rule} from '../../src/rules/architecture-hybrid-dependency.js'
import {testRule} from './tester.js'

const onPrem = (id: string): System => ({id, name: id, criticality: 'high', hosting: 'on-premises'})
const OTHERS: Record<string, System> = {
  'dept/ledger': onPrem('ledger'),
  'dwp/cis': onPrem('cis'),
  'dept/moving': {...onPrem('moving'), migration: {target: 'public-cloud' as const}},
  'dept/gone': {...onPrem('gone'), migration: {status: 'retired' as const}},
}

testRule(rule, {
  valid: [
    {name: 'on premises calling on premises', others: OTHERS, system: {dependencies: ['ledger']}},
    {name: 'in the cloud, calling a system bound for it too', others: OTHERS, system: {hosting: 'public-cloud', dependencies: ['moving']}},
    {name: 'calling a retired system', others: OTHERS, system: {hosting: 'public-cloud', dependencies: ['gone']}},
    {name: 'a dependency outside the estate: nothing to judge', others: OTHERS, system: {hosting: 'public-cloud', dependencies: ['dvla/unknown']}},
  ],
  invalid: [
    {name: 'in public cloud, calling a mainframe on premises', others: OTHERS, system: {hosting: 'public-cloud', dependencies: ['ledger']}, errors: [{message: /^In the cloud \(hosting = public-cloud\) but depends on dept\/ledger \(hosting = on-premises\), which stays off public cloud/, pointer: '/dependencies'}]},
    {name: 'bound for SaaS, calling across departments', others: OTHERS, system: {migration: {target: 'saas'}, dependencies: ['dwp/cis', 'ledger']}, errors: [{message: /migration\.target = saas\) but depends on dwp\/cis \(hosting = on-premises\), dept\/ledger/, pointer: '/dependencies'}]},
  ],
})
