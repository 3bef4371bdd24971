import { describe, expect, it, vi } from 'vitest';
import { askToPersist, deletesAfterAWeek, estimateStorage, storageLow } from './browser-storage';

const MB = 1024 * 1024;
const win = (userAgent: string, standalone = false, maxTouchPoints = 0) =>
  ({
    navigator: { userAgent, standalone, maxTouchPoints },
    matchMedia: () => ({ matches: false }),
  }) as unknown as Window;

describe('browser storage', () => {
  it('asks once for persistence, and reads an answer already given', async () => {
    const persist = vi.fn(() => Promise.resolve(true));
    expect(await askToPersist({ persist, persisted: () => Promise.resolve(false) })).toBe(
      'granted',
    );
    expect(persist).toHaveBeenCalledTimes(1);
    const again = vi.fn(() => Promise.resolve(false));
    expect(await askToPersist({ persist: again, persisted: () => Promise.resolve(true) })).toBe(
      'granted',
    );
    expect(again).not.toHaveBeenCalled();
    expect(await askToPersist({ persist: () => Promise.resolve(false) })).toBe('denied');
    expect(await askToPersist(undefined)).toBe('unsupported');
    expect(
      await askToPersist({
        persist: () => Promise.reject(new Error('no')),
      }),
    ).toBe('unsupported');
  });

  it('estimates, and calls storage low at four fifths or under 50 MB left', async () => {
    expect(
      await estimateStorage({ estimate: () => Promise.resolve({ usage: 10, quota: 100 }) }),
    ).toEqual({
      usage: 10,
      quota: 100,
    });
    expect(await estimateStorage({})).toBeNull();
    expect(storageLow({ usage: 10 * MB, quota: 1000 * MB })).toBe(false);
    expect(storageLow({ usage: 800 * MB, quota: 1000 * MB })).toBe(true);
    expect(storageLow({ usage: 60 * MB, quota: 100 * MB })).toBe(true);
    expect(storageLow(null)).toBe(false);
  });

  it('knows which browsers delete data after a week, unless the app was added', () => {
    const iPhone =
      'Mozilla/5.0 (iPhone; CPU iPhone OS 17_5 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/17.5 Mobile/15E148 Safari/604.1';
    const macSafari =
      'Mozilla/5.0 (Macintosh; Intel Mac OS X 14_5) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/17.5 Safari/605.1.15';
    const macChrome =
      'Mozilla/5.0 (Macintosh; Intel Mac OS X 14_5) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/126.0 Safari/537.36';
    const windows =
      'Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/126.0 Safari/537.36 Edg/126.0';
    expect(deletesAfterAWeek(win(iPhone))).toBe(true);
    expect(deletesAfterAWeek(win(iPhone, true))).toBe(false);
    expect(deletesAfterAWeek(win(macSafari))).toBe(true);
    expect(deletesAfterAWeek(win(macSafari, false, 5))).toBe(true); // an iPad asking for the desktop site
    expect(deletesAfterAWeek(win(macChrome))).toBe(false);
    expect(deletesAfterAWeek(win(windows))).toBe(false);
  });
});
