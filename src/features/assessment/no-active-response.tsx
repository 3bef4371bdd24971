import { Heading, Paragraph } from '@digdir/designsystemet-react';
import { useTranslation } from 'react-i18next';

export function NoActiveResponse() {
  const { t } = useTranslation();
  return (
    <section className="page">
      <Heading level={1} data-size="lg">
        {t('noActive.title')}
      </Heading>
      <Paragraph>{t('noActive.body')}</Paragraph>
      <Paragraph>
        <a href="#/">{t('noActive.toStart')}</a>
      </Paragraph>
    </section>
  );
}
