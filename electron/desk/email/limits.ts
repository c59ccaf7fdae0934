// Bounds on what an email may unpack into. An email is untrusted input: an attachment can be a
// zip bomb, a forwarded message can hold a forwarded message can hold …, and a few hundred MB of
// base64 would hold the process for seconds. Every bound fails with a sentence, never a crash.
import { LIMITS } from '../intake/sniff';

export const EMAIL_LIMITS = {
  /** Largest .eml or .msg file: a bill at the bill limit, base64-encoded, plus the message. */
  maxBytes: Math.ceil(LIMITS.maxBytes * 1.4) + 5 * 1024 * 1024,
  /** Most attachments, counting those inside zips and forwarded messages. */
  maxAttachments: 100,
  /** Most bytes all attachments may decode to, together. */
  maxTotalBytes: 200 * 1024 * 1024,
  /** Forwarded message inside forwarded message …: deeper than this is not opened. */
  maxDepth: 3,
  zip: {
    maxEntries: 200,
    /** Per entry: the bill limit. */
    maxEntryBytes: LIMITS.maxBytes,
    /** A bill compresses a little (PDF, JPEG are compressed already); a bomb compresses a lot. */
    maxRatio: 100,
  },
};
