import { Section } from '../../ui/section';
import { useNetworkTranslation } from '../../i18n/network-namespace';
import { localize } from '../../domain/questionnaire/localize';
import { delegationComments } from '../../domain/priorities/comments';
import type { Municipality } from '../../domain/core/types';
import { Disclosure } from '../../ui/fields';
import type { NetworkModel } from '../../store/network-model';
import { useAppStore } from '../../store/store-context';
import { useFreeTextView } from '../../store/free-text';
import { useDelegations } from '../../store/delegations';
import { CommentList } from './free-text';

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
  const delegation = useDelegations(model).get(municipality.number) ?? [];
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
    <Section
      id="comments-heading"
      level={3}
      size="sm"
      className="municipality-comments"
      title={t('comments.title', { name: label })}
      empty={areas.length === 0 && t('comments.none')}
    >
      {areas.map((area) => (
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
      ))}
    </Section>
  );
}
