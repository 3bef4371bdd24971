import { useRef, useState, type ReactElement, type ReactNode, type Ref } from 'react';
import { ResponsiveContainer } from 'recharts';
import { getI18n } from 'react-i18next';
import { Button } from '@digdir/designsystemet-react';
import { slug } from '../domain/files/results-file';
import { downloadBlob } from '../lib/download';
import { findChartSvg, serializeChartSvg, svgToPng } from './chart-download';
import './charts.css';

type Format = 'png' | 'svg';

interface Props {
  /** The chart's name: in the buttons' accessible names, the file name and the file's title. */
  name: string;
  /** The chart itself (an element with role="img" around the recharts <svg>). */
  children: ReactNode;
  /**
   * Lines written under the chart in the files, for a key the page shows as HTML beside the
   * chart (the quadrant chart's numbered areas): a downloaded chart must not lose it.
   */
  fileKey?: readonly string[];
}

/**
 * A chart with two small buttons under it that download what is drawn, as PNG or SVG.
 * Lives in the lazy chart chunks: the first screen carries none of it.
 */
export function ChartFrame({ name, children, fileKey }: Props) {
  // The app's i18next instance, read directly rather than through useTranslation: the hook (or
  // I18nContext) in a lazy chart chunk makes the bundler move react-i18next and Designsystemet
  // out of the first screen's chunk into shared ones, about 1 KB more for the first screen.
  // The text still follows the language: the parent passes translated props (name, label), so a
  // language change re-renders this frame.
  const t = getI18n().getFixedT(null, 'common');
  const ref = useRef<HTMLDivElement>(null);
  const busy = useRef(false);
  const [failed, setFailed] = useState(false);
  const fileBase = slug(name) || 'diagram';

  async function download(format: Format) {
    if (busy.current) return;
    const svg = ref.current ? findChartSvg(ref.current) : null;
    if (!svg) {
      setFailed(true);
      return;
    }
    busy.current = true;
    try {
      const chart = serializeChartSvg(svg, { title: name, ...(fileKey ? { key: fileKey } : {}) });
      const blob =
        format === 'svg'
          ? new Blob([chart.text], { type: 'image/svg+xml;charset=utf-8' })
          : await svgToPng(chart);
      downloadBlob(`${fileBase}.${format}`, blob);
      setFailed(false);
    } catch {
      setFailed(true);
    } finally {
      busy.current = false;
    }
  }

  return (
    <div ref={ref} className="chart-frame">
      {children}
      <div className="button-row chart-download" style={{ marginBottom: '1rem' }}>
        {(['png', 'svg'] as const).map((format) => (
          <Button
            key={format}
            type="button"
            variant="tertiary"
            data-size="sm"
            aria-label={t(format === 'png' ? 'chart.downloadPngLabel' : 'chart.downloadSvgLabel', {
              name,
            })}
            onClick={() => void download(format)}
          >
            {t(format === 'png' ? 'chart.downloadPng' : 'chart.downloadSvg')}
          </Button>
        ))}
      </div>
      <div role="status" className="chart-download-status">
        {failed ? t('chart.downloadFailed') : null}
      </div>
    </div>
  );
}

/** The drawing area of a chart: role="img" with the chart's text label, sized by CSS or `height`. */
export function ChartCanvas({
  label,
  className,
  height,
  boxRef,
  children,
}: {
  label: string;
  /** Extra class beside `chart`, for the chart's size. */
  className?: string;
  height?: number;
  boxRef?: Ref<HTMLDivElement>;
  /** One recharts chart. */
  children: ReactElement;
}) {
  return (
    <div
      ref={boxRef}
      role="img"
      aria-label={label}
      className={className === undefined ? 'chart' : `chart ${className}`}
      style={height === undefined ? undefined : { height }}
    >
      <ResponsiveContainer width="100%" height="100%">
        {children}
      </ResponsiveContainer>
    </div>
  );
}
