import {isDone, SPECIALIST_HARDWARE} from './shared.js'
import {SOURCES} from './sources.js'
import type {Rule} from './types.js'

/**
 * Operating systems for which no commodity public cloud (AWS, Azure, Google Cloud) offers a virtual
 * machine image: they run only on their own hardware or a specialist hosting service.
 */
const NO_CLOUD_OS: ReadonlyMap<string, string> = new Map([
  ['zos', 'z/OS'],
  ['z/os', 'z/OS'],
  ['os390', 'OS/390'],
  ['mvs', 'MVS'],
  ['vme', 'ICL VME'],
  ['bs2000', 'BS2000'],
  ['gcos', 'GCOS'],
  ['ibm-i', 'IBM i'],
  ['os400', 'IBM i (OS/400)'],
  ['ibm-aix', 'AIX'],
  ['aix', 'AIX'],
  ['hp-ux', 'HP-UX'],
  ['hpux', 'HP-UX'],
  ['openvms', 'OpenVMS'],
])

export const rule: Rule = {
  meta: {
    id: 'platform-os-no-cloud',
    category: 'platform',
    severity: 'high',
    description: 'The system runs an operating system that no commodity public cloud offers as a virtual machine (z/OS, VME, BS2000, IBM i, AIX, HP-UX, OpenVMS).',
    rationale:
      'Commodity public clouds run Windows and Linux (and a few other x86 and Arm systems) as virtual machines. A system on an operating system they do not offer cannot move as it is: it must be replatformed, refactored or replaced, or kept on a specialist hosting service for its hardware.',
    sources: [SOURCES.tcopCloud, SOURCES.legacy],
    remedy: 'Plan a replatform (recompile or emulate on Linux), a refactor or a replacement; or record a specialist hosting target (private cloud, Crown Hosting) that runs this operating system.',
    fields: ['platform.os'],
    blocker: true,
    example: 'platform: {os: {name: vme}}',
  },
  check(system) {
    const os = system.platform?.os
    const name = os && NO_CLOUD_OS.get(os.name.toLowerCase())
    const hardware = system.platform?.hardware
    // On specialist hardware, platform-specialist-hardware already says it: one fact, one finding.
    if (isDone(system) || !name || (hardware && SPECIALIST_HARDWARE.has(hardware))) return []
    return [{pointer: '/platform/os/name', message: `Runs ${name} (platform.os.name = ${os!.name}), which no commodity public cloud offers as a virtual machine: it cannot move as it is`}]
  },
}
