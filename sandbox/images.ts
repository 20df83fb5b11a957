import { crc32, deflateSync } from 'node:zlib';
import type { Attachments } from '../models/index.js';

// The attachment images the sandbox serves: small, valid PNGs, one colour per kind, so a client
// can check it got bytes that an image library would open. Built once, at start-up.

export type AttachmentKind = keyof Attachments;

export interface Image {
  readonly contentType: string;
  readonly bytes: Uint8Array;
}

const PNG_SIGNATURE = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);

const pngChunk = (type: string, data: Buffer): Buffer => {
  const typed = Buffer.concat([Buffer.from(type, 'latin1'), data]);
  const length = Buffer.alloc(4);
  length.writeUInt32BE(data.length);
  const crc = Buffer.alloc(4);
  crc.writeUInt32BE(crc32(typed));
  return Buffer.concat([length, typed, crc]);
};

type Rgb = readonly [number, number, number];

/** A `width`×`height` PNG: a border of `edge` around a field of `fill` (8-bit RGB). */
const framedPng = (width: number, height: number, fill: Rgb, edge: Rgb): Uint8Array => {
  const header = Buffer.alloc(13);
  header.writeUInt32BE(width, 0);
  header.writeUInt32BE(height, 4);
  header.writeUInt8(8, 8); // bit depth
  header.writeUInt8(2, 9); // colour type: RGB
  const rowLength = 1 + width * 3; // each row starts with its filter byte (0: none)
  const pixels = Buffer.alloc(rowLength * height);
  for (let y = 0; y < height; y++) {
    for (let x = 0; x < width; x++) {
      const onEdge = x === 0 || y === 0 || x === width - 1 || y === height - 1;
      pixels.set(onEdge ? edge : fill, y * rowLength + 1 + x * 3);
    }
  }
  return Buffer.concat([
    PNG_SIGNATURE,
    pngChunk('IHDR', header),
    pngChunk('IDAT', deflateSync(pixels)),
    pngChunk('IEND', Buffer.alloc(0)),
  ]);
};

export const isPng = (bytes: Uint8Array): boolean =>
  bytes.length > PNG_SIGNATURE.length && PNG_SIGNATURE.equals(bytes.subarray(0, 8));

const INK: Rgb = [20, 30, 60];

export const ATTACHMENT_IMAGES: Readonly<Record<AttachmentKind, Image>> = {
  selfie: { contentType: 'image/png', bytes: framedPng(48, 64, [224, 186, 160], INK) },
  documentFront: { contentType: 'image/png', bytes: framedPng(86, 54, [120, 160, 220], INK) },
  documentBack: { contentType: 'image/png', bytes: framedPng(86, 54, [200, 200, 200], INK) },
  documentPortrait: { contentType: 'image/png', bytes: framedPng(30, 40, [230, 210, 190], INK) },
};

/** Each attachment kind, named by itself (the shape `enumeration` codecs are made from). */
export const ATTACHMENT_KIND_NAMES: { readonly [K in AttachmentKind]: K } = {
  selfie: 'selfie',
  documentFront: 'documentFront',
  documentBack: 'documentBack',
  documentPortrait: 'documentPortrait',
};

/** A provider logo as a data: URL, so a UI can show it with no network. */
export const logoDataUrl = (fill: Rgb): string =>
  `data:image/png;base64,${Buffer.from(framedPng(16, 16, fill, INK)).toString('base64')}`;
