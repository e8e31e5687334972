/**
 * A minimal ZIP writer for building DOCX fixtures and crafted archives (zip bombs, lying headers).
 * Declared sizes can be overridden per entry, which is the point: real writers never lie.
 */
import { deflateRawSync } from 'node:zlib';

export interface ZipInput {
  readonly name: string;
  readonly data: Uint8Array;
  /** Store instead of deflating. */
  readonly stored?: boolean;
  /** Written into the headers instead of the true uncompressed size. */
  readonly declaredSize?: number;
}

const CRC_TABLE = Array.from({ length: 256 }, (_, n) => {
  let c = n;
  for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
  return c >>> 0;
});

function crc32(data: Uint8Array): number {
  let crc = 0xffffffff;
  for (const byte of data) crc = (CRC_TABLE[(crc ^ byte) & 0xff] as number) ^ (crc >>> 8);
  return (crc ^ 0xffffffff) >>> 0;
}

export function writeZip(inputs: readonly ZipInput[]): Uint8Array {
  const locals: Buffer[] = [];
  const directory: Buffer[] = [];
  let offset = 0;
  for (const input of inputs) {
    const name = Buffer.from(input.name, 'utf8');
    const body = input.stored ? Buffer.from(input.data) : deflateRawSync(input.data);
    const size = input.declaredSize ?? input.data.byteLength;
    const common = Buffer.alloc(26);
    common.writeUInt16LE(20, 0);
    common.writeUInt16LE(0x0800, 2); // UTF-8 names
    common.writeUInt16LE(input.stored ? 0 : 8, 4);
    common.writeUInt32LE(crc32(input.data), 10);
    common.writeUInt32LE(body.byteLength, 14);
    common.writeUInt32LE(size, 18);
    common.writeUInt16LE(name.byteLength, 22);
    const local = Buffer.concat([u32(0x04034b50), common, name, body]);
    const entry = Buffer.concat([u32(0x02014b50), u16(20), common, Buffer.alloc(14), name]);
    entry.writeUInt32LE(offset, 42);
    locals.push(local);
    directory.push(entry);
    offset += local.byteLength;
  }
  const dir = Buffer.concat(directory);
  const end = Buffer.alloc(22);
  end.writeUInt32LE(0x06054b50, 0);
  end.writeUInt16LE(inputs.length, 8);
  end.writeUInt16LE(inputs.length, 10);
  end.writeUInt32LE(dir.byteLength, 12);
  end.writeUInt32LE(offset, 16);
  return new Uint8Array(Buffer.concat([...locals, dir, end]));
}

function u32(value: number): Buffer {
  const b = Buffer.alloc(4);
  b.writeUInt32LE(value >>> 0, 0);
  return b;
}

function u16(value: number): Buffer {
  const b = Buffer.alloc(2);
  b.writeUInt16LE(value, 0);
  return b;
}
