/**
 * The 7-R strategy of each system, by explicit rules over the facts and the audit's findings, each
 * leaving a reason a person can check. The rules are tried in order; the first that applies decides.
 * A declared `migration.strategy` is kept when the facts allow it and overridden, with the reason,
 * when they contradict it.
 */
import type {SystemAssessment} from '../assess/index.js'
import {retainedBy} from '../assess/retain.js'
import type {EstateSystem, Strategy, System} from '../model/types.js'

export interface Reason {
  /** The rule (an audit rule id, or a planner rule `strategy-…`) behind the reason. */
  rule: string
  fact: string
}

export interface StrategyChoice {
  /** Null for a migrated or retired system that declared none: nothing is guessed. */
  strategy: Strategy | null
  reasons: Reason[]
  /** A rehost resting on too little data: assess the system before committing to it (README "Strategy"). */
  assessFirst?: boolean
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

/** How a product a system runs reads in a reason: `platform.os = windows-server 2008`. */
function productFact(layer: string, p: {name: string; version?: string}): string {
  return `platform.${layer} = ${p.name}${p.version ? ` ${p.version}` : ''}`
}

/** A critical system with at least this many users is no candidate for an off-the-shelf replacement on its name alone. */
export const COMMODITY_MAX_USERS_IF_CRITICAL = 10_000
/** Below this confidence a rehost is "assess first": too little is known of the platform to commit to it. */
export const ASSESS_FIRST_BELOW = 0.7

export function chooseStrategy(entry: EstateSystem, a: SystemAssessment): StrategyChoice {
  const s = entry.system
  const declared = s.migration?.strategy
  const status = s.migration?.status
  // Done: no strategy is guessed for a system that has moved; a declared one is kept as its record.
  if (status === 'retired' || status === 'migrated') {
    return {strategy: declared ?? null, reasons: [{rule: 'strategy-done', fact: `migration.status = ${status}${declared ? `, migration.strategy = ${declared}` : ' (no strategy recorded)'}: nothing left to move`}]}
  }
  // The audit's finding against the declared strategy is the plan's reason too: the two never disagree.
  const finding = a.findings.find((f) => f.rule === 'architecture-strategy-contradicted')
  const conflict = finding?.message ?? contradiction(s)
  if (declared && !conflict) {
    return {strategy: declared, reasons: [{rule: 'strategy-declared', fact: `migration.strategy = ${declared}, as declared in the inventory; no audit finding contradicts it`}]}
  }
  const choice = derive(s, a)
  if (declared && conflict) {
    choice.overridden = {declared, reason: conflict}
    choice.reasons.unshift({rule: 'architecture-strategy-contradicted', fact: `migration.strategy = ${declared} overridden: ${conflict}`})
  }
  return choice
}

function derive(s: System, a: SystemAssessment): StrategyChoice {
  const reasons: Reason[] = []
  const hw = s.platform?.hardware
  const classification = s.data?.classification
  // The same test as the audit's: a system retained by its classification is exempt there, retained here.
  if (retainedBy(s) === 'classification') {
    return {strategy: 'retain', reasons: [{rule: 'data-secret-public-cloud', fact: `data.classification = ${classification}: stays on accredited infrastructure (retain, or an accredited private target)`}]}
  }
  if (has(a, 'cost-retire-candidate')) {
    const users = s.users ?? 0
    const cost = s.costs?.annual_run_gbp ?? 0
    return {strategy: 'retire', reasons: [{rule: 'cost-retire-candidate', fact: `users = ${users.toLocaleString('en-GB')}, costs.annual_run_gbp = ${cost.toLocaleString('en-GB')}: retire, or fold into another service`}]}
  }
  if (hw === 'appliance') {
    return {strategy: 'repurchase', reasons: [{rule: 'platform-specialist-hardware', fact: 'platform.hardware = appliance: an appliance cannot be moved; replace it with a service'}]}
  }
  const specialist = hw !== undefined && SPECIALIST.has(hw)
  const commodity = commodityFunction(s)
  const bigAndCritical = s.criticality === 'critical' && (s.users ?? 0) >= COMMODITY_MAX_USERS_IF_CRITICAL
  // A name that suggests a commodity function suggests SaaS only where no fact says otherwise.
  if (commodity && !specialist && !bigAndCritical) {
    reasons.push({
      rule: 'strategy-commodity-saas',
      fact: `name = "${s.name}" names ${/^[aeiou]/i.test(commodity) ? 'an' : 'a'} ${commodity} function, which has a SaaS market; criticality = ${s.criticality}${s.users === undefined ? '' : `, users = ${s.users.toLocaleString('en-GB')}`}, on platform.hardware = ${hw ?? 'not recorded'}: not a bespoke system of a size or kind that rules out buying it as a service`,
    })
    return {strategy: 'repurchase', reasons}
  }
  if (specialist) {
    reasons.push({rule: 'platform-specialist-hardware', fact: `platform.hardware = ${hw}: it cannot be rehosted on commodity cloud`})
    if (commodity && bigAndCritical) reasons.push({rule: 'strategy-commodity-saas', fact: `name suggests a ${commodity} function, but criticality = critical with users = ${(s.users ?? 0).toLocaleString('en-GB')}: a bespoke system, not an off-the-shelf one`})
    const scarce = s.skills?.scarce ?? []
    if (hw === 'mainframe' || scarce.length > 0 || s.platform?.architecture === 'monolith') {
      if (scarce.length) reasons.push({rule: 'people-scarce-skills', fact: `skills.scarce = ${scarce.join(', ')}: the code must be rewritten or converted`})
      if (s.platform?.architecture === 'monolith') reasons.push({rule: 'strategy-port', fact: 'platform.architecture = monolith: refactor while moving'})
      return {strategy: 'refactor', reasons}
    }
    reasons.push({rule: 'strategy-port', fact: `platform.hardware = ${hw}: port to x86 on a supported platform`})
    return {strategy: 'replatform', reasons}
  }
  if (commodity && bigAndCritical) {
    reasons.push({rule: 'strategy-commodity-saas', fact: `name suggests a ${commodity} function, but criticality = critical with users = ${(s.users ?? 0).toLocaleString('en-GB')}: not a candidate for an off-the-shelf replacement on its name alone`})
  }
  const unsupported = Object.entries(a.platform).filter(([, p]) => p.phase === 'unsupported' || p.phase === 'extended-only')
  if (unsupported.length > 0) {
    reasons.push({rule: 'platform-end-of-support', fact: `${unsupported.map(([layer, p]) => productFact(layer, p)).join(', ')}: past end of security support; upgrade while moving`})
    if (s.licensing?.cloud_portable === false && s.platform?.architecture === 'monolith') {
      reasons.push({rule: 'commercial-licence-not-portable', fact: 'licensing.cloud_portable = false, platform.architecture = monolith: a monolith on a licence that is not cloud-portable'})
      return {strategy: 'refactor', reasons}
    }
    return {strategy: 'replatform', reasons}
  }
  if (s.platform?.virtualised && s.platform.hypervisor === 'vmware' && (s.hosting === 'private-cloud' || s.hosting === 'crown-hosting')) {
    reasons.push({rule: 'strategy-vmware-estate', fact: `platform.hypervisor = vmware, hosting = ${s.hosting}: move the virtual machines as they are to a cloud VMware service`})
    return {strategy: 'relocate', reasons}
  }
  const assessFirst = a.confidence < ASSESS_FIRST_BELOW
  const caution = assessFirst ? `; confidence = ${a.confidence}: assess first — confirm the platform before committing to a rehost` : ''
  if (s.platform?.virtualised) {
    reasons.push({rule: 'strategy-supported-x86', fact: `platform.virtualised = true on a supported platform: lift and shift${caution}`})
    return {strategy: 'rehost', reasons, assessFirst}
  }
  if (s.platform?.virtualised === false) {
    reasons.push({rule: 'platform-not-virtualised', fact: `platform.virtualised = false on a supported platform: convert to virtual machines and move${caution}`})
    return {strategy: 'rehost', reasons, assessFirst}
  }
  reasons.push({rule: 'strategy-default', fact: `platform.virtualised not recorded, and no fact against rehosting (confidence = ${a.confidence})${assessFirst ? ': assess first — confirm the platform before committing to a rehost' : ''}`})
  return {strategy: 'rehost', reasons, assessFirst}
}
