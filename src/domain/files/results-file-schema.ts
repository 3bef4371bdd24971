import * as z from 'zod/mini';
import type { Action, AgreedResponse } from '../core/types';
import { actionSchema, agreedResponseSchema, responseSchema, schemaParts } from '../core/schemas';
import { RESULTS_FORMAT } from './results-file';
import { lazy } from '../core/lazy';

/**
 * Schemas for the results file, format version 1. See docs/results-file.md.
 *
 * The style follows ../core/schemas.ts: strict objects (an unknown key is an error), bounded
 * string lengths, and ids that can never be `__proto__`, `constructor` or `prototype`.
 */

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

/** Built on first use (see ../core/lazy.ts). */
const schemas = lazy(() => {
  const { id, timestamp } = schemaParts();

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
      actions: z.optional(z.array(actionSchema())),
      agreements: z.optional(z.array(agreedResponseSchema())),
    })
    .check(
      z.superRefine((file, ctx) => {
        reportDuplicateIds(file.responses, 'responses', ctx);
        if (file.actions) reportDuplicateIds(file.actions, 'actions', ctx);
        if (file.agreements) reportDuplicateIds(file.agreements, 'agreements', ctx);
      }),
    );
  return { resultsFileV1Schema };
});

/** The whole file, format version 1, after migrations. Ids are unique within each list. */
export const resultsFileV1Schema = () => schemas().resultsFileV1Schema;

/** The envelope in which responses travel between machines. See docs/results-file.md. */
export type ResultsFileV1 = z.output<ReturnType<typeof resultsFileV1Schema>>;

/** A version 1 file as import hands it out: `actions` is always present (default []). */
export type ImportedResultsFile = ResultsFileV1 & {
  actions: Action[];
  agreements: AgreedResponse[];
};
