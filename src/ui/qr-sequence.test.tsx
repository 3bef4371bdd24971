import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { act, fireEvent, screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { renderWithApp } from '../app/test-utils';
import type { Locale } from '../domain/core/types';
import { QR_SEQUENCE_INTERVAL_MS, QrSequence } from './qr-sequence';

const PARTS = ['PART1', 'PART2', 'PART3'];

function reducedMotion(matches: boolean) {
  const listeners = new Set<() => void>();
  const query = {
    get matches() {
      return matches;
    },
    addEventListener: (_: string, l: () => void) => listeners.add(l),
    removeEventListener: (_: string, l: () => void) => listeners.delete(l),
  };
  vi.stubGlobal('matchMedia', () => query);
  return {
    set(value: boolean) {
      matches = value;
      act(() => {
        listeners.forEach((l) => l());
      });
    },
  };
}

function show(parts = PARTS, language: Locale = 'nb') {
  renderWithApp(<QrSequence parts={parts} label="Svaret ditt som QR-koder" />, { language });
}

/** A click (fireEvent: Testing Library's async user events wait on timers, which are fake here). */
const press = (name: string) => fireEvent.click(screen.getByRole('button', { name }));

function tick(ms = QR_SEQUENCE_INTERVAL_MS): void {
  act(() => {
    vi.advanceTimersByTime(ms);
  });
}
const code = () => screen.getByRole('img').getAttribute('aria-label');

beforeEach(() => {
  vi.useFakeTimers();
});
afterEach(() => {
  vi.useRealTimers();
  vi.unstubAllGlobals();
});

describe('QrSequence', () => {
  it('moves on by itself and goes round, showing “n av 3” as text', () => {
    reducedMotion(false);
    show();
    expect(screen.getByRole('group', { name: 'Svaret ditt som QR-koder' })).toBeInTheDocument();
    expect(screen.getByText('1 av 3')).toBeInTheDocument();
    expect(code()).toBe('QR-kode 1 av 3');
    tick(QR_SEQUENCE_INTERVAL_MS - 1);
    expect(code()).toBe('QR-kode 1 av 3');
    tick(1);
    expect(screen.getByText('2 av 3')).toBeInTheDocument();
    tick();
    tick();
    expect(code()).toBe('QR-kode 1 av 3');
  });

  it('pauses and plays again; the position is announced only while paused', () => {
    reducedMotion(false);
    show();
    expect(screen.getByText('1 av 3')).toHaveAttribute('aria-live', 'off');
    press('Pause');
    expect(screen.getByText('1 av 3')).toHaveAttribute('aria-live', 'polite');
    tick(5 * QR_SEQUENCE_INTERVAL_MS);
    expect(code()).toBe('QR-kode 1 av 3');
    press('Spill av');
    tick();
    expect(code()).toBe('QR-kode 2 av 3');
  });

  it('steps with Previous and Next, round the ends', () => {
    reducedMotion(false);
    show();
    press('Pause');
    press('Forrige kode');
    expect(code()).toBe('QR-kode 3 av 3');
    press('Neste kode');
    expect(code()).toBe('QR-kode 1 av 3');
  });

  it('is keyboard operable: Tab to the buttons, Enter and Space press them', async () => {
    vi.useRealTimers();
    reducedMotion(true); // nothing moves by itself, so no timing matters
    const user = userEvent.setup();
    show();
    await user.tab();
    expect(screen.getByRole('button', { name: 'Forrige kode' })).toHaveFocus();
    await user.keyboard('{Enter}');
    expect(code()).toBe('QR-kode 3 av 3');
    await user.tab();
    await user.tab();
    expect(screen.getByRole('button', { name: 'Neste kode' })).toHaveFocus();
    await user.keyboard(' ');
    expect(code()).toBe('QR-kode 1 av 3');
  });

  it('a code stepped to while playing stays a whole interval', () => {
    reducedMotion(false);
    show();
    tick(QR_SEQUENCE_INTERVAL_MS - 100);
    press('Neste kode');
    expect(code()).toBe('QR-kode 2 av 3');
    tick(QR_SEQUENCE_INTERVAL_MS - 200);
    expect(code()).toBe('QR-kode 2 av 3');
    tick(200);
    expect(code()).toBe('QR-kode 3 av 3');
  });

  it('with reduced motion it starts paused: the user steps', () => {
    reducedMotion(true);
    show();
    expect(screen.getByRole('button', { name: 'Spill av' })).toBeInTheDocument();
    expect(screen.getByText(/Trykk «Neste kode»/)).toBeInTheDocument();
    tick(10 * QR_SEQUENCE_INTERVAL_MS);
    expect(code()).toBe('QR-kode 1 av 3');
  });

  it('pauses when reduced motion is switched on', () => {
    const motion = reducedMotion(false);
    show();
    motion.set(true);
    tick(3 * QR_SEQUENCE_INTERVAL_MS);
    expect(code()).toBe('QR-kode 1 av 3');
  });

  it('shows one code alone, without buttons or position', () => {
    reducedMotion(false);
    show(['ONLY']);
    expect(code()).toBe('QR-kode 1 av 1');
    expect(screen.queryByRole('button')).toBeNull();
    expect(screen.queryByText('1 av 1')).toBeNull();
  });

  it.each([
    ['nn', 'Førre kode', 'Pause', 'Neste kode', '1 av 3'],
    ['en', 'Previous code', 'Pause', 'Next code', '1 of 3'],
  ] as const)('speaks %s', (language, previous, pause, next, position) => {
    reducedMotion(false);
    show(PARTS, language);
    for (const name of [previous, pause, next]) {
      expect(screen.getByRole('button', { name })).toBeInTheDocument();
    }
    expect(screen.getByText(position)).toBeInTheDocument();
  });
});
