import { Paragraph, Tag } from '@digdir/designsystemet-react';
import { DataTable } from '../../ui/data-table';
import { useNetworkTranslation } from '../../i18n/network-namespace';
import { localize } from '../../domain/questionnaire/localize';
import { followUpRows } from '../../domain/priorities/follow-up';
import { actionGathering, followUpGathering } from '../../domain/priorities/actions';
import { useGatheringText } from '../../i18n/gathering-text';
import type { NetworkModel } from '../../store/network-model';
import { useAppStore } from '../../store/store-context';
import { useFreeTextView } from '../../store/free-text';
import { HiddenText } from './free-text';
import { changeText } from './trends-view';

/**
 * Follow-up at the chosen gathering: every action of the municipality agreed at an earlier one,
 * its status now, its notes so far and the area's score change since it was agreed. Those
 * nobody followed up come first and are tagged (text, not colour alone).
 */
export function FollowUpTable({
  model,
  municipality,
}: {
  model: NetworkModel;
  municipality: string;
}) {
  const { t } = useNetworkTranslation();
  const roundText = useGatheringText(model.showPeriod);
  const language = useAppStore((s) => s.language);
  const view = useFreeTextView(model);
  if (model.gathering === null) return null;
  const round = roundText(model.gathering);
  const rows = followUpRows(model.actions, model.gathering, model.all, view, municipality);
  if (rows.length === 0) return <Paragraph>{t('followUp.none', { round })}</Paragraph>;
  const area = (id: string) => {
    const a = model.questionnaire.areas.find((x) => x.id === id);
    return a === undefined ? id : localize(a.title, language);
  };
  return (
    <DataTable
      caption={t('followUp.caption', { round })}
      size="sm"
      columns={(['action', 'area', 'status', 'history', 'change'] as const).map((c) => ({
        label: t(`followUp.${c}`),
      }))}
    >
      {rows.map((row) => {
        const a = row.action.action;
        return (
          <tr key={a.id}>
            <th scope="row">
              {row.action.text === 'shown' ? a.title : <HiddenText reason={row.action.text} />} (
              {t('actions.agreedAt', { round: roundText(actionGathering(a)) })})
            </th>
            <td>{area(a.areaId)}</td>
            <td>
              {t(`actions.status.${row.status}`)}
              {row.notFollowedUp && (
                <>
                  {' '}
                  <Tag data-color="warning" data-size="sm">
                    {t('followUp.notFollowedUp')}
                  </Tag>
                </>
              )}
            </td>
            <td>
              {row.history.length === 0
                ? '–'
                : row.history
                    .map(
                      (f) =>
                        `${t('followUp.at', { round: roundText(followUpGathering(f)), status: t(`actions.status.${f.status}`) })}${f.note ? `: ${f.note}` : ''}`,
                    )
                    .join(' · ')}
            </td>
            <td>{changeText(t, language, row.change, row.direction)}</td>
          </tr>
        );
      })}
    </DataTable>
  );
}
