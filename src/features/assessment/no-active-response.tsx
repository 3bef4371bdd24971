import { useDelegateTranslation } from '../../i18n/delegate-namespace';
import { MessagePage } from '../../ui/message-page';

export function NoActiveResponse() {
  const { t } = useDelegateTranslation();
  return (
    <MessagePage
      title={t('noActive.title')}
      body={t('noActive.body')}
      link={{ href: '#/', label: t('noActive.toStart') }}
    />
  );
}
