import {isDone, SPECIALIST_HARDWARE} from './shared.js'
import {SOURCES} from './sources.js'
import type {Rule} from './types.js'

export const rule: Rule = {
  meta: {
    id: 'platform-not-virtualised',
    category: 'platform',
    severity: 'medium',
    description: 'The system runs directly on physical servers (x86 or unstated), not virtualised.',
    rationale:
      'A virtual machine can be replicated to a cloud with standard migration tools; a physical server needs a physical-to-virtual conversion or a rebuild first, and often hides hardware dependencies (dongles, cards, local disks).',
    sources: [SOURCES.tcopCloud, SOURCES.cloudFirst],
    remedy: 'Convert the servers to virtual machines (P2V) or rebuild them on a supported image, and check for hardware dependencies, before planning a rehost.',
    fields: ['platform.virtualised'],
    example: 'platform: {hardware: x86, virtualised: false}',
  },
  check(system) {
    const platform = system.platform
    const hardware = platform?.hardware
    // Specialist hardware is platform-specialist-hardware's finding, virtualised or not.
    if (isDone(system) || platform?.virtualised !== false || (hardware && SPECIALIST_HARDWARE.has(hardware))) return []
    const what = hardware === 'x86' ? 'physical x86 servers' : hardware ? `physical servers (hardware: ${hardware})` : 'physical servers'
    return [{pointer: '/platform/virtualised', message: `Runs on ${what}, not virtualised: it needs a physical-to-virtual conversion or a rebuild before it can be rehosted`}]
  },
}
