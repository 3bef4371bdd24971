import { Heading, Paragraph } from '@digdir/designsystemet-react';
import { useNetworkTranslation } from '../../i18n/network-namespace';
import { localize } from '../../domain/questionnaire/localize';
import { delegationComments } from '../../domain/priorities/comments';
import { countedResponses } from '../../domain/scoring/counted';
import type { GatheringRound, Municipality } from '../../domain/core/types';
import { Disclosure } from '../../ui/fields';
import type { NetworkModel } from '../../store/network-model';
import { useAppStore } from '../../store/store-context';
import { useFreeTextView } from '../../store/free-text';
import { CommentList } from './free-text';

/** The delegation's counted responses at one gathering: the responses whose comments show. */
export function useDelegation(model: NetworkModel, number: string, round: GatheringRound | null) {
  const responses = useAppStore((s) => s.network.responses);
  const q = model.questionnaire;
  return countedResponses(
    Object.values(responses).filter(
      (r) =>
        r.municipality.number === number &&
        r.gathering.round === round &&
        r.questionnaire.id === q.id,
    ),
  );
}

/**
 * A municipality's comments beside their statements, area by area, for its profile: what
 * explains its numbers. Free text as the one rule allows (comments.ts).
 */
export function MunicipalityComments({
  model,
  municipality,
  label,
}: {
  model: NetworkModel;
  municipality: Municipality;
  /** The municipality's shown name (or letter). */
  label: string;
}) {
  const { t } = useNetworkTranslation();
  const language = useAppStore((s) => s.language);
  const view = useFreeTextView(model);
  const delegation = useDelegation(model, municipality.number, model.round);
  const q = model.questionnaire;
  const comments = delegationComments(
    delegation,
    q.statements.map((s) => s.id),
    view,
  );
  const areas = q.areas.filter((a) =>
    q.statements.some((s) => s.area === a.id && comments.has(s.id)),
  );
  return (
    <section aria-labelledby="comments-heading" className="municipality-comments">
      <Heading level={3} data-size="sm" id="comments-heading">
        {t('comments.title', { name: label })}
      </Heading>
      {areas.length === 0 ? (
        <Paragraph>{t('comments.none')}</Paragraph>
      ) : (
        areas.map((area) => (
          <Disclosure
            key={area.id}
            summary={t('comments.areaSummary', {
              area: localize(area.title, language),
              count: q.statements
                .filter((s) => s.area === area.id)
                .reduce((n, s) => n + (comments.get(s.id)?.length ?? 0), 0),
            })}
          >
            {q.statements
              .filter((s) => s.area === area.id && comments.has(s.id))
              .map((s) => {
                const text = localize(s.text, language);
                return (
                  <div key={s.id} className="statement-comments">
                    <p className="consensus-statement">{text}</p>
                    <CommentList
                      comments={comments.get(s.id)!}
                      label={t('comments.statementLabel', { statement: text })}
                      context={t('comments.commentContext', { statement: text })}
                    />
                  </div>
                );
              })}
          </Disclosure>
        ))
      )}
    </section>
  );
}
