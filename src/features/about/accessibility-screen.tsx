import { Heading, Paragraph } from '@digdir/designsystemet-react';
import { useDelegateTranslation } from '../../i18n/delegate-namespace';

/** Tilgjengelighetserklæring: honest about what has been tested. */
export function AccessibilityScreen() {
  const { t } = useDelegateTranslation();
  const tested = t('accessibility.tested', { returnObjects: true }) as string[];
  const known = t('accessibility.known', { returnObjects: true }) as string[];
  return (
    <section className="page prose">
      <Heading level={1} data-size="lg">
        {t('accessibility.title')}
      </Heading>
      <Paragraph>{t('accessibility.intro')}</Paragraph>
      <ListSection title={t('accessibility.testedTitle')} items={tested} />
      <ListSection title={t('accessibility.knownTitle')} items={known} />
      <Heading level={2} data-size="sm">
        {t('accessibility.linksTitle')}
      </Heading>
      <Paragraph>{t('accessibility.links')}</Paragraph>
      <Heading level={2} data-size="sm">
        {t('accessibility.feedbackTitle')}
      </Heading>
      <Paragraph>{t('accessibility.feedback')}</Paragraph>
    </section>
  );
}

function ListSection({ title, items }: { title: string; items: readonly string[] }) {
  return (
    <>
      <Heading level={2} data-size="sm">
        {title}
      </Heading>
      <ul>
        {items.map((line) => (
          <li key={line}>{line}</li>
        ))}
      </ul>
    </>
  );
}
