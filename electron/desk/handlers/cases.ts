import type { CallContext, DeskHandlers } from '../../../shared/contract';
import { DeskError } from '../../../shared/errors';
import type { casesChannels } from '../../../shared/channels/cases';
import type { ServiceDeps } from '../service';
import { maskPinIn } from '../../../shared/mask';
import { etDate } from '../../../shared/foc/time';
import type { CaseStatus } from '../../../shared/status';

// Once the LOA is signed and the request is with the carrier, the bill has done its job; before
// that (and when the carrier sends the case back) a stale bill gets the port rejected.
const BILL_MATTERS: readonly CaseStatus[] = [
  'draft',
  'waiting_signature',
  'port_submitted',
  'action_required',
  'rejected',
];

// Handlers of the cases channels (see shared/channels/cases.ts). Arguments arrive already parsed
// by dispatch; every write tells the other windows/doors which case moved to which version so
// an open editor can warn before its save would hit CONFLICT.
export function casesHandlers(deps: ServiceDeps): Pick<DeskHandlers, keyof typeof casesChannels> {
  const { store } = deps;
  const changed = (caseId: number, version: number) =>
    deps.broadcast({ type: 'case-changed', caseId, version });

  /** 'me' is the signed-in agent (or, on a personal desk, whoever the door says is acting). */
  const who = (raw: string, ctx: CallContext) => (raw === 'me' ? (ctx.user?.email ?? ctx.actor) : raw);

  return {
    'cases:list': ({ assignee, ...q }, ctx) =>
      store.listCases({
        ...q,
        ...(assignee === undefined
          ? {}
          : { assignee: assignee === 'unassigned' ? null : who(assignee, ctx) }),
      }),
    'cases:assign': async ({ id, assignee, onlyIfUnassigned }, ctx) => {
      const target = assignee === null ? null : who(assignee, ctx);
      const user = ctx.user;
      // A lead hands cases out; an agent may only take an unassigned one for themselves.
      if (user && user.role !== 'lead') {
        if (target !== user.email)
          throw new DeskError('FORBIDDEN', 'Only a lead can give a case to another agent or take it away.');
        onlyIfUnassigned = true;
      }
      if (target !== null && deps.team && !(await deps.team.isActiveAgent(target)))
        throw new DeskError('BAD_ARGUMENT', `${target} is not an active agent of this desk.`);
      const c = await store.assign(id, target, ctx.actor, { onlyIfUnassigned });
      changed(c.id, c.version);
      return c;
    },
    'cases:counts': () => store.counts(),
    'cases:get': ({ id }) => store.getCase(id),
    'cases:create': async ({ input }, ctx) => {
      const c = await store.createCase(
        { ...input, notes: maskPinIn(input.notes, input.customer.pin) },
        ctx.actor,
      );
      changed(c.id, c.version);
      return c;
    },
    'cases:update': async ({ id, version, input }, ctx) => {
      const pin = input.customer.pin ?? (await store.getCase(id)).customer.pin;
      const c = await store.updateCase(
        id,
        version,
        { ...input, notes: maskPinIn(input.notes, pin) },
        ctx.actor,
      );
      if (c.version !== version) changed(c.id, c.version);
      return c;
    },
    'cases:setStatus': async ({ id, status, reason, code, version }, ctx) => {
      // The case is read for its PIN only when there is a reason to mask it in: a plain move
      // is the desk's most frequent write, and a read less under fifty agents.
      const c = await store.setStatus(id, status, ctx.actor, {
        reason: reason === undefined ? undefined : maskPinIn(reason, (await store.getCase(id)).customer.pin),
        code,
        expectVersion: version,
      });
      changed(c.id, c.version);
      return c;
    },
    'cases:comment': async ({ id, body }, ctx) => {
      const comment = await store.addComment(
        id,
        maskPinIn(body, (await store.getCase(id)).customer.pin),
        ctx.actor,
      );
      // A comment does not bump the version (it must not make a colleague's open edit conflict),
      // but open case pages still want to show it.
      changed(id, (await store.getCase(id)).version);
      return comment;
    },
    'cases:history': ({ id }) => store.history(id),
    'cases:workload': ({ asOf }) => {
      const weekEnd = new Date(Date.parse(`${asOf}T00:00:00Z`) + 7 * 86_400_000).toISOString().slice(0, 10);
      return store.workload(asOf, weekEnd);
    },
    'cases:staleBills': async ({ minAgeDays, limit }) => {
      // The desk works on New York time (DOMAIN.md's FOC windows); "today" is the same for every agent.
      const asOf = etDate(deps.clock());
      const day = (iso: string) => Date.parse(`${iso}T00:00:00Z`) / 86_400_000;
      const cutoff = new Date((day(asOf) - minAgeDays) * 86_400_000).toISOString().slice(0, 10);
      const items = (await store.billsDatedBefore(cutoff, BILL_MATTERS, limit)).map((b) => ({
        ...b,
        ageDays: Math.round(day(asOf) - day(b.billDate)),
      }));
      return { asOf, items };
    },
  };
}
