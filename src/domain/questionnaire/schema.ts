import * as z from 'zod/mini';
import { ROLES } from '../core/types';
import { describeIssue } from '../core/zod-issues';
import { lazy } from '../core/lazy';

/** Built on first use (see ../lazy.ts). */
const schemas = lazy(() => {
  const nonEmpty = z.string().check(z.trim(), z.minLength(1, { error: 'Text must not be empty' }));

  /** A text in every supported locale. */
  const localizedTextSchema = z.strictObject({ nb: nonEmpty, nn: nonEmpty, en: nonEmpty });

  /** Ids become object keys; these would reach Object.prototype. */
  const RESERVED_IDS = new Set(['constructor', 'prototype', 'proto']);
  const idSchema = z.string().check(
    z.refine((id) => !RESERVED_IDS.has(id), { error: 'This id is reserved; choose another' }),
    z.regex(/^[a-z0-9]+(?:-[a-z0-9]+)*$/, {
      error: 'Ids are lower-case kebab-case, like "strategy-1"',
    }),
  );

  const areaSchema = z.strictObject({
    id: idSchema,
    title: localizedTextSchema,
    /** A short title for tight places: heatmap columns, chart axes, slides. */
    short: z.optional(localizedTextSchema),
    description: localizedTextSchema,
    sources: z
      .array(nonEmpty)
      .check(z.minLength(1, { error: 'Every area names at least one source' })),
    levels: z
      .array(localizedTextSchema)
      .check(z.length(5, { error: 'Every area describes exactly five levels, 1 to 5' })),
  });

  const statementSchema = z.strictObject({
    id: idSchema,
    area: idSchema,
    text: localizedTextSchema,
    traits: z.optional(z.array(z.int().check(z.gte(1), z.lte(8))).check(z.minLength(1))),
    roles: z.optional(z.array(z.enum(ROLES)).check(z.minLength(1))),
  });

  const questionnaireShape = z.strictObject({
    $schema: z.optional(z.string()),
    id: idSchema,
    version: z.int().check(z.gte(1)),
    title: localizedTextSchema,
    intro: localizedTextSchema,
    scale: z
      .array(localizedTextSchema)
      .check(z.length(5, { error: 'The scale has exactly five labels' })),
    areas: z.array(areaSchema).check(z.minLength(1)),
    statements: z.array(statementSchema).check(z.minLength(1)),
  });

  /** The questionnaire schema, with the cross-reference checks that shape alone cannot express. */
  const questionnaireSchema = questionnaireShape.check(
    z.superRefine((q, ctx) => {
      const areaIds = new Set<string>();
      q.areas.forEach((area, i) => {
        if (areaIds.has(area.id)) {
          ctx.addIssue({
            code: 'custom',
            input: undefined,
            path: ['areas', i, 'id'],
            message: `Duplicate area id "${area.id}"`,
          });
        }
        areaIds.add(area.id);
      });
      const statementIds = new Set<string>();
      const perArea = new Map<string, number>();
      q.statements.forEach((statement, i) => {
        if (statementIds.has(statement.id) || areaIds.has(statement.id)) {
          ctx.addIssue({
            code: 'custom',
            input: undefined,
            path: ['statements', i, 'id'],
            message: `Duplicate id "${statement.id}"`,
          });
        }
        statementIds.add(statement.id);
        if (!areaIds.has(statement.area)) {
          ctx.addIssue({
            code: 'custom',
            input: undefined,
            path: ['statements', i, 'area'],
            message: `Statement "${statement.id}" refers to unknown area "${statement.area}"`,
          });
        }
        perArea.set(statement.area, (perArea.get(statement.area) ?? 0) + 1);
      });
      q.areas.forEach((area, i) => {
        if (!perArea.has(area.id)) {
          ctx.addIssue({
            code: 'custom',
            input: undefined,
            path: ['areas', i],
            message: `Area "${area.id}" has no statements`,
          });
        }
      });
    }),
  );
  return {
    localizedTextSchema,
    areaSchema,
    statementSchema,
    questionnaireShape,
    questionnaireSchema,
  };
});

export const localizedTextSchema = () => schemas().localizedTextSchema;
export const areaSchema = () => schemas().areaSchema;
export const statementSchema = () => schemas().statementSchema;
const questionnaireShape = () => schemas().questionnaireShape;
export const questionnaireSchema = () => schemas().questionnaireSchema;

export type LocalizedText = z.infer<ReturnType<typeof localizedTextSchema>>;
export type Area = z.infer<ReturnType<typeof areaSchema>>;
export type Statement = z.infer<ReturnType<typeof statementSchema>>;
export type Questionnaire = z.infer<ReturnType<typeof questionnaireSchema>>;

export interface QuestionnaireIssue {
  /** Dotted path into the file, e.g. "statements.3.text.nn". */
  path: string;
  message: string;
}

export type ParseQuestionnaireResult =
  { ok: true; questionnaire: Questionnaire } | { ok: false; issues: QuestionnaireIssue[] };

export function formatPath(path: ReadonlyArray<PropertyKey>): string {
  return path.map((p) => String(p)).join('.') || '(root)';
}

/** Validates unknown data as a questionnaire, returning every problem with its path. */
export function parseQuestionnaire(data: unknown): ParseQuestionnaireResult {
  const result = questionnaireSchema().safeParse(data, { reportInput: true });
  if (result.success) return { ok: true, questionnaire: result.data };
  return {
    ok: false,
    issues: result.error.issues.map((issue) => ({
      path: formatPath(issue.path),
      // Our own checks carry a message; zod/mini's built-in ones say only "Invalid input".
      message:
        issue.code === 'custom' || issue.message !== 'Invalid input'
          ? issue.message
          : describeIssue(issue),
    })),
  };
}

/** The JSON Schema published for questionnaire authors (public/questionnaire.schema.json). */
export function questionnaireJsonSchema(): unknown {
  return z.toJSONSchema(questionnaireShape(), { target: 'draft-2020-12' });
}
