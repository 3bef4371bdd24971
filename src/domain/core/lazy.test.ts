import { describe, expect, it } from 'vitest';
import { lazy } from './lazy';
import { responseSchema } from './schemas';

describe('lazy', () => {
  it('makes the value on first use only, and keeps it', () => {
    let calls = 0;
    const get = lazy(() => {
      calls += 1;
      return { made: calls };
    });
    expect(calls).toBe(0);
    const first = get();
    expect(get()).toBe(first);
    expect(calls).toBe(1);
  });

  it('keeps a made undefined without making it again', () => {
    let calls = 0;
    const get = lazy(() => {
      calls += 1;
      return undefined;
    });
    get();
    get();
    expect(calls).toBe(1);
  });

  it('hands out one schema object, not a new one per call', () => {
    expect(responseSchema()).toBe(responseSchema());
  });
});
