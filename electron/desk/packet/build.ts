// Builds every file of a packet in memory, from a PacketInput. No I/O: write.ts puts the result
// on disk atomically, so a failure half-way never leaves a partial packet behind.
import { PDFDocument } from 'pdf-lib';
import { buildLoa } from './loa';
import { buildRespOrgLetter, tollFreeToPort } from './resporg';
import { buildCoverSheet } from './cover';
import { buildBillCopy } from './bill';
import { buildNumbersCsv } from './csv';
import { buildEml } from './email';
import { zipFiles } from './archive';
import { safeName } from './text';
import { assertComplete } from './validate';
import type { PacketInput } from './model';

export interface PacketFile {
  name: string;
  mime: string;
  content: Uint8Array;
}

export interface BuiltPacket {
  /** The case folder's name: customer, BTN and case id, safe on every file system. */
  folder: string;
  files: PacketFile[];
  zip: Buffer;
  eml: Buffer;
}

export type Progress = (stage: string, done: number, total: number) => void;

export function folderName(input: PacketInput): string {
  const c = input.kase.customer;
  const btn = c.btn.replace(/\D/g, '');
  return safeName(
    `${safeName(c.accountName, 40)}-${btn}-${input.kase.id ? `case-${input.kase.id}` : 'request'}`,
    80,
  );
}

async function merge(parts: Uint8Array[], now: Date, title: string): Promise<Uint8Array> {
  const out = await PDFDocument.create();
  out.setTitle(title);
  out.setProducer('Porting Desk');
  out.setCreationDate(now);
  out.setModificationDate(now);
  for (const part of parts) {
    const src = await PDFDocument.load(part, { ignoreEncryption: true, updateMetadata: false });
    for (const p of await out.copyPages(src, src.getPageIndices())) out.addPage(p);
  }
  return out.save({ useObjectStreams: true });
}

export async function buildPacket(input: PacketInput, progress: Progress = () => {}): Promise<BuiltPacket> {
  assertComplete(input);
  const hasTollFree = tollFreeToPort(input).length > 0;
  const total = 6;
  progress('Cover sheet', 0, total);
  const cover = await buildCoverSheet(input);
  progress('Letter of authorization', 1, total);
  const loa = await buildLoa(input);
  const resporg = hasTollFree ? await buildRespOrgLetter(input) : null;
  progress('Bill copy', 2, total);
  const bill = input.bill.length ? await buildBillCopy(input.bill, input.now) : null;
  progress('Combined packet', 3, total);
  const c = input.kase.customer;
  const packet = await merge(
    [cover, loa, ...(resporg ? [resporg] : []), ...(bill ? [bill] : [])],
    input.now,
    `Port request packet - ${c.accountName}`,
  );
  const csv = new TextEncoder().encode(buildNumbersCsv(input));
  const pdf = 'application/pdf';
  const files: PacketFile[] = [
    { name: 'packet.pdf', mime: pdf, content: packet },
    { name: 'cover-sheet.pdf', mime: pdf, content: cover },
    { name: input.signature ? 'loa-signed.pdf' : 'loa-unsigned.pdf', mime: pdf, content: loa },
    ...(resporg ? [{ name: 'resporg-letter.pdf', mime: pdf, content: resporg }] : []),
    ...(bill ? [{ name: 'bill-copy.pdf', mime: pdf, content: bill }] : []),
    { name: 'numbers.csv', mime: 'text/csv', content: csv },
  ];
  const folder = folderName(input);
  progress('Email draft', 4, total);
  const emailed = files.filter(
    (f) => f.name === 'packet.pdf' || f.name === 'numbers.csv' || f.name.startsWith('loa-'),
  );
  const eml = await buildEml(
    input,
    emailed.map((f) => ({ filename: f.name, content: f.content, contentType: f.mime })),
  );
  progress('Archive', 5, total);
  const zip = await zipFiles(folder, files, input.now);
  progress('Done', total, total);
  return { folder, files, zip, eml };
}
