import { useMemo } from 'react';
import { qrDrawing } from './qr-path';
import './qr.css';

/**
 * A QR code drawn as SVG: black modules on white, a quiet zone of 4 modules, crisp edges. CSS
 * sizes it to the width available, up to a size a laptop camera reads from a phone held up.
 */
export function QrCode({ text, label }: { text: string; label: string }) {
  const { size, path } = useMemo(() => qrDrawing(text), [text]);
  return (
    <svg
      className="qr-code"
      role="img"
      aria-label={label}
      viewBox={`0 0 ${size} ${size}`}
      shapeRendering="crispEdges"
      xmlns="http://www.w3.org/2000/svg"
    >
      <rect width={size} height={size} fill="#fff" />
      <path d={path} fill="#000" />
    </svg>
  );
}

export default QrCode;
