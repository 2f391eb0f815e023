import {isDone, SPECIALIST_HARDWARE} from './shared.js'
import {SOURCES} from './sources.js'
import type {Rule} from './types.js'

export const rule: Rule = {
  meta: {
    id: 'platform-specialist-hardware',
    category: 'platform',
    severity: 'high',
    description: 'The system runs on specialist hardware (mainframe, SPARC, Power, AS/400, appliance) that commodity cloud cannot rehost.',
    rationale:
      'Commodity public cloud runs x86 and Arm virtual machines. A system built for other hardware cannot be lifted and shifted: it has to be replatformed, refactored or replaced, which takes longer and needs scarce skills.',
    sources: [SOURCES.legacy, SOURCES.tcopCloud],
    remedy: 'Plan a replatform (emulation or recompilation), refactor or repurchase, and start early; keep rehost only for a specialist hosting service that runs this hardware.',
    fields: ['platform.hardware'],
    blocker: true,
    example: 'platform: {hardware: mainframe}',
  },
  check(system) {
    const hardware = system.platform?.hardware
    const name = hardware && SPECIALIST_HARDWARE.get(hardware)
    if (isDone(system) || !name) return []
    return [{pointer: '/platform/hardware', message: `Runs on ${name}, which no commodity cloud can rehost: it must be replatformed, refactored or replaced`}]
  },
}
