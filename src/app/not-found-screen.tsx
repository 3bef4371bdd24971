import { useTranslation } from 'react-i18next';
import { MessagePage } from '../ui/message-page';

export function NotFoundScreen() {
  const { t } = useTranslation();
  return (
    <MessagePage
      title={t('notFound.title')}
      link={{ href: '#/', label: t('notFound.backToStart') }}
    />
  );
}
