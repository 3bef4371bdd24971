import { useTranslation } from 'react-i18next';
import { MessagePage } from '../../ui/message-page';

export function NoActiveResponse() {
  const { t } = useTranslation();
  return (
    <MessagePage
      title={t('noActive.title')}
      body={t('noActive.body')}
      link={{ href: '#/', label: t('noActive.toStart') }}
    />
  );
}
