import { agreedResponseSchema, type AgreedResponse } from '../priorities/consensus';
import * as z from 'zod/mini';
import { ACTION_STATUSES, GATHERING_ROUNDS, type Action, type Response } from '../types';
import { responseSchema } from './response-schema';
import { RESULTS_FORMAT, type ResultsFileV1 } from './results-file';
import { lazy } from '../lazy';
import { schemaParts } from './schema-parts';

/**
 * Schemas for the results file, format version 1. See docs/results-file.md.
 *
 * The style follows response-schema.ts: strict objects (an unknown key is an error), bounded
 * string lengths, and ids that can never be `__proto__`, `constructor` or `prototype`.
 */

/** Longest texts an action may carry. Generous, but they keep a hostile file small in memory. */
export const ACTION_LIMITS = {
  title: 200,
  description: 5000,
  owner: 200,
  note: 2000,
  followUps: 100,
} as const;

/** Adds an issue at `<key>.<index>.id` for every id seen before in the same list. */
function reportDuplicateIds(
  items: readonly { id: string }[],
  key: 'responses' | 'actions' | 'agreements',
  ctx: z.core.$RefinementCtx<unknown>,
): void {
  const seen = new Set<string>();
  items.forEach((item, index) => {
    if (seen.has(item.id)) {
      ctx.addIssue({
        code: 'custom',
        input: item.id,
        path: [key, index, 'id'],
        message: `Duplicate id "${item.id}"`,
      });
    }
    seen.add(item.id);
  });
}

/** Built on first use (see ../lazy.ts). */
const schemas = lazy(() => {
  const { id, timestamp, isoDate, municipality } = schemaParts();
  const boundedText = (max: number) => z.string().check(z.maxLength(max));
  const round = z.union(GATHERING_ROUNDS.map((r) => z.literal(r)));
  const status = z.enum(ACTION_STATUSES);

  const actionFollowUpSchema = z.strictObject({
    round,
    date: isoDate,
    status,
    note: boundedText(ACTION_LIMITS.note),
  });

  const actionSchema = z.strictObject({
    id,
    municipality,
    areaId: id,
    statementId: z.optional(id),
    title: z.string().check(z.trim(), z.minLength(1), z.maxLength(ACTION_LIMITS.title)),
    description: boundedText(ACTION_LIMITS.description),
    owner: boundedText(ACTION_LIMITS.owner),
    dueDate: z.optional(isoDate),
    status,
    round,
    followUps: z.array(actionFollowUpSchema).check(z.maxLength(ACTION_LIMITS.followUps)),
    createdAt: timestamp,
    updatedAt: timestamp,
    demo: z.optional(z.boolean()),
  });

  /** The whole file, format version 1, after migrations. Ids are unique within each list. */
  const resultsFileV1Schema = z
    .strictObject({
      format: z.literal(RESULTS_FORMAT),
      formatVersion: z.literal(1),
      app: z.strictObject({
        name: z.literal('naeringsspeilet'),
        version: z.string().check(z.minLength(1), z.maxLength(50)),
      }),
      exportedAt: timestamp,
      questionnaire: z.strictObject({ id, version: z.int().check(z.gte(1)) }),
      responses: z.array(responseSchema()),
      actions: z.optional(z.array(actionSchema)),
      agreements: z.optional(z.array(agreedResponseSchema())),
    })
    .check(
      z.superRefine((file, ctx) => {
        reportDuplicateIds(file.responses, 'responses', ctx);
        if (file.actions) reportDuplicateIds(file.actions, 'actions', ctx);
        if (file.agreements) reportDuplicateIds(file.agreements, 'agreements', ctx);
      }),
    );
  return { actionFollowUpSchema, actionSchema, resultsFileV1Schema };
});

export const actionFollowUpSchema = () => schemas().actionFollowUpSchema;
export const actionSchema = () => schemas().actionSchema;
/** The whole file, format version 1, after migrations. Ids are unique within each list. */
export const resultsFileV1Schema = () => schemas().resultsFileV1Schema;

/** A version 1 file as import hands it out: `actions` is always present (default []). */
export type ImportedResultsFile = ResultsFileV1 & {
  actions: Action[];
  agreements: AgreedResponse[];
};

// Compile-time checks that the schemas and the domain types agree.
type ParsedAction = z.infer<ReturnType<typeof actionSchema>>;
export const _actionTypeCheck: (a: ParsedAction) => Action = (a) => a;
type ParsedFile = z.infer<ReturnType<typeof resultsFileV1Schema>>;
export const _fileTypeCheck: (
  f: ParsedFile,
) => ResultsFileV1 & { actions?: Action[] | undefined } = (f) => f;
export const _responseTypeCheck: (r: ParsedFile['responses'][number]) => Response = (r) => r;
