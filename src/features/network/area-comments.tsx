import { Heading, Paragraph } from '@digdir/designsystemet-react';
import { useMunicipalityName, useNetworkTranslation } from '../../i18n/network-namespace';
import { Disclosure } from '../../ui/fields';
import type { NetworkModel } from '../../store/network-model';
import { useAreaComments } from '../../store/area-comments';
import { CommentList } from './free-text';

/**
 * The area view's comments: beside each statement, what the municipalities wrote to explain
 * their answers. The facilitator can hide any single one (CommentList).
 */
export function AreaComments({
  model,
  areaId,
  areaTitle,
}: {
  model: NetworkModel;
  areaId: string;
  areaTitle: string;
}) {
  const { t } = useNetworkTranslation();
  const statements = useAreaComments(model, areaId, useMunicipalityName(model.letters));
  return (
    <section aria-labelledby={`area-comments-${areaId}`} className="municipality-comments">
      <Heading level={3} data-size="sm" id={`area-comments-${areaId}`}>
        {t('comments.areaTitle', { area: areaTitle })}
      </Heading>
      {statements.length === 0 ? (
        <Paragraph>{t('comments.none')}</Paragraph>
      ) : (
        statements.map((s) => (
          <Disclosure
            key={s.statementId}
            summary={t('comments.statementSummary', {
              statement: s.text,
              count: s.municipalities.reduce((n, m) => n + m.comments.length, 0),
            })}
          >
            {s.municipalities.map((m) => (
              <div key={m.municipality.number} className="statement-comments">
                <p className="consensus-statement">{m.label}</p>
                <CommentList
                  comments={m.comments}
                  label={t('comments.municipalityLabel', { name: m.label, statement: s.text })}
                  context={t('comments.municipalityContext', {
                    name: m.label,
                    statement: s.text,
                  })}
                />
              </div>
            ))}
          </Disclosure>
        ))
      )}
    </section>
  );
}
