import type { GatheringId } from '../../domain/core/gatherings';
import { actionGathering } from '../../domain/priorities/actions';
import { useGatheringText } from '../../i18n/gathering-text';
import { Heading, Paragraph, Tag } from '@digdir/designsystemet-react';
import { DataTable } from '../../ui/data-table';
import { useMunicipalityName, useNetworkTranslation } from '../../i18n/network-namespace';
import { localize } from '../../domain/questionnaire/localize';
import { improvementAreas } from '../../domain/priorities/priorities';
import { priorityInputs } from '../../domain/priorities/view-models';
import { learnFromPeers, type PeerLesson } from '../../domain/priorities/learning';
import { formatScore } from '../../i18n/format';
import { useAppStore } from '../../store/store-context';
import { useFreeTextView } from '../../store/free-text';
import { useDelegations } from '../../store/delegations';
import {
  chooseMunicipality,
  MunicipalitySection,
  type MunicipalityViewProps,
} from './municipality-picker';
import { CommentList, HiddenText, HideTextButton } from './free-text';
import { actionTextKey } from '../../domain/priorities/comments';

/**
 * Learn from the network: for each improvement area of a municipality, the peers that score
 * highest there, the statements where they are furthest ahead, their comments and their actions
 * (docs/learning.md), and pairs to suggest for the gathering.
 */
export function LearnView({ model, municipality }: MunicipalityViewProps) {
  const { t } = useNetworkTranslation();
  const nameOf = useMunicipalityName(model.letters);
  const language = useAppStore((s) => s.language);
  const roundText = useGatheringText(model.showPeriod);
  const delegations = useDelegations(model);
  const view = useFreeTextView(model);
  const q = model.questionnaire;
  const { choices, chosen } = chooseMunicipality(model, municipality, true);
  if (!chosen || model.gathering === null) return <Paragraph>{t('network.noData')}</Paragraph>;
  const gathering = model.gathering;
  const round = roundText(gathering);
  const agg = model.current.find((a) => a.municipality.number === chosen.number)!;
  const flagged = improvementAreas(
    priorityInputs(agg, model.stats),
    q.areas.map((a) => a.id),
  ).map((a) => a.areaId);
  const learning = learnFromPeers({
    questionnaire: q,
    municipality: chosen.number,
    gathering,
    current: model.current,
    improvementAreas: flagged,
    delegations,
    actions: model.actions,
    view,
  });
  const byNumber = new Map(model.municipalities.map((m) => [m.number, m]));
  const peerName = (number: string) => nameOf(byNumber.get(number) ?? { number, name: number });
  const areaTitle = (id: string) => {
    const area = q.areas.find((a) => a.id === id);
    return area === undefined ? id : localize(area.title, language);
  };
  const statementText = (id: string) => {
    const s = q.statements.find((x) => x.id === id);
    return s === undefined ? id : localize(s.text, language);
  };
  const score = (v: number | null) => (v === null ? '–' : formatScore(v, language));
  const name = nameOf(chosen);

  return (
    <MunicipalitySection
      model={model}
      view="learn"
      choices={choices}
      chosen={chosen}
      title={t('learn.title', { name, round })}
    >
      <Paragraph>{t('learn.intro')}</Paragraph>
      {model.anonymised && <Paragraph data-size="sm">{t('learn.namesHidden')}</Paragraph>}
      {flagged.length === 0 ? (
        <Paragraph>{t('learn.noAreas', { name })}</Paragraph>
      ) : (
        <>
          <Heading level={3} data-size="sm">
            {t('learn.pairsTitle')}
          </Heading>
          {learning.pairs.length === 0 ? (
            <Paragraph>{t('learn.noPairs')}</Paragraph>
          ) : (
            <ul aria-label={t('learn.pairsTitle')}>
              {learning.pairs.map((p) => (
                <li key={p.areaId}>
                  {p.ownScore === null
                    ? t('learn.pairNoScore', {
                        name,
                        peer: peerName(p.peer),
                        area: areaTitle(p.areaId),
                        theirs: score(p.peerScore),
                      })
                    : t('learn.pair', {
                        name,
                        peer: peerName(p.peer),
                        area: areaTitle(p.areaId),
                        theirs: score(p.peerScore),
                        ours: score(p.ownScore),
                      })}
                </li>
              ))}
            </ul>
          )}
          {learning.areas.map((a) => (
            <section
              key={a.areaId}
              aria-labelledby={`learn-area-${a.areaId}`}
              className="learn-area"
            >
              <Heading level={3} data-size="sm" id={`learn-area-${a.areaId}`}>
                {t('learn.areaTitle', { area: areaTitle(a.areaId), score: score(a.ownScore) })}
              </Heading>
              {a.peers.length === 0 ? (
                <Paragraph>{t('learn.noPeers')}</Paragraph>
              ) : (
                a.peers.map((peer) => (
                  <PeerSection
                    roundText={roundText}
                    key={peer.municipality}
                    peer={peer}
                    peerLabel={peerName(peer.municipality)}
                    name={name}
                    areaLabel={areaTitle(a.areaId)}
                    statementText={statementText}
                    score={score}
                  />
                ))
              )}
            </section>
          ))}
        </>
      )}
    </MunicipalitySection>
  );
}

function PeerSection({
  peer,
  peerLabel,
  name,
  areaLabel,
  statementText,
  score,
  roundText,
}: {
  roundText: (g: GatheringId) => string;
  peer: PeerLesson;
  peerLabel: string;
  name: string;
  areaLabel: string;
  statementText: (id: string) => string;
  score: (v: number | null) => string;
}) {
  const { t } = useNetworkTranslation();
  return (
    <div className="learn-peer">
      <Heading level={4} data-size="xs">
        {t('learn.peerTitle', { peer: peerLabel, score: score(peer.score) })}
      </Heading>
      {peer.statements.length === 0 ? (
        <Paragraph data-size="sm">{t('learn.noStatements')}</Paragraph>
      ) : (
        <>
          <DataTable
            caption={t('learn.statementsCaption', { peer: peerLabel, name })}
            size="sm"
            columns={[
              { label: t('learn.statement') },
              { label: peerLabel, numeric: true },
              { label: name, numeric: true },
              { label: t('learn.gap'), numeric: true },
            ]}
          >
            {peer.statements.map((s) => (
              <tr key={s.statementId}>
                <th scope="row">{statementText(s.statementId)}</th>
                <td className="num">{score(s.theirs)}</td>
                <td className="num">{score(s.ours)}</td>
                <td className="num">+{score(s.gap)}</td>
              </tr>
            ))}
          </DataTable>
          {peer.statements.map((s) => (
            <CommentList
              key={s.statementId}
              comments={s.comments}
              label={t('learn.commentsLabel', {
                peer: peerLabel,
                statement: statementText(s.statementId),
              })}
              context={t('comments.commentContext', { statement: statementText(s.statementId) })}
            />
          ))}
        </>
      )}
      {peer.actions.length > 0 && (
        <ul
          className="learn-actions"
          aria-label={t('learn.actionsLabel', { peer: peerLabel, area: areaLabel })}
        >
          {peer.actions.map(({ action, text }) => (
            <li key={action.id}>
              {text === 'shown' ? action.title : <HiddenText reason={text} />}{' '}
              <Tag data-size="sm">{t(`actions.status.${action.status}`)}</Tag>{' '}
              {t('learn.actionAgreed', {
                round: roundText(actionGathering(action)),
                count: action.followUps.length,
              })}{' '}
              {text !== 'namesHidden' && (
                <HideTextButton
                  textKey={actionTextKey(action.id)}
                  hidden={text === 'hiddenByFacilitator'}
                  context={t('comments.actionContext', { area: areaLabel })}
                />
              )}
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}
