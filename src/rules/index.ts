/**
 * The rule catalogue: every built-in rule, sorted by id. `cloudready rules`, `explain`, the
 * assessment and SARIF's `rules[]` all read it. A rule is one file named by its id (ESLint's
 * lib/rules layout); add it here to register it.
 */
import {rule as architectureCriticalNoDr} from './architecture-critical-no-dr.js'
import {rule as architectureDependencyCycle} from './architecture-dependency-cycle.js'
import {rule as architectureDependsOnNotReady} from './architecture-depends-on-not-ready.js'
import {rule as architectureStrategyContradicted} from './architecture-strategy-contradicted.js'
import {rule as commercialContractLockIn} from './commercial-contract-lock-in.js'
import {rule as commercialLicenceNotPortable} from './commercial-licence-not-portable.js'
import {rule as costRetireCandidate} from './cost-retire-candidate.js'
import {rule as dataClassificationMissing} from './data-classification-missing.js'
import {rule as dataDpiaMissing} from './data-dpia-missing.js'
import {rule as dataResidencyAny} from './data-residency-any.js'
import {rule as dataSecretPublicCloud} from './data-secret-public-cloud.js'
import {rule as deadlineMissed} from './deadline-missed.js'
import {rule as deadlineNoTargetDate} from './deadline-no-target-date.js'
import {rule as deadlineOverdue} from './deadline-overdue.js'
import {rule as deadlineTargetAfterDeadline} from './deadline-target-after-deadline.js'
import {rule as peopleNoInHouseSkills} from './people-no-in-house-skills.js'
import {rule as peopleNoOwner} from './people-no-owner.js'
import {rule as peopleScarceSkills} from './people-scarce-skills.js'
import {rule as platformEndOfSupport} from './platform-end-of-support.js'
import {rule as platformExtendedSupportOnly} from './platform-extended-support-only.js'
import {rule as platformNotVirtualised} from './platform-not-virtualised.js'
import {rule as platformOsNoCloud} from './platform-os-no-cloud.js'
import {rule as platformSpecialistHardware} from './platform-specialist-hardware.js'
import {rule as platformSupportEnding} from './platform-support-ending.js'
import {rule as platformUnknownLifecycle} from './platform-unknown-lifecycle.js'
import {rule as securityCriticalVulnerabilities} from './security-critical-vulnerabilities.js'
import {rule as securityHealthCheckStale} from './security-health-check-stale.js'
import {rule as architectureHybridDependency} from './architecture-hybrid-dependency.js'
import {rule as commercialOracleLicencePosition} from './commercial-oracle-licence-position.js'
import {rule as dataLargeVolume} from './data-large-volume.js'
import {rule as dataQualityGaps} from './data-quality-gaps.js'
import type {Rule} from './types.js'

export const RULES: readonly Rule[] = Object.freeze(
  [
    architectureCriticalNoDr,
    architectureDependencyCycle,
    architectureDependsOnNotReady,
    architectureStrategyContradicted,
    commercialContractLockIn,
    commercialLicenceNotPortable,
    costRetireCandidate,
    dataClassificationMissing,
    dataDpiaMissing,
    dataResidencyAny,
    dataSecretPublicCloud,
    deadlineMissed,
    deadlineNoTargetDate,
    deadlineOverdue,
    deadlineTargetAfterDeadline,
    peopleNoInHouseSkills,
    peopleNoOwner,
    peopleScarceSkills,
    platformEndOfSupport,
    platformExtendedSupportOnly,
    platformNotVirtualised,
    platformOsNoCloud,
    platformSpecialistHardware,
    platformSupportEnding,
    platformUnknownLifecycle,
    securityCriticalVulnerabilities,
    securityHealthCheckStale,
    dataQualityGaps,
    dataLargeVolume,
    commercialOracleLicencePosition,
    architectureHybridDependency,
  ].sort((a, b) => (a.meta.id < b.meta.id ? -1 : a.meta.id > b.meta.id ? 1 : 0)),
)

const BY_ID = new Map(RULES.map((r) => [r.meta.id, r]))

/** The built-in rule with this id, if there is one. */
export function ruleById(id: string): Rule | undefined {
  return BY_ID.get(id)
}
