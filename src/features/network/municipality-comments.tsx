import { useNetworkTranslation } from '../../i18n/network-namespace';
import { localize } from '../../domain/questionnaire/localize';
import { delegationComments } from '../../domain/priorities/comments';
import type { Municipality } from '../../domain/core/types';
import type { NetworkModel } from '../../store/network-model';
import { useAppStore } from '../../store/store-context';
import { useFreeTextView } from '../../store/free-text';
import { useDelegations } from '../../store/delegations';
import { CommentGroups } from './free-text';

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
    <CommentGroups
      id="comments-heading"
      title={t('comments.title', { name: label })}
      groups={areas.map((area) => {
        const statements = q.statements.filter((s) => s.area === area.id && comments.has(s.id));
        return {
          key: area.id,
          summary: t('comments.areaSummary', {
            area: localize(area.title, language),
            count: statements.reduce((n, s) => n + comments.get(s.id)!.length, 0),
          }),
          entries: statements.map((s) => {
            const text = localize(s.text, language);
            return {
              key: s.id,
              heading: text,
              comments: comments.get(s.id)!,
              label: t('comments.statementLabel', { statement: text }),
              context: t('comments.commentContext', { statement: text }),
            };
          }),
        };
      })}
    />
  );
}
