// Small readers for release checks, with node's zlib only (CI has no unzip or image tools): the entries
// of a zip archive, and the pixels of an 8-bit RGBA PNG.
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs'
import { dirname, join } from 'node:path'
import { inflateRawSync, inflateSync } from 'node:zlib'

/** The files of a zip archive (stored or deflated entries), by path. */
export function readZip(file: string): Map<string, Buffer> {
  const zip = readFileSync(file)
  let eocd = zip.length - 22
  while (eocd >= 0 && zip.readUInt32LE(eocd) !== 0x06054b50) eocd--
  if (eocd < 0) throw new Error(`${file}: not a zip archive`)
  const count = zip.readUInt16LE(eocd + 10)
  let at = zip.readUInt32LE(eocd + 16)
  const files = new Map<string, Buffer>()
  for (let i = 0; i < count; i++) {
    if (zip.readUInt32LE(at) !== 0x02014b50) throw new Error(`${file}: bad central directory`)
    const method = zip.readUInt16LE(at + 10)
    const size = zip.readUInt32LE(at + 20)
    const nameLen = zip.readUInt16LE(at + 28)
    const extraLen = zip.readUInt16LE(at + 30)
    const commentLen = zip.readUInt16LE(at + 32)
    const local = zip.readUInt32LE(at + 42)
    const name = zip.toString('utf8', at + 46, at + 46 + nameLen)
    at += 46 + nameLen + extraLen + commentLen
    if (name.endsWith('/')) continue
    const start = local + 30 + zip.readUInt16LE(local + 26) + zip.readUInt16LE(local + 28)
    const data = zip.subarray(start, start + size)
    files.set(name, method === 0 ? Buffer.from(data) : inflateRawSync(data))
  }
  return files
}

export function extractZip(file: string, to: string): void {
  for (const [name, data] of readZip(file)) {
    const path = join(to, name)
    mkdirSync(dirname(path), { recursive: true })
    writeFileSync(path, data)
  }
}

/** Width and height of a PNG (from its header). */
export function pngSize(data: Buffer): { width: number; height: number } {
  if (data.readUInt32BE(12) !== 0x49484452) throw new Error('not a PNG')
  return { width: data.readUInt32BE(16), height: data.readUInt32BE(20) }
}

/** Width, height and RGBA pixels of an 8-bit RGBA, non-interlaced PNG. */
export function readPng(data: Buffer): { width: number; height: number; alpha(x: number, y: number): number } {
  if (data.readUInt32BE(12) !== 0x49484452) throw new Error('not a PNG')
  const width = data.readUInt32BE(16)
  const height = data.readUInt32BE(20)
  if (data[24] !== 8 || data[25] !== 6 || data[28] !== 0) throw new Error('only 8-bit RGBA non-interlaced PNGs')
  const idat: Buffer[] = []
  for (let at = 8; at < data.length; ) {
    const len = data.readUInt32BE(at)
    const type = data.toString('latin1', at + 4, at + 8)
    if (type === 'IDAT') idat.push(data.subarray(at + 8, at + 8 + len))
    at += 12 + len
  }
  const raw = inflateSync(Buffer.concat(idat))
  const stride = width * 4
  const px = Buffer.alloc(stride * height)
  for (let y = 0; y < height; y++) {
    const filter = raw[y * (stride + 1)]!
    for (let x = 0; x < stride; x++) {
      const cur = raw[y * (stride + 1) + 1 + x]!
      const a = x >= 4 ? px[y * stride + x - 4]! : 0
      const b = y > 0 ? px[(y - 1) * stride + x]! : 0
      const c = x >= 4 && y > 0 ? px[(y - 1) * stride + x - 4]! : 0
      let v: number
      if (filter === 0) v = cur
      else if (filter === 1) v = cur + a
      else if (filter === 2) v = cur + b
      else if (filter === 3) v = cur + ((a + b) >> 1)
      else {
        const p = a + b - c
        const pa = Math.abs(p - a), pb = Math.abs(p - b), pc = Math.abs(p - c)
        v = cur + (pa <= pb && pa <= pc ? a : pb <= pc ? b : c)
      }
      px[y * stride + x] = v & 0xff
    }
  }
  return { width, height, alpha: (x, y) => px[y * stride + x * 4 + 3]! }
}
