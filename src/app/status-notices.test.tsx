import { describe, expect, it } from 'vitest';
import { act, screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { StatusNotices } from './status-notices';
import { renderWithApp } from './test-utils';
import nb from '../i18n/locales/nb/common.json';
import nn from '../i18n/locales/nn/common.json';

const text = (template: string, count: number) => template.replace('{{count}}', String(count));

describe('status notices: the network’s saved data', () => {
  it('says what could not be loaded, per kind, and offers the copy', async () => {
    const { store } = renderWithApp(<StatusNotices />);
    act(() =>
      store
        .getState()
        .reportNetworkLoad(
          { unreadable: 2, invalidEntries: 1, migrationFailed: true },
          { 'kept:source:x': 'raw' },
        ),
    );
    // The network's notices load when there is something to say.
    const notice = (await screen.findByText(nb.networkRecovery.migrationFailed)).closest('.notice');
    expect(notice).not.toBeNull();
    const inNotice = within(notice as HTMLElement);
    expect(inNotice.getByText(text(nb.networkRecovery.unreadable_other, 2))).toBeVisible();
    expect(inNotice.getByText(text(nb.networkRecovery.invalidEntries_one, 1))).toBeVisible();
    expect(inNotice.getByRole('button', { name: nb.recovery.downloadBackup })).toBeVisible();
    await userEvent.click(inNotice.getByRole('button', { name: nb.recovery.dismiss }));
    expect(screen.queryByText(nb.networkRecovery.migrationFailed)).toBeNull();
    // Dismissed for now; the copy is still kept.
    expect(screen.queryByText(nb.networkRecovery.backupKept)).toBeNull();
    expect(store.getState().networkKept).toEqual({ 'kept:source:x': 'raw' });
  });

  it('a kept copy from an earlier load: the user can delete it, after a question', async () => {
    const { store } = renderWithApp(<StatusNotices />, { language: 'nn' });
    act(() => store.getState().reportNetworkLoad(null, { 'kept:source:x': 'raw' }));
    const notice = (await screen.findByText(nn.networkRecovery.backupKept)).closest('.notice');
    const inNotice = within(notice as HTMLElement);
    await userEvent.click(inNotice.getByRole('button', { name: nn.recovery.deleteBackup }));
    expect(inNotice.getByText(nn.recovery.deleteQuestion)).toBeVisible();
    await userEvent.click(inNotice.getByRole('button', { name: nn.recovery.confirmDelete }));
    expect(store.getState().networkKept).toEqual({});
    expect(screen.queryByText(nn.networkRecovery.backupKept)).toBeNull();
  });

  it('tells a full storage, another save error and a failed load apart', async () => {
    const { store } = renderWithApp(<StatusNotices />);
    for (const status of ['full', 'saveFailed', 'loadFailed'] as const) {
      act(() => store.getState().setNetworkStorageStatus(status));
      expect(await screen.findByText(nb.networkStorage[status])).toBeVisible();
    }
    act(() => store.getState().setNetworkStorageStatus('ok'));
    expect(screen.queryByText(nb.networkStorage.loadFailed)).toBeNull();
  });
});
