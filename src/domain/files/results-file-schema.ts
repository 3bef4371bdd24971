import * as z from 'zod/mini';
import type { Action, AgreedResponse } from '../core/types';
import { actionSchema, agreedResponseSchema, responseSchema, schemaParts } from '../core/schemas';
import { RESULTS_FORMAT, RESULTS_FORMAT_VERSION } from './results-file';
import { lazy } from '../core/lazy';

/**
 * Schemas for the results file, format version 2 (the current one). See docs/results-file.md.
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

/** Longest app version a file may name. */
export const APP_VERSION_MAX_LENGTH = 50;

/** Built on first use (see ../core/lazy.ts). */
const schemas = lazy(() => {
  const { id, timestamp } = schemaParts();

  /** The whole file, format version 2, after migrations. Ids are unique within each list. */
  const resultsFileSchema = z
    .strictObject({
      format: z.literal(RESULTS_FORMAT),
      formatVersion: z.literal(RESULTS_FORMAT_VERSION),
      app: z.strictObject({
        name: z.literal('naeringsspeilet'),
        version: z.string().check(z.minLength(1), z.maxLength(APP_VERSION_MAX_LENGTH)),
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
  return { resultsFileSchema };
});

/**
 * The whole file, the current format version, after migrations. Ids are unique within each
 * list. The export writes every gathering's period, and a version 1 file gets it from its
 * migration; a period left out is the year of the gathering's date (core/gatherings.ts), as the
 * record schemas it shares with saved state say.
 */
export const resultsFileSchema = () => schemas().resultsFileSchema;

/** The envelope in which responses travel between machines. See docs/results-file.md. */
export type ResultsFile = z.output<ReturnType<typeof resultsFileSchema>>;

/** A file as import hands it out: `actions` and `agreements` are always present (default []). */
export type ImportedResultsFile = ResultsFile & {
  actions: Action[];
  agreements: AgreedResponse[];
};
