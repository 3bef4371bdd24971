import { z } from 'zod';
import { GATHERING_ROUNDS, ROLES, type Response } from '../types';

const level = z.union([z.literal(1), z.literal(2), z.literal(3), z.literal(4), z.literal(5)]);
const isoDate = z.string().regex(/^\d{4}-\d{2}-\d{2}$/);
const timestamp = z.iso.datetime({ offset: true });
const shortText = (max: number) => z.string().max(max);
/** Keys that must never become object keys when untrusted data is copied. */
const FORBIDDEN_KEYS = new Set(['__proto__', 'constructor', 'prototype']);
const id = z
  .string()
  .min(1)
  .max(100)
  .regex(/^[A-Za-z0-9_.:-]+$/)
  .refine((k) => !FORBIDDEN_KEYS.has(k), { error: 'Reserved key' });
const safeKey = id;

export const answerSchema = z.strictObject({
  value: z.union([level, z.literal('dontKnow'), z.literal('notRelevant')]).optional(),
  comment: shortText(2000).optional(),
  updatedAt: timestamp,
});

export const responseSchema = z.strictObject({
  id,
  questionnaire: z.strictObject({ id, version: z.int().min(1) }),
  municipality: z.strictObject({
    number: z.string().regex(/^\d{4}$/),
    name: z.string().trim().min(1).max(100),
  }),
  respondent: z.strictObject({
    id,
    role: z.enum(ROLES),
    initials: shortText(20).optional(),
  }),
  gathering: z.strictObject({
    round: z.union(GATHERING_ROUNDS.map((r) => z.literal(r))),
    date: isoDate,
  }),
  answers: z.record(safeKey, answerSchema),
  importance: z.record(safeKey, level),
  createdAt: timestamp,
  updatedAt: timestamp,
  submittedAt: timestamp.optional(),
});

// Compile-time check that the schema and the domain type agree.
type Parsed = z.infer<typeof responseSchema>;
export const _typeCheck: (r: Parsed) => Response = (r) => r;
