/**
 * Shrinks a browser screenshot for the docs: decodes the 8-bit RGB(A) PNG Chromium writes,
 * reduces it to a palette of the most used colours (a page of text and flat charts has few), and
 * writes an indexed PNG — a third of the size, no image tool needed.
 */
import {deflateSync, inflateSync} from 'node:zlib'

const SIGNATURE = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a])

const CRC_TABLE = Array.from({length: 256}, (_, n) => {
  let c = n
  for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1
  return c >>> 0
})

function crc32(buf: Buffer): number {
  let c = 0xffffffff
  for (const b of buf) c = CRC_TABLE[(c ^ b) & 0xff] ^ (c >>> 8)
  return (c ^ 0xffffffff) >>> 0
}

function chunk(type: string, data: Buffer): Buffer {
  const head = Buffer.alloc(8)
  head.writeUInt32BE(data.length, 0)
  head.write(type, 4, 'latin1')
  const crc = Buffer.alloc(4)
  crc.writeUInt32BE(crc32(Buffer.concat([head.subarray(4), data])), 0)
  return Buffer.concat([head, data, crc])
}

export interface Rgb {
  width: number
  height: number
  /** 3 bytes a pixel. */
  pixels: Buffer
}

/** Decodes an 8-bit, non-interlaced RGB or RGBA PNG (what Chromium's screenshots are). */
export function decodePng(png: Buffer): Rgb {
  if (!png.subarray(0, 8).equals(SIGNATURE)) throw new Error('not a PNG')
  let offset = 8
  let width = 0
  let height = 0
  let channels = 0
  const idat: Buffer[] = []
  while (offset < png.length) {
    const length = png.readUInt32BE(offset)
    const type = png.toString('latin1', offset + 4, offset + 8)
    const data = png.subarray(offset + 8, offset + 8 + length)
    if (type === 'IHDR') {
      width = data.readUInt32BE(0)
      height = data.readUInt32BE(4)
      const [depth, colour, , , interlace] = [data[8], data[9], data[10], data[11], data[12]]
      if (depth !== 8 || interlace !== 0 || (colour !== 2 && colour !== 6)) throw new Error(`unsupported PNG: depth ${depth}, colour type ${colour}, interlace ${interlace}`)
      channels = colour === 6 ? 4 : 3
    } else if (type === 'IDAT') {
      idat.push(data)
    }
    offset += 12 + length
  }
  const raw = inflateSync(Buffer.concat(idat))
  const stride = width * channels
  const prev = Buffer.alloc(stride)
  const row = Buffer.alloc(stride)
  const pixels = Buffer.alloc(width * height * 3)
  for (let y = 0; y < height; y++) {
    const filter = raw[y * (stride + 1)]
    const line = raw.subarray(y * (stride + 1) + 1, (y + 1) * (stride + 1))
    for (let i = 0; i < stride; i++) {
      const a = i >= channels ? row[i - channels] : 0
      const b = prev[i]
      const c = i >= channels ? prev[i - channels] : 0
      let v = line[i]
      if (filter === 1) v += a
      else if (filter === 2) v += b
      else if (filter === 3) v += (a + b) >> 1
      else if (filter === 4) {
        const p = a + b - c
        const pa = Math.abs(p - a)
        const pb = Math.abs(p - b)
        const pc = Math.abs(p - c)
        v += pa <= pb && pa <= pc ? a : pb <= pc ? b : c
      }
      row[i] = v & 0xff
    }
    for (let x = 0; x < width; x++) {
      pixels[(y * width + x) * 3] = row[x * channels]
      pixels[(y * width + x) * 3 + 1] = row[x * channels + 1]
      pixels[(y * width + x) * 3 + 2] = row[x * channels + 2]
    }
    row.copy(prev)
  }
  return {width, height, pixels}
}

/** An indexed PNG of `image` with at most `colours` colours: the most used ones, each pixel mapped to the nearest. */
export function encodeIndexedPng(image: Rgb, colours = 256): Buffer {
  const {width, height, pixels} = image
  // Colours binned at 5 bits a channel; each bin's colour is the mean of its pixels.
  const count = new Float64Array(32768)
  const sums = new Float64Array(32768 * 3)
  const binOf = (i: number) => ((pixels[i] >> 3) << 10) | ((pixels[i + 1] >> 3) << 5) | (pixels[i + 2] >> 3)
  for (let i = 0; i < pixels.length; i += 3) {
    const b = binOf(i)
    count[b]++
    sums[b * 3] += pixels[i]
    sums[b * 3 + 1] += pixels[i + 1]
    sums[b * 3 + 2] += pixels[i + 2]
  }
  const used = [...count.keys()].filter((b) => count[b] > 0)
  const palette = used
    .sort((a, b) => count[b] - count[a] || a - b)
    .slice(0, colours)
    .map((b) => [0, 1, 2].map((k) => Math.round(sums[b * 3 + k] / count[b])))
  const nearest = new Int16Array(32768).fill(-1)
  for (const b of used) {
    const r = sums[b * 3] / count[b]
    const g = sums[b * 3 + 1] / count[b]
    const bl = sums[b * 3 + 2] / count[b]
    let best = 0
    let bestD = Infinity
    palette.forEach(([pr, pg, pb], k) => {
      const d = 2 * (pr - r) ** 2 + 4 * (pg - g) ** 2 + 3 * (pb - bl) ** 2
      if (d < bestD) {
        bestD = d
        best = k
      }
    })
    nearest[b] = best
  }
  // Filter None on every row: for an indexed screenshot it compresses better than the adaptive filters.
  const raw = Buffer.alloc((width + 1) * height)
  for (let y = 0; y < height; y++) {
    raw[y * (width + 1)] = 0
    for (let x = 0; x < width; x++) raw[y * (width + 1) + 1 + x] = nearest[binOf((y * width + x) * 3)]
  }
  const ihdr = Buffer.alloc(13)
  ihdr.writeUInt32BE(width, 0)
  ihdr.writeUInt32BE(height, 4)
  ihdr[8] = 8
  ihdr[9] = 3
  return Buffer.concat([
    SIGNATURE,
    chunk('IHDR', ihdr),
    chunk('PLTE', Buffer.from(palette.flat())),
    chunk('IDAT', deflateSync(raw, {level: 9})),
    chunk('IEND', Buffer.alloc(0)),
  ])
}
