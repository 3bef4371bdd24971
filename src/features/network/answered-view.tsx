import { gatheringOf } from '../../domain/core/gatherings';
import { useGatheringText } from '../../i18n/gathering-text';
import { useId, useState } from 'react';
import { Paragraph, Table, Tag } from '@digdir/designsystemet-react';
import { Section } from '../../ui/section';
import { ColumnHeads } from '../../ui/data-table';
import { useMunicipalityName, useNetworkTranslation } from '../../i18n/network-namespace';
import { expectedKey, whoHasAnswered, type AnsweredCell } from '../../domain/comparison/answered';
import { gatheringKey } from '../../domain/scoring/counted';
import type { Municipality } from '../../domain/core/types';
import { formatCount } from '../../i18n/format';
import type { NetworkModel } from '../../store/network-model';
import { useAppStore } from '../../store/store-context';
import { MAX_EXPECTED } from '../../store/facilitator-slice';

/**
 * Who has answered, for the chosen gathering: per municipality and role, the responses in,
 * submitted and in progress, last gathering's count and the expected number, which the
 * facilitator can type. Missing responses stand out with a tag (text, not colour alone).
 */
export function AnsweredView({ model }: { model: NetworkModel }) {
  const { t } = useNetworkTranslation();
  const name = useMunicipalityName(model.letters);
  const language = useAppStore((s) => s.language);
  const roundText = useGatheringText(model.showPeriod);
  const responses = useAppStore((s) => s.network.responses);
  const expected = useAppStore((s) => s.expectedResponses);
  if (model.gathering === null) return <Paragraph>{t('network.noData')}</Paragraph>;
  const round = roundText(model.gathering);
  const current = { gathering: { ...model.gathering, date: '' } };
  const q = model.questionnaire;
  const { previous, rows } = whoHasAnswered(
    Object.values(responses).filter((r) => r.questionnaire.id === q.id),
    current,
    expected,
  );
  const key = gatheringKey(current);
  const count = (n: number | null) => (n === null ? '–' : formatCount(n, language));
  const missingTotal = rows.reduce((s, r) => s + r.missing, 0);

  return (
    <Section
      id="answered-heading"
      className="network-section"
      title={t('answered.title', { round })}
    >
      <Paragraph>
        {previous === null
          ? t('answered.introFirst')
          : t('answered.intro', { previous: roundText(gatheringOf(previous)) })}
      </Paragraph>
      <Paragraph>
        {missingTotal === 0
          ? t('answered.noneMissing')
          : t('answered.missingTotal', { count: missingTotal })}
      </Paragraph>
      <div className="table-scroll">
        <Table data-size="sm" className="answered-table">
          <caption>{t('answered.caption', { round })}</caption>
          <ColumnHeads
            columns={[
              { label: t('answered.municipality') },
              { label: t('answered.role') },
              { label: t('answered.responses'), numeric: true },
              { label: t('answered.submitted'), numeric: true },
              { label: t('answered.inProgress'), numeric: true },
              {
                label:
                  previous === null
                    ? t('answered.previousNone')
                    : t('answered.previous', { round: roundText(gatheringOf(previous)) }),
                numeric: true,
              },
              { label: t('answered.expected'), numeric: true },
              { label: t('answered.missing') },
            ]}
          />
          {rows.map((row) => {
            const cells = row.roles.filter(
              (c) => c.responses > 0 || (c.previous ?? 0) > 0 || c.typed,
            );
            return (
              <tbody key={row.municipality.number}>
                {cells.map((cell, i) => (
                  <CellRow
                    key={cell.role}
                    municipality={row.municipality}
                    label={name(row.municipality)}
                    first={i === 0}
                    span={cells.length + 1}
                    cell={cell}
                    expectedId={expectedKey(row.municipality.number, key, cell.role)}
                    count={count}
                  />
                ))}
                <tr className="answered-total">
                  {cells.length === 0 && <th scope="row">{name(row.municipality)}</th>}
                  <th scope="row">{t('answered.total')}</th>
                  <td className="num">{count(row.responses)}</td>
                  <td className="num">{count(row.submitted)}</td>
                  <td className="num">{count(row.inProgress)}</td>
                  <td className="num">{count(row.previous)}</td>
                  <td className="num">{count(row.expected)}</td>
                  <td>
                    <Missing missing={row.missing} />
                  </td>
                </tr>
              </tbody>
            );
          })}
        </Table>
      </div>
    </Section>
  );
}

function Missing({ missing }: { missing: number }) {
  const { t } = useNetworkTranslation();
  if (missing === 0) return <span>{t('answered.complete')}</span>;
  return (
    <Tag data-color="warning" data-size="sm">
      {t('answered.missingCount', { count: missing })}
    </Tag>
  );
}

function CellRow({
  label,
  first,
  span,
  cell,
  expectedId,
  count,
}: {
  municipality: Municipality;
  label: string;
  first: boolean;
  span: number;
  cell: AnsweredCell;
  expectedId: string;
  count: (n: number | null) => string;
}) {
  const { t } = useNetworkTranslation();
  const setExpected = useAppStore((s) => s.setExpectedResponses);
  const inputId = useId();
  const [draft, setDraft] = useState<string | null>(null);
  const role = t(`roles.${cell.role}`);
  return (
    <tr>
      {first && (
        <th scope="rowgroup" rowSpan={span}>
          {label}
        </th>
      )}
      <th scope="row">{role}</th>
      <td className="num">{count(cell.responses)}</td>
      <td className="num">{count(cell.submitted)}</td>
      <td className="num">{count(cell.inProgress)}</td>
      <td className="num">{count(cell.previous)}</td>
      <td className="num">
        <label htmlFor={inputId} className="visually-hidden">
          {t('answered.expectedLabel', { name: label, role })}
        </label>
        <input
          id={inputId}
          className="ds-input expected-input"
          type="number"
          inputMode="numeric"
          min={0}
          max={MAX_EXPECTED}
          step={1}
          value={draft ?? String(cell.expected)}
          onChange={(e) => {
            // While the field is empty the default does not jump back in; leaving it empty
            // goes back to the default (onBlur).
            const raw = e.target.value.trim();
            setDraft(raw);
            if (raw !== '') setExpected(expectedId, Number(raw));
          }}
          onBlur={() => {
            if (draft === '') setExpected(expectedId, null);
            setDraft(null);
          }}
        />
      </td>
      <td>
        <Missing missing={cell.missing} />
      </td>
    </tr>
  );
}
