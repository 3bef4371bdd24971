import { useState } from 'react';
import { useDelegateTranslation } from '../../i18n/delegate-namespace';
import { Button, Dialog, Heading, Paragraph, Table, Tag } from '@digdir/designsystemet-react';
import { Section } from '../../ui/section';
import { DataTable } from '../../ui/data-table';
import { useShallow } from 'zustand/react/shallow';
import { useAppStore, useAppStoreApi } from '../../store/store-context';
import { findQuestionnaire } from '../../lib/questionnaires';
import { selectKnownQuestionnaires } from '../../store/selectors';
import type { Questionnaire } from '../../domain/questionnaire/schema';
import { scoreResponse } from '../../domain/scoring/scoring';
import { formatDate } from '../../i18n/format';
import { navigate } from '../../lib/router';
import type { Response } from '../../domain/core/types';
import { exportResponses } from './export';
import { useModalScrollLock } from '../../ui/use-modal-scroll-lock';
import { useGatheringText } from '../../i18n/gathering-text';
import { gatheringOf, showsPeriod } from '../../domain/core/gatherings';
import '../../app/designsystemet-screens.css';

function progressOf(
  known: readonly Questionnaire[],
  r: Response,
): { answered: number; total: number } {
  const q = findQuestionnaire(known, r.questionnaire.id, r.questionnaire.version);
  if (!q) return { answered: Object.keys(r.answers).length, total: 0 };
  const score = scoreResponse(q, r);
  return { answered: score.answered, total: score.total };
}

/**
 * The responses kept on this device: unfinished ones first (not submitted), newest first within
 * each. A delegate who started at home finds the one to finish at the top.
 */
function useSavedResponses(): Response[] {
  return useAppStore(
    useShallow((s) =>
      Object.values(s.responses).sort(
        (a, b) =>
          Number(a.submittedAt !== undefined) - Number(b.submittedAt !== undefined) ||
          b.updatedAt.localeCompare(a.updatedAt),
      ),
    ),
  );
}

/** Opens a saved response where its respondent left off, or at its results. */
function useOpenResponse(): (r: Response, where: 'assessment' | 'results') => void {
  const selectResponse = useAppStore((s) => s.selectResponse);
  const lastArea = useAppStore((s) => s.lastAreaByResponse);
  return (r, where) => {
    selectResponse(r.id);
    navigate(
      where === 'results'
        ? { name: 'results' }
        : { name: 'assessment', areaId: lastArea[r.id] ?? null },
    );
  };
}

/** Who answered, for labels: "Haram, Politiker (KN)". */
function useResponseLabel(): (r: Response) => string {
  const { t } = useDelegateTranslation();
  return (r) =>
    `${r.municipality.name}, ${t(`roles.${r.respondent.role}`)}${r.respondent.initials ? ` (${r.respondent.initials})` : ''}`;
}

/** The gathering of a saved response, named with its period when the device holds several. */
function useResponseGathering(responses: readonly Response[]): (r: Response) => string {
  const { t } = useDelegateTranslation();
  const language = useAppStore((s) => s.language);
  const roundText = useGatheringText(showsPeriod(responses.map(gatheringOf)));
  return (r) =>
    `${t('start.gatheringRound', { round: roundText(gatheringOf(r)) })}, ${formatDate(r.gathering.date, language)}`;
}

/**
 * At the top of the start screen: the responses not yet submitted, each with "continue", so an
 * answer begun days ago on this device is the first thing its delegate sees.
 */
export function UnfinishedResponses() {
  const { t } = useDelegateTranslation();
  const questionnaires = useAppStore(selectKnownQuestionnaires);
  const responses = useSavedResponses();
  const open = useOpenResponse();
  const label = useResponseLabel();
  const gathering = useResponseGathering(responses);
  const unfinished = responses.filter((r) => r.submittedAt === undefined);
  if (unfinished.length === 0) return null;
  return (
    <Section
      id="unfinished-heading"
      className="unfinished-first"
      title={t('saved.unfinishedTitle')}
    >
      <ul className="unfinished-list">
        {unfinished.map((r) => {
          const p = progressOf(questionnaires, r);
          return (
            <li key={r.id}>
              <Paragraph>
                {t('saved.unfinishedItem', {
                  label: label(r),
                  gathering: gathering(r),
                  progress: t('saved.answeredOf', { answered: p.answered, total: p.total }),
                })}
              </Paragraph>
              <Button
                data-size="sm"
                onClick={() => open(r, 'assessment')}
                aria-label={t('saved.continueLabel', { label: label(r) })}
              >
                {t('saved.continue')}
              </Button>
            </li>
          );
        })}
      </ul>
    </Section>
  );
}

/** The responses kept on this device, unfinished first, newest first. */
export function ResponseList() {
  const { t } = useDelegateTranslation();
  const questionnaires = useAppStore(selectKnownQuestionnaires);
  const responses = useSavedResponses();
  const gathering = useResponseGathering(responses);
  const responseLabel = useResponseLabel();
  const activeId = useAppStore((s) => s.activeResponseId);
  const deleteResponse = useAppStore((s) => s.deleteResponse);
  const [toDelete, setToDelete] = useState<Response | null>(null);
  useModalScrollLock(toDelete !== null);
  const store = useAppStoreApi();
  const open = useOpenResponse();

  return (
    <Section id="saved-heading" className="saved-responses" title={t('saved.title')}>
      <Paragraph>{t('saved.help')}</Paragraph>
      <DataTable
        caption={t('saved.caption')}
        hideCaption
        columns={[
          { label: t('saved.municipality') },
          { label: t('saved.role') },
          { label: t('saved.gathering') },
          { label: t('saved.progress') },
          { label: t('columns.actions') },
        ]}
      >
        {responses.map((r) => {
          const p = progressOf(questionnaires, r);
          const label = responseLabel(r);
          return (
            <Table.Row key={r.id} aria-current={r.id === activeId ? 'true' : undefined}>
              <Table.Cell>
                {r.municipality.name}
                {r.id === activeId && (
                  <>
                    {' '}
                    <Tag data-color="info" data-size="sm">
                      {t('saved.active')}
                    </Tag>
                  </>
                )}
              </Table.Cell>
              <Table.Cell>
                {t(`roles.${r.respondent.role}`)}
                {r.respondent.initials ? ` (${r.respondent.initials})` : ''}
              </Table.Cell>
              <Table.Cell>{gathering(r)}</Table.Cell>
              <Table.Cell>
                {t('saved.answeredOf', { answered: p.answered, total: p.total })}
                {r.submittedAt ? ` · ${t('saved.submitted')}` : ''}
              </Table.Cell>
              <Table.Cell>
                <div className="button-row">
                  {/* An unfinished response has its "continue" at the top (UnfinishedResponses). */}
                  {r.submittedAt !== undefined && (
                    <Button
                      data-size="sm"
                      variant="secondary"
                      onClick={() => open(r, 'assessment')}
                      aria-label={t('saved.continueLabel', { label })}
                    >
                      {t('saved.continue')}
                    </Button>
                  )}
                  <Button
                    data-size="sm"
                    variant="secondary"
                    onClick={() => open(r, 'results')}
                    aria-label={t('saved.resultsLabel', { label })}
                  >
                    {t('saved.results')}
                  </Button>
                  <Button
                    data-size="sm"
                    variant="tertiary"
                    onClick={() => exportResponses([r], Object.values(store.getState().actions))}
                    aria-label={t('saved.exportLabel', { label })}
                  >
                    {t('saved.export')}
                  </Button>
                  <Button
                    data-size="sm"
                    variant="tertiary"
                    data-color="danger"
                    onClick={() => setToDelete(r)}
                    aria-label={t('saved.deleteLabel', { label })}
                  >
                    {t('saved.delete')}
                  </Button>
                </div>
              </Table.Cell>
            </Table.Row>
          );
        })}
      </DataTable>
      <Dialog
        open={toDelete !== null}
        onClose={() => setToDelete(null)}
        closedby="any"
        closeButton={t('saved.close')}
        aria-labelledby="delete-heading"
      >
        <Heading level={2} data-size="sm" id="delete-heading">
          {t('saved.deleteTitle')}
        </Heading>
        <Paragraph>
          {toDelete &&
            t('saved.deleteBody', {
              name: toDelete.municipality.name,
              role: t(`roles.${toDelete.respondent.role}`),
            })}
        </Paragraph>
        <div className="button-row">
          <Button
            data-color="danger"
            onClick={() => {
              if (toDelete) deleteResponse(toDelete.id);
              setToDelete(null);
            }}
          >
            {t('saved.deleteConfirm')}
          </Button>
          <Button variant="secondary" onClick={() => setToDelete(null)}>
            {t('saved.cancel')}
          </Button>
        </div>
      </Dialog>
    </Section>
  );
}
