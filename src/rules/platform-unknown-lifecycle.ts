import {matchLabel, supportPhase} from '../core/lifecycle/index.js'
import {LAYER_NAMES, LAYERS, layerProducts, type LayerProduct} from './shared.js'
import {SOURCES} from './sources.js'
import type {RuleContext, Rule} from './types.js'

export const rule: Rule = {
  meta: {
    id: 'platform-unknown-lifecycle',
    category: 'platform',
    severity: 'info',
    description: 'A named operating system, database or runtime has no known end-of-support date: the product or its version is not in the lifecycle table.',
    rationale:
      'End of support is the first test of legacy technology; a product the table does not know (z/OS, COBOL, a misspelling) or a version that matches no release cannot be judged, so the support rules stay silent about it. An asset register should record supported-until dates.',
    sources: [SOURCES.legacy, SOURCES.preventLegacy],
    remedy: 'Correct the name or version (endoflife.date names and releases), or find the supplier\'s support dates and point cloudready at a lifecycle table that has them (--lifecycle FILE).',
    fields: ['platform.os', 'platform.database', 'platform.runtime'],
    example: 'platform: {os: {name: zos, version: "2.5"}}',
  },
  // Judges only systems that name at least one product; naming none is not a lifecycle question.
  hasData: (system) => LAYERS.some((layer) => system.platform?.[layer] !== undefined),
  check(system, ctx) {
    return layerProducts(system, ctx).flatMap((p) => report(p, ctx))
  },
}

function report(p: LayerProduct, ctx: RuleContext): Array<{pointer: string; message: string}> {
  const {match} = p
  const what = `The ${LAYER_NAMES[p.layer]}`
  if (match.status === 'unknown-product' && match.otherPlatform) {
    const where = match.otherPlatform.platform === 'zos' ? 'z/OS' : 'IBM i'
    return [{pointer: `/platform/${p.layer}/name`, message: `${what} "${match.product}" runs on ${where}, which its vendor dates separately; the lifecycle table has dates for ${match.otherPlatform.title} on other platforms only (snapshot ${ctx.lifecycle.snapshot}): its end of support is unknown`}]
  }
  if (match.status === 'unknown-product') {
    return [{pointer: `/platform/${p.layer}/name`, message: `${what} "${match.product}" is not in the lifecycle table (snapshot ${ctx.lifecycle.snapshot}): its end of support is unknown`}]
  }
  if (match.status === 'unknown-version') {
    const pointer = match.reason === 'missing' && p.product.version === undefined ? `/platform/${p.layer}` : p.pointer
    return [{pointer, message: `${what}'s end of support is unknown: ${match.detail}`}]
  }
  if (supportPhase(match, ctx.asOf) === 'unknown') {
    return [{pointer: p.pointer, message: `${what} ${matchLabel(match)} has no published end of security support in the lifecycle table (snapshot ${ctx.lifecycle.snapshot})`}]
  }
  return []
}
