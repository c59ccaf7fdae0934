import { z } from 'zod';
import { channel } from './define';
import {
  CaseInputSchema,
  CaseSchema,
  CaseStatusSchema,
  CaseSummarySchema,
  CaseEventSchema,
  CommentSchema,
} from '../domain';

const caseId = z.number().int().positive();

export const casesChannels = {
  'cases:list': channel(
    z.object({
      query: z.string().max(200).default(''),
      status: z.array(CaseStatusSchema).default([]),
      sort: z.enum(['updated', 'created', 'name', 'foc', 'status']).default('updated'),
      dir: z.enum(['asc', 'desc']).default('desc'),
      offset: z.number().int().min(0).default(0),
      limit: z.number().int().min(1).max(500).default(100),
      /** 'me' (the signed-in agent's cases), 'unassigned', or an agent's email. */
      assignee: z.string().trim().min(1).max(320).optional(),
    }),
    z.object({ total: z.number().int(), items: z.array(CaseSummarySchema) }),
    'List cases, paged, with status and assignee filters and a full-text query.',
  ),
  'cases:assign': channel(
    z.object({
      id: caseId,
      /** An agent's email, 'me', or null to unassign. */
      assignee: z.string().trim().min(1).max(320).nullable(),
      /** Take the case only if nobody has it (an agent taking from the queue): CONFLICT otherwise. */
      onlyIfUnassigned: z.boolean().default(false),
    }),
    CaseSchema,
    'Give a case to an agent (a lead), or take an unassigned one (an agent).',
  ),
  'cases:counts': channel(
    z.object({}).default({}),
    z.record(z.string(), z.number().int()),
    'Number of cases in each status.',
  ),
  'cases:get': channel(z.object({ id: caseId }), CaseSchema, 'One case with its numbers.'),
  'cases:create': channel(z.object({ input: CaseInputSchema }), CaseSchema, 'Create a case in Draft.'),
  'cases:update': channel(
    z.object({ id: caseId, version: z.number().int().nonnegative(), input: CaseInputSchema }),
    CaseSchema,
    'Update a case; fails with CONFLICT if someone else saved it since `version`.',
  ),
  'cases:setStatus': channel(
    z.object({
      id: caseId,
      status: CaseStatusSchema,
      reason: z.string().max(500).optional(),
      code: z.string().max(40).optional(),
      /** The version the agent saw: CONFLICT if someone else moved or saved the case since. */
      version: z.number().int().nonnegative().optional(),
    }),
    CaseSchema,
    'Move a case to another status, following the state machine; CONFLICT if `version` is stale.',
  ),
  'cases:comment': channel(
    z.object({ id: caseId, body: z.string().trim().min(1, { message: 'must not be empty' }).max(5000) }),
    CommentSchema,
    'Add a comment (allowed in any status).',
  ),
  'cases:staleBills': channel(
    z.object({
      /** Flag bills this many days old or older (carriers accept bills up to 30 days old). */
      minAgeDays: z.number().int().min(0).max(365).default(25),
      limit: z.number().int().min(1).max(200).default(50),
    }),
    z.object({
      asOf: z.string(),
      items: z.array(
        z.object({
          id: z.number().int(),
          accountName: z.string(),
          btn: z.string(),
          status: CaseStatusSchema,
          billDate: z.string(),
          ageDays: z.number().int(),
          assignee: z.string().nullable(),
        }),
      ),
    }),
    'Cases not yet submitted whose newest bill is going stale (or is stale), oldest bill first.',
  ),
  'cases:workload': channel(
    z.object({
      /** YYYY-MM-DD: FOC dates from this day to 7 days later count as due. */
      asOf: z.string().regex(/^\d{4}-\d{2}-\d{2}$/),
    }),
    z.array(
      z.object({
        assignee: z.string().nullable(),
        open: z.number().int(),
        waitingSignature: z.number().int(),
        focSoon: z.number().int(),
        actionRequired: z.number().int(),
      }),
    ),
    "Each agent's open cases and what is due (team desk home); assignee null is the unassigned queue.",
  ),
  'cases:history': channel(
    z.object({ id: caseId }),
    z.object({ events: z.array(CaseEventSchema), comments: z.array(CommentSchema) }),
    'The audit trail (status history included) and comments of a case.',
  ),
} as const;
