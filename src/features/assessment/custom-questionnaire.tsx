import { lazy, Suspense, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Spinner } from '@digdir/designsystemet-react';
import { Disclosure } from '../../ui/fields';

// Few open it (facilitators, once): its code loads when it is opened, not with the first screen.
const CustomQuestionnaireBody = lazy(() => import('./custom-questionnaire-body'));

/** For facilitators: load a questionnaire of their own (JSON or spreadsheet CSV), checked first. */
export function CustomQuestionnaire() {
  const { t } = useTranslation();
  const [opened, setOpened] = useState(false);
  return (
    <Disclosure summary={t('custom.title')} onToggle={(open) => open && setOpened(true)}>
      {opened && (
        <Suspense fallback={<Spinner aria-label={t('app.loading')} data-size="sm" />}>
          <CustomQuestionnaireBody />
        </Suspense>
      )}
    </Disclosure>
  );
}
