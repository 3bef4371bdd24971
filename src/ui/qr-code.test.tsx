import { describe, expect, it } from 'vitest';
import { render, screen } from '@testing-library/react';
import { QrCode } from './qr-code';

describe('QrCode', () => {
  it('is an image with the label given, drawn crisp, black on white, as one path', () => {
    render(<QrCode text="HELLO 45" label="Svaret ditt som QR-kode" />);
    const svg = screen.getByRole('img', { name: 'Svaret ditt som QR-kode' });
    expect(svg.getAttribute('viewBox')).toBe('0 0 29 29');
    expect(svg.getAttribute('shape-rendering')).toBe('crispEdges');
    expect(svg.querySelector('rect')?.getAttribute('fill')).toBe('#fff');
    const paths = svg.querySelectorAll('path');
    expect(paths).toHaveLength(1);
    expect(paths[0]!.getAttribute('fill')).toBe('#000');
  });

  it('draws another code for another text', () => {
    const { rerender } = render(<QrCode text="A" label="x" />);
    const first = screen.getByRole('img').querySelector('path')!.getAttribute('d');
    rerender(<QrCode text="B" label="x" />);
    expect(screen.getByRole('img').querySelector('path')!.getAttribute('d')).not.toBe(first);
  });
});
