// The one typed API contract. Every door (Electron IPC, the browser host, the CLI) and the
// renderer's client derive from this map; main parses each argument with its zod schema.
import type { z } from 'zod';
import { casesChannels } from './channels/cases';
import { intakeChannels } from './channels/intake';
import { emailChannels } from './channels/email';
import { importChannels } from './channels/import';
import { inboxChannels } from './channels/inbox';
import { checksChannels } from './channels/checks';
import { packetChannels } from './channels/packet';
import { settingsChannels } from './channels/settings';
import { teamChannels } from './channels/team';
import { desktopChannels } from './channels/desktop';
import { learnChannels } from './channels/learn';

export const contract = {
  ...casesChannels,
  ...intakeChannels,
  ...emailChannels,
  ...importChannels,
  ...inboxChannels,
  ...checksChannels,
  ...packetChannels,
  ...settingsChannels,
  ...teamChannels,
  ...desktopChannels,
  ...learnChannels,
} as const;

export type Contract = typeof contract;
export type Channel = keyof Contract;
export const CHANNELS = Object.keys(contract) as Channel[];

export type ArgsIn<C extends Channel> = z.input<Contract[C]['args']>;
export type Args<C extends Channel> = z.output<Contract[C]['args']>;
export type Result<C extends Channel> = z.output<Contract[C]['result']>;

/** What main implements: one handler per channel, receiving parsed arguments. */
export type DeskHandlers = {
  [C in Channel]: (args: Args<C>, ctx: CallContext) => Promise<Result<C>> | Result<C>;
};

/** What the renderer calls: window.desk.invoke(channel, args). */
export interface DeskClient {
  invoke<C extends Channel>(channel: C, args: ArgsIn<C>): Promise<Result<C>>;
  /** Subscribe to progress and change events; returns an unsubscribe function. */
  onEvent(listener: (event: DeskEvent) => void): () => void;
  /** Which door the renderer came through, for the few UI differences (e.g. open vs download). */
  readonly door: 'electron' | 'browser';
}

/** The signed-in agent on a team desk. */
export interface DeskUser {
  email: string;
  name: string;
  role: 'agent' | 'lead';
}

export interface CallContext {
  /** Who made the change, for the audit trail. */
  actor: string;
  /** On a team desk, the signed-in agent (actor is their email); absent on a personal desk. */
  user?: DeskUser;
  /** Emit a progress event for a long job. */
  emit?: (event: DeskEvent) => void;
  /** Aborted when the caller cancels (e.g. the OCR cancel button). */
  signal?: AbortSignal;
}

export type DeskEvent =
  | { type: 'progress'; jobId: string; stage: string; done: number; total: number; message?: string }
  | { type: 'case-changed'; caseId: number; version: number }
  /** Who else has a case open (team desk), sent when it changes. */
  | { type: 'presence'; caseId: number; viewers: { email: string; name: string }[] }
  /** A file in the watched folder was seen, read or taken off the Inbox. */
  | { type: 'inbox-changed' };

/** Error codes every door maps to a clear message. */
export const ERROR_CODES = [
  'BAD_ARGUMENT',
  'UNKNOWN_CHANNEL',
  'NOT_FOUND',
  'CONFLICT',
  'ILLEGAL_TRANSITION',
  'BAD_INPUT_FILE',
  'LIMIT_EXCEEDED',
  'CANCELED',
  'UNAUTHORIZED',
  /** Signed in, but this agent's role may not do that (a lead's action). */
  'FORBIDDEN',
  /** The desk's shared database cannot be reached right now; the call may be tried again. */
  'UNAVAILABLE',
  'INTERNAL',
] as const;
export type ErrorCode = (typeof ERROR_CODES)[number];

export interface DeskErrorShape {
  code: ErrorCode;
  message: string;
  /** For BAD_ARGUMENT: every offending field at once, path and message. */
  issues?: { path: string; message: string }[];
}

export type Envelope<T> = { ok: true; value: T } | { ok: false; error: DeskErrorShape };
