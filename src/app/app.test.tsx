import { describe, expect, it } from 'vitest';
import { act, screen, waitFor } from '@testing-library/react';
import { App } from './app';
import { renderWithApp } from './test-utils';
import common from '../i18n/locales/nb/common.json';
import network from '../i18n/locales/nb/network.json';

describe('App', () => {
  it('moves focus to the heading of a screen that loads on demand, once it has loaded', async () => {
    const { store } = renderWithApp(<App />);
    // As when the saved network data has been read (main.tsx does it after the first render).
    act(() => store.getState().hydrateNetwork(null));
    expect(
      await screen.findByRole('heading', { level: 1, name: common.start.title }),
    ).toBeVisible();
    act(() => {
      window.location.hash = '#/network';
      window.dispatchEvent(new HashChangeEvent('hashchange'));
    });
    const heading = await screen.findByRole(
      'heading',
      { level: 1, name: network.network.title },
      { timeout: 5000 },
    );
    await waitFor(() => expect(heading).toHaveFocus());
    // The start screen is gone, not kept hidden while the network screen loaded.
    expect(screen.queryByRole('heading', { name: common.start.title, hidden: true })).toBeNull();
  });
});
