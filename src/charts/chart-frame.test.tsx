import { describe, expect, it, vi } from 'vitest';
import { fireEvent, screen, waitFor } from '@testing-library/react';
import { renderWithApp } from '../app/test-utils';
import { ChartFrame } from './chart-frame';
import { downloadBlob } from '../lib/download';

vi.mock('../lib/download', () => ({ downloadBlob: vi.fn() }));

function Chart() {
  return (
    <div role="img" aria-label="Stolpediagram">
      <div className="recharts-wrapper">
        <svg width="100" height="50" viewBox="0 0 100 50">
          <text x="1" y="20">
            Ålesund
          </text>
        </svg>
      </div>
    </div>
  );
}

describe('ChartFrame', () => {
  it('offers the chart as SVG with a file name from the chart name', async () => {
    renderWithApp(
      <ChartFrame name="Skår per område for Tingvoll, samling 2">
        <Chart />
      </ChartFrame>,
    );
    expect(screen.getByRole('img', { name: 'Stolpediagram' })).toBeInTheDocument();
    expect(
      screen.getByRole('button', {
        name: 'Last ned PNG av «Skår per område for Tingvoll, samling 2»',
      }),
    ).toHaveTextContent('Last ned PNG');
    const svgButton = screen.getByRole('button', {
      name: 'Last ned SVG av «Skår per område for Tingvoll, samling 2»',
    });
    expect(svgButton).toHaveTextContent('Last ned SVG');
    fireEvent.click(svgButton);
    await waitFor(() => expect(downloadBlob).toHaveBeenCalledTimes(1));
    const [fileName, blob] = vi.mocked(downloadBlob).mock.calls[0]!;
    expect(fileName).toBe('skaar-per-omraade-for-tingvoll-samling-2.svg');
    expect(blob.type).toBe('image/svg+xml;charset=utf-8');
    const text = await blob.text();
    expect(text).toContain('<title>Skår per område for Tingvoll, samling 2</title>');
    expect(text).toContain('Ålesund');
  });

  it('names the buttons in the chosen language', () => {
    renderWithApp(
      <ChartFrame name="Score by area">
        <Chart />
      </ChartFrame>,
      { language: 'en' },
    );
    expect(screen.getByRole('button', { name: 'Download PNG of “Score by area”' })).toBeVisible();
    expect(screen.getByRole('button', { name: 'Download SVG of “Score by area”' })).toBeVisible();
  });

  it('says so when there is no chart to download yet', async () => {
    renderWithApp(
      <ChartFrame name="Tomt">
        <p>Laster</p>
      </ChartFrame>,
    );
    fireEvent.click(screen.getByRole('button', { name: 'Last ned SVG av «Tomt»' }));
    expect(await screen.findByRole('status')).toHaveTextContent(
      'Klarte ikke å lage bildet. Prøv igjen.',
    );
  });
});
