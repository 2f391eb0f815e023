/**
 * The 7-R strategy of each system, by explicit rules over the facts and the audit's findings, each
 * leaving a reason a person can check. The rules are tried in order; the first that applies decides.
 * A declared `migration.strategy` is kept when the facts allow it and overridden, with the reason,
 * when they contradict it.
 */
import type {SystemAssessment} from '../assess/index.js'
import type {EstateSystem, Strategy, System} from '../model/types.js'

export interface Reason {
  /** The rule (an audit rule id, or a planner rule `strategy-…`) behind the reason. */
  rule: string
  fact: string
}

export interface StrategyChoice {
  strategy: Strategy
  reasons: Reason[]
  /** Set when the inventory declared a strategy the facts contradict. */
  overridden?: {declared: Strategy; reason: string}
}

const SPECIALIST = new Set(['mainframe', 'sparc', 'power', 'as400'])
const ACCREDITED_TARGETS = new Set(['private-cloud', 'crown-hosting'])
const HIGH_CLASSIFICATION = new Set(['SECRET', 'TOP-SECRET'])

/** Functions every organisation runs, for which a mature SaaS market exists (Technology Code of Practice, point 5 "use cloud first": SaaS first). */
const COMMODITY = [
  ['payroll', /\bpayroll\b/i],
  ['HR', /\b(hr|human resources|people management|recruitment|learning management)\b/i],
  ['email', /\b(e-?mail|exchange|mailbox)\b/i],
  ['finance', /\b(finance|ledger|erp|accounts payable|procurement|purchase to pay|expenses|timesheets?)\b/i],
  ['CRM', /\b(crm|customer relationship|contact cent(re|er))\b/i],
  ['service desk', /\b(service ?desk|help ?desk|itsm|ticketing)\b/i],
  ['intranet', /\b(intranet|collaboration|sharepoint|document management|records management|edrms)\b/i],
] as const

export function commodityFunction(system: System): string | undefined {
  const text = `${system.id.replace(/-/g, ' ')} ${system.name}`
  for (const [label, pattern] of COMMODITY) if (pattern.test(text)) return label
  return undefined
}

function has(a: SystemAssessment, rule: string): boolean {
  return a.findings.some((f) => f.rule === rule)
}

/** The declared strategy's conflict with the facts, or undefined when the facts allow it. */
export function contradiction(system: System): string | undefined {
  const declared = system.migration?.strategy
  if (!declared) return undefined
  const hw = system.platform?.hardware
  if ((declared === 'rehost' || declared === 'relocate') && hw && SPECIALIST.has(hw)) {
    return `${declared} is not possible on ${hw} hardware: no public cloud runs its instruction set`
  }
  const classification = system.data?.classification
  if (classification && HIGH_CLASSIFICATION.has(classification) && declared !== 'retain' && declared !== 'retire') {
    const target = system.migration?.target
    if (declared === 'repurchase' || !target || !ACCREDITED_TARGETS.has(target)) {
      return `${classification} data needs an accredited target: ${declared}${target ? ` to ${target}` : ''} is not allowed`
    }
  }
  return undefined
}

export function chooseStrategy(entry: EstateSystem, a: SystemAssessment): StrategyChoice {
  const s = entry.system
  const declared = s.migration?.strategy
  const status = s.migration?.status
  if (status === 'retired') return {strategy: 'retire', reasons: [{rule: 'strategy-done', fact: 'already retired'}]}
  if (status === 'migrated') return {strategy: declared ?? 'rehost', reasons: [{rule: 'strategy-done', fact: `already migrated${declared ? ` (${declared})` : ''}`}]}

  const conflict = contradiction(s)
  if (declared && !conflict) {
    return {strategy: declared, reasons: [{rule: 'strategy-declared', fact: `declared in the inventory as ${declared}; the facts allow it`}]}
  }
  const choice = derive(s, a)
  if (declared && conflict) {
    choice.overridden = {declared, reason: conflict}
    choice.reasons.unshift({rule: 'architecture-strategy-contradicted', fact: `declared ${declared} overridden: ${conflict}`})
  }
  return choice
}

function derive(s: System, a: SystemAssessment): StrategyChoice {
  const reasons: Reason[] = []
  const hw = s.platform?.hardware
  const classification = s.data?.classification
  if (has(a, 'cost-retire-candidate')) {
    const users = s.users ?? 0
    const cost = s.costs?.annual_run_gbp ?? 0
    return {strategy: 'retire', reasons: [{rule: 'cost-retire-candidate', fact: `${users} users for £${cost.toLocaleString('en-GB')} a year: retire, or fold into another service`}]}
  }
  if (classification && HIGH_CLASSIFICATION.has(classification)) {
    return {strategy: 'retain', reasons: [{rule: 'data-secret-public-cloud', fact: `${classification} data stays on accredited infrastructure (retain, or an accredited private target)`}]}
  }
  const commodity = commodityFunction(s)
  if (commodity) {
    reasons.push({rule: 'strategy-commodity-saas', fact: `${commodity} is a commodity function with a SaaS market`})
    return {strategy: 'repurchase', reasons}
  }
  if (hw === 'appliance') {
    return {strategy: 'repurchase', reasons: [{rule: 'platform-specialist-hardware', fact: 'an appliance cannot be moved: replace it with a service'}]}
  }
  if (hw && SPECIALIST.has(hw)) {
    reasons.push({rule: 'platform-specialist-hardware', fact: `${hw} hardware cannot be rehosted`})
    const scarce = s.skills?.scarce ?? []
    if (hw === 'mainframe' || scarce.length > 0 || s.platform?.architecture === 'monolith') {
      if (scarce.length) reasons.push({rule: 'people-scarce-skills', fact: `code in ${scarce.join(', ')} must be rewritten or converted`})
      return {strategy: 'refactor', reasons}
    }
    reasons.push({rule: 'strategy-port', fact: `port from ${hw} to x86 on a supported platform`})
    return {strategy: 'replatform', reasons}
  }
  const unsupported = Object.entries(a.platform).filter(([, p]) => p.phase === 'unsupported' || p.phase === 'extended-only')
  if (unsupported.length > 0) {
    const names = unsupported.map(([, p]) => `${p.name}${p.version ? ` ${p.version}` : ''}`).join(', ')
    reasons.push({rule: 'platform-end-of-support', fact: `${names} past end of security support: upgrade while moving`})
    if (s.licensing?.cloud_portable === false && s.platform?.architecture === 'monolith') {
      reasons.push({rule: 'commercial-licence-not-portable', fact: 'a monolith on a licence that is not cloud-portable'})
      return {strategy: 'refactor', reasons}
    }
    return {strategy: 'replatform', reasons}
  }
  if (s.platform?.virtualised && (s.hosting === 'private-cloud' || s.hosting === 'crown-hosting')) {
    return {strategy: 'relocate', reasons: [{rule: 'strategy-vmware-estate', fact: `virtualised on ${s.hosting}: move the virtual machines as they are (VMware to a cloud VMware service)`}]}
  }
  if (s.platform?.virtualised) {
    return {strategy: 'rehost', reasons: [{rule: 'strategy-supported-x86', fact: 'virtualised x86 on a supported platform: lift and shift'}]}
  }
  if (s.platform?.virtualised === false) {
    return {strategy: 'rehost', reasons: [{rule: 'platform-not-virtualised', fact: 'physical x86 on a supported platform: convert to virtual machines and move'}]}
  }
  return {strategy: 'rehost', reasons: [{rule: 'strategy-default', fact: `no fact against rehosting; confidence ${a.confidence}: confirm the platform before committing`}]}
}
