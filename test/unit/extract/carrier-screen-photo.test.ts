// The carrier on photos of a phone app's dark screen, as OCR read them (make-bills, skylark
// screen photos, top of the screen only): the tallest thing near the top is no logo when OCR
// could not read it, and a status bar is one without its clock too.
import { describe, expect, it } from 'vitest';
import { extractBill } from '../../../shared/extract';
import { wordDump } from './word-dumps';

const words = wordDump;

describe('the carrier of a photographed dark phone screen', () => {
  it('is not the screen title OCR read as noise (its strokes left hollow)', () => {
    // seed 11443 pd-004: "Account" read "XC A A A CO a. 4 A Uli rad" at 0.04-0.93
    expect(extractBill(words('skylark-screenphoto-hollow-title')).fields.carrier).toBe('Skylark');
  });

  it('is not the status bar, its clock on a line of its own ("LTE 74% mm |")', () => {
    // seed 11440 pa-033
    expect(extractBill(words('skylark-screenphoto-status-no-clock')).fields.carrier).toBe('Skylark');
  });
});
