import { lazy } from 'react';

/**
 * The QR pieces load when first shown: the encoder (~6 KB gzip) with QrCode and QrSequence, the
 * camera code with QrScanner and the decoder (~15 KB gzip) only once a scan starts.
 */
export const LazyQrCode = lazy(() => import('./qr-code'));
export const LazyQrSequence = lazy(() => import('./qr-sequence'));
export const LazyQrScanner = lazy(() => import('./qr-scanner'));
