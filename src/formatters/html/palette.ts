/**
 * One colour per readiness class, severity and strategy, used by every chart, legend and table of
 * the HTML formats, so green always means ready and dark red always means critical. Colours from
 * the GOV.UK palette; each has the text colour readable on it.
 */
import type {Readiness, Severity, Strategy} from '../../core/model/types.js'

export interface Swatch {
  fill: string
  text: string
}

export const READINESS_ORDER: readonly Readiness[] = ['ready', 'ready-with-conditions', 'unknown', 'not-ready']

export const READINESS: Record<Readiness, Swatch & {name: string}> = {
  ready: {fill: '#00703c', text: '#ffffff', name: 'ready'},
  'ready-with-conditions': {fill: '#ffbf47', text: '#0b0c0c', name: 'ready with conditions'},
  unknown: {fill: '#b1b4b6', text: '#0b0c0c', name: 'unknown (too little data)'},
  'not-ready': {fill: '#d4351c', text: '#ffffff', name: 'not ready'},
}

/**
 * Severities on one sequential ramp, ColorBrewer's YlOrRd (colour-blind safe: it varies in
 * lightness as well as hue, so it reads in greyscale too), darkest for critical, the strongest
 * colour on the page; info is outside the ramp, in blue.
 */
export const SEVERITY: Record<Severity, Swatch> = {
  critical: {fill: '#800026', text: '#ffffff'},
  high: {fill: '#e31a1c', text: '#ffffff'},
  medium: {fill: '#fd8d3c', text: '#0b0c0c'},
  low: {fill: '#fed976', text: '#0b0c0c'},
  info: {fill: '#5694ca', text: '#0b0c0c'},
}

export const STRATEGY: Record<Strategy, Swatch> = {
  retire: {fill: '#505a5f', text: '#ffffff'},
  retain: {fill: '#b1b4b6', text: '#0b0c0c'},
  rehost: {fill: '#1d70b8', text: '#ffffff'},
  relocate: {fill: '#5694ca', text: '#0b0c0c'},
  replatform: {fill: '#4c2c92', text: '#ffffff'},
  repurchase: {fill: '#f499be', text: '#0b0c0c'},
  refactor: {fill: '#28a197', text: '#0b0c0c'},
}

export const INK = '#0b0c0c'
export const MUTED = '#505a5f'
export const RULE = '#b1b4b6'
export const PALE = '#f3f2f1'
export const BLUE = '#1d70b8'
export const DEADLINE = '#d4351c'
export const LATE_TINT = '#fbeae7'
export const PURPLE = '#912b88'
export const AMBER_TINT = '#fff4d6'
