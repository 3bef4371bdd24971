import type * as z from 'zod/mini';

type Issue = z.core.$ZodIssue;

const list = (values: readonly unknown[]) => values.map((v) => JSON.stringify(v)).join(', ');

function describeReceived(input: unknown): string {
  if (input === undefined) return 'nothing';
  if (input === null) return 'null';
  if (Array.isArray(input)) return 'a list';
  return typeof input === 'object' ? 'an object' : `${typeof input} ${JSON.stringify(input)}`;
}

/** A size limit in words: "Needs at least 1 item(s)", "Must have at most 20 character(s)". */
function sizeBound(origin: string, limit: unknown, side: 'least' | 'most'): string {
  const n = String(limit);
  if (origin === 'array' || origin === 'set') {
    return side === 'least' ? `Needs at least ${n} item(s)` : `Allows at most ${n} item(s)`;
  }
  return origin === 'string' ? `Must have at ${side} ${n} character(s)` : `Must be at ${side} ${n}`;
}

/**
 * Says what is wrong in plain English. zod/mini loads no message locale (it would cost the
 * first screen), so its built-in messages are all "Invalid input"; authors need more.
 * These are technical messages for authors and logs; the app's users see translated codes.
 */
export function describeIssue(issue: Issue): string {
  switch (issue.code) {
    case 'invalid_type':
      return `Expected ${issue.expected}, found ${describeReceived(issue.input)}`;
    case 'too_small':
      return sizeBound(issue.origin, issue.minimum, 'least');
    case 'too_big':
      return sizeBound(issue.origin, issue.maximum, 'most');
    case 'invalid_format':
      return issue.format === 'regex' && 'pattern' in issue
        ? `Does not match the pattern ${String(issue.pattern)}`
        : `Not a valid ${issue.format}`;
    case 'unrecognized_keys':
      return `Unknown key(s): ${list(issue.keys)}`;
    case 'invalid_value':
      return `Must be one of ${list(issue.values)}`;
    case 'invalid_union':
      return 'Does not match any of the allowed forms';
    case 'invalid_key':
      return 'Invalid key';
    case 'invalid_element':
      return 'Invalid element';
    case 'not_multiple_of':
      return `Must be a multiple of ${String(issue.divisor)}`;
    case 'custom':
      return issue.message && issue.message !== 'Invalid input'
        ? issue.message
        : 'Not allowed here';
  }
}
