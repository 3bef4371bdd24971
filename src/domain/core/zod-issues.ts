import type * as z from 'zod/mini';

type Issue = z.core.$ZodIssue;

const list = (values: readonly unknown[]) => values.map((v) => JSON.stringify(v)).join(', ');

function describeReceived(input: unknown): string {
  if (input === undefined) return 'nothing';
  if (input === null) return 'null';
  if (Array.isArray(input)) return 'a list';
  return typeof input === 'object' ? 'an object' : `${typeof input} ${JSON.stringify(input)}`;
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
      return issue.origin === 'array' || issue.origin === 'set'
        ? `Needs at least ${String(issue.minimum)} item(s)`
        : issue.origin === 'string'
          ? `Must have at least ${String(issue.minimum)} character(s)`
          : `Must be at least ${String(issue.minimum)}`;
    case 'too_big':
      return issue.origin === 'array' || issue.origin === 'set'
        ? `Allows at most ${String(issue.maximum)} item(s)`
        : issue.origin === 'string'
          ? `Must have at most ${String(issue.maximum)} character(s)`
          : `Must be at most ${String(issue.maximum)}`;
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
