import { useMunicipalityName, useNetworkTranslation } from '../../i18n/network-namespace';
import type { NetworkModel } from '../../store/network-model';
import { useAreaComments } from '../../store/area-comments';
import { CommentGroups } from './free-text';

/** What a part of the area view gets: the network, the area and its title in the user's language. */
export interface AreaPartProps {
  model: NetworkModel;
  areaId: string;
  areaTitle: string;
}

/**
 * The area view's comments: beside each statement, what the municipalities wrote to explain
 * their answers. The facilitator can hide any single one (CommentList).
 */
export function AreaComments({ model, areaId, areaTitle }: AreaPartProps) {
  const { t } = useNetworkTranslation();
  const statements = useAreaComments(model, areaId, useMunicipalityName(model.letters));
  return (
    <CommentGroups
      id={`area-comments-${areaId}`}
      title={t('comments.areaTitle', { area: areaTitle })}
      groups={statements.map((s) => ({
        key: s.statementId,
        summary: t('comments.statementSummary', {
          statement: s.text,
          count: s.municipalities.reduce((n, m) => n + m.comments.length, 0),
        }),
        entries: s.municipalities.map((m) => ({
          key: m.municipality.number,
          heading: m.label,
          comments: m.comments,
          label: t('comments.municipalityLabel', { name: m.label, statement: s.text }),
          context: t('comments.municipalityContext', { name: m.label, statement: s.text }),
        })),
      }))}
    />
  );
}
