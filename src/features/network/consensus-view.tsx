import { useState } from 'react';
import { Paragraph, Tag } from '@digdir/designsystemet-react';
import { useMunicipalityName, useNetworkTranslation } from '../../i18n/network-namespace';
import { localize } from '../../domain/questionnaire/localize';
import {
  delegationDistributions,
  type StatementDistribution,
} from '../../domain/priorities/consensus';
import type { Statement } from '../../domain/questionnaire/schema';
import {
  LEVELS,
  type AnswerValue,
  type Municipality,
  type AgreedAnswer,
  type AgreedResponse,
} from '../../domain/core/types';
import { formatDecimal } from '../../i18n/format';
import { Disclosure, SelectField, TextField } from '../../ui/fields';
import { agreementAt } from '../../store/network-model';
import { useChosenGatheringText } from '../../i18n/gathering-text';
import type { GatheringId } from '../../domain/core/gatherings';
import { useAppStore } from '../../store/store-context';
import {
  chooseMunicipality,
  MunicipalitySection,
  type MunicipalityViewProps,
} from './municipality-picker';
import { delegationComments, type StatementComment } from '../../domain/priorities/comments';
import { useFreeTextView } from '../../store/free-text';
import { useDelegations } from '../../store/delegations';
import { CommentList } from './free-text';

const OPTIONS: readonly AnswerValue[] = [...LEVELS, 'dontKnow', 'notRelevant'];

/** The coordinator's consensus step: the delegation's spread per statement, and an agreed level. */
export function ConsensusView({ model, municipality }: MunicipalityViewProps) {
  const { t } = useNetworkTranslation();
  const name = useMunicipalityName(model.letters);
  const round = useChosenGatheringText(model);
  const language = useAppStore((s) => s.language);
  const delegations = useDelegations(model);
  const view = useFreeTextView(model);
  const q = model.questionnaire;
  const { choices: inRound, chosen } = chooseMunicipality(model, municipality, true);
  const gathering = model.gathering;
  if (!chosen || gathering === null) return <Paragraph>{t('network.noData')}</Paragraph>;
  // Responses to any version of the questionnaire: statement ids are permanent, and only the
  // current version's statements are shown (useDelegations).
  const delegation = delegations.get(chosen.number) ?? [];
  const distributions = new Map(
    delegationDistributions(
      q.statements.map((s) => s.id),
      delegation,
    ).map((d) => [d.statementId, d]),
  );
  // Comments beside the spread: never initials, a role only where two of it answered.
  const comments = delegationComments(
    delegation,
    q.statements.map((s) => s.id),
    view,
  );
  const agreed = agreementAt(model.agreements, chosen.number, gathering);
  const agreedCount = agreed ? Object.keys(agreed.agreed).length : 0;

  return (
    <MunicipalitySection
      model={model}
      view="consensus"
      choices={inRound}
      chosen={chosen}
      title={t('consensus.title', { name: name(chosen), round })}
    >
      <Paragraph>{t('consensus.intro', { count: delegation.length })}</Paragraph>
      <Paragraph>
        {t('consensus.progress', { agreed: agreedCount, total: q.statements.length })}
      </Paragraph>
      {q.areas.map((area) => (
        <Disclosure key={area.id} summary={localize(area.title, language)}>
          <div className="consensus-list">
            {q.statements
              .filter((s) => s.area === area.id)
              .map((s) => (
                <ConsensusItem
                  key={s.id}
                  statement={s}
                  distribution={distributions.get(s.id)!}
                  comments={comments.get(s.id) ?? []}
                  agreed={agreed?.agreed[s.id]}
                  base={agreed}
                  target={{
                    municipality: chosen,
                    gathering,
                    questionnaire: { id: q.id, version: q.version },
                  }}
                  scale={q.scale.map((l) => localize(l, language))}
                />
              ))}
          </div>
        </Disclosure>
      ))}
    </MunicipalitySection>
  );
}

function ConsensusItem({
  statement,
  distribution: d,
  comments,
  agreed,
  base,
  target,
  scale,
}: {
  statement: Statement;
  distribution: StatementDistribution;
  comments: readonly StatementComment[];
  agreed: AgreedAnswer | undefined;
  base: AgreedResponse | undefined;
  target: {
    municipality: Municipality;
    gathering: GatheringId;
    questionnaire: { id: string; version: number };
  };
  scale: string[];
}) {
  const { t } = useNetworkTranslation();
  const language = useAppStore((s) => s.language);
  const setAgreed = useAppStore((s) => s.setAgreed);
  const [rationale, setRationale] = useState(agreed?.rationale ?? '');
  const label = (v: AnswerValue) =>
    typeof v === 'number' ? `${v} ${scale[v - 1] ?? ''}` : t(`answer.${v}`);
  const parts = [
    ...LEVELS.map((l) => `${l}: ${d.counts[l]}`),
    `${t('answer.dontKnow')}: ${d.dontKnow}`,
    `${t('answer.notRelevant')}: ${d.notRelevant}`,
  ];
  return (
    <article className="consensus-item" aria-labelledby={`st-${statement.id}`}>
      <p id={`st-${statement.id}`} className="consensus-statement">
        {localize(statement.text, language)}
      </p>
      <p className="consensus-spread">
        {t('consensus.spread', { n: d.n })} {parts.join(' · ')}
        {d.mean !== null && ` · ${t('consensus.mean', { mean: formatDecimal(d.mean, language) })}`}
        {d.disagreement && (
          <>
            {' '}
            <Tag data-color="warning" data-size="sm">
              {t('consensus.disagreement')}
            </Tag>
          </>
        )}
      </p>
      <CommentList
        comments={comments}
        label={t('comments.statementLabel', { statement: localize(statement.text, language) })}
        context={t('comments.commentContext', { statement: localize(statement.text, language) })}
      />
      <div className="consensus-controls">
        <SelectField
          label={t('consensus.agreedLevel')}
          value={agreed ? String(agreed.level) : ''}
          onChange={(e) => {
            const raw = e.target.value;
            const value = OPTIONS.find((o) => String(o) === raw) ?? null;
            setAgreed(target, statement.id, value, rationale, base);
          }}
          empty={t('consensus.notAgreed')}
          choices={OPTIONS.map((o) => ({ value: String(o), label: label(o) }))}
        />
        <TextField
          className="ds-field consensus-rationale"
          label={t('consensus.rationale')}
          value={rationale}
          maxLength={2000}
          disabled={!agreed}
          onChange={(e) => setRationale(e.target.value)}
          onBlur={() => {
            if (agreed && rationale !== agreed.rationale)
              setAgreed(target, statement.id, agreed.level, rationale, base);
          }}
        />
      </div>
    </article>
  );
}
