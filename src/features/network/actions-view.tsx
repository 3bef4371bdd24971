import { useState, type FormEvent } from 'react';
import { Alert, Button, Heading, Paragraph, Tag } from '@digdir/designsystemet-react';
import { useMunicipalityName, useNetworkTranslation } from '../../i18n/network-namespace';
import { useGatheringText } from '../../i18n/gathering-text';
import { compareGatherings, keyOfGathering, yearOf } from '../../domain/core/gatherings';
import { localize } from '../../domain/questionnaire/localize';
import { checkAction } from '../../domain/priorities/check-action';
import {
  createAction,
  actionGathering,
  followUpAt,
  followUpGathering,
  isOpen,
  needsFollowUp,
} from '../../domain/priorities/actions';
import {
  ACTION_STATUSES,
  type Action,
  type ActionStatus,
  type Municipality,
} from '../../domain/core/types';
import { formatDate, todayIso } from '../../i18n/format';
import { SelectField, TextAreaField, TextField } from '../../ui/fields';
import { areaChoices } from './choices';
import type { NetworkModel } from '../../store/network-model';
import { useAppStore } from '../../store/store-context';
import {
  chooseMunicipality,
  MunicipalitySection,
  type MunicipalityViewProps,
} from './municipality-picker';
import { FollowUpTable } from './follow-up-table';
import { HiddenText, HideTextButton } from './free-text';
import { useFreeTextView } from '../../store/free-text';
import {
  actionTextKey,
  visibleAction,
  type FreeTextVisibility,
} from '../../domain/priorities/comments';

/**
 * The action plan: actions tied to areas, with owner, due date, status and follow-up at each
 * gathering. `area` (from the route's query) presets the area of a new action.
 */
export function ActionsView({
  model,
  municipality,
  area,
}: MunicipalityViewProps & { area: string | null }) {
  const { t } = useNetworkTranslation();
  const name = useMunicipalityName(model.letters);
  const view = useFreeTextView(model);
  const { chosen } = chooseMunicipality(model, municipality, false);
  if (!chosen) return <Paragraph>{t('network.noData')}</Paragraph>;
  const actions = model.actions
    .filter((a) => a.municipality.number === chosen.number)
    .sort((a, b) => a.areaId.localeCompare(b.areaId) || a.createdAt.localeCompare(b.createdAt));

  return (
    <MunicipalitySection
      model={model}
      view="actions"
      choices={model.municipalities}
      chosen={chosen}
      title={t('actions.title', { name: name(chosen) })}
    >
      <FollowUpTable model={model} municipality={chosen.number} />
      {actions.length === 0 ? (
        <Paragraph>{t('actions.none')}</Paragraph>
      ) : (
        <ul className="action-list" aria-label={t('actions.listLabel', { name: name(chosen) })}>
          {actions.map((a) => {
            const shown = visibleAction(a, view);
            return (
              <li key={a.id}>
                {shown.text === 'shown' ? (
                  <ActionCard action={a} model={model} />
                ) : (
                  <HiddenActionCard action={shown.action} reason={shown.text} model={model} />
                )}
              </li>
            );
          })}
        </ul>
      )}
      <NewActionForm model={model} municipality={chosen} preset={area} />
    </MunicipalitySection>
  );
}

/**
 * An action whose texts the free-text rule hides (names hidden, or the facilitator hid them):
 * its area, status and gatherings only, and, where the facilitator hid it, the way back.
 */
function HiddenActionCard({
  action,
  reason,
  model,
}: {
  action: Action;
  reason: Exclude<FreeTextVisibility, 'shown'>;
  model: NetworkModel;
}) {
  const { t } = useNetworkTranslation();
  const language = useAppStore((s) => s.language);
  const area = model.questionnaire.areas.find((a) => a.id === action.areaId);
  const areaTitle = area ? localize(area.title, language) : action.areaId;
  return (
    <article className="action-card" aria-labelledby={`action-${action.id}`}>
      <Heading level={3} data-size="xs" id={`action-${action.id}`}>
        <HiddenText reason={reason} />
      </Heading>
      <p className="action-meta">
        <Tag data-color={isOpen(action) ? 'info' : 'neutral'} data-size="sm">
          {t(`actions.status.${action.status}`)}
        </Tag>{' '}
        {areaTitle} · {t('actions.agreedAt', { round: action.round })}
      </p>
      {reason === 'hiddenByFacilitator' && (
        <HideTextButton
          textKey={actionTextKey(action.id)}
          hidden
          context={t('comments.actionContext', { area: areaTitle })}
        />
      )}
    </article>
  );
}

function ActionCard({ action, model }: { action: Action; model: NetworkModel }) {
  const { t } = useNetworkTranslation();
  const language = useAppStore((s) => s.language);
  const adopt = useAppStore((s) => s.adoptAction);
  const setStatus = useAppStore((s) => s.setActionStatus);
  const followUp = useAppStore((s) => s.followUpAction);
  const [note, setNote] = useState('');
  const agreedAt = actionGathering(action);
  const gathering = model.gathering ?? agreedAt;
  // Name periods where the network spans several, or where the action is from another one.
  const roundText = useGatheringText(
    model.showPeriod ||
      action.followUps.some((f) => followUpGathering(f).period !== gathering.period) ||
      agreedAt.period !== gathering.period,
  );
  const round = roundText(gathering);
  const area = model.questionnaire.areas.find((a) => a.id === action.areaId);
  const statement = model.questionnaire.statements.find((s) => s.id === action.statementId);
  const due = needsFollowUp(action, gathering);
  const existing = followUpAt(action, gathering);

  const ensureOwn = () => adopt(action);
  return (
    <article className="action-card" aria-labelledby={`action-${action.id}`}>
      <Heading level={3} data-size="xs" id={`action-${action.id}`}>
        {action.title}
      </Heading>
      <p className="action-meta">
        <Tag data-color={isOpen(action) ? 'info' : 'neutral'} data-size="sm">
          {t(`actions.status.${action.status}`)}
        </Tag>{' '}
        {area ? localize(area.title, language) : action.areaId}
        {statement ? ` · ${localize(statement.text, language)}` : ''}
      </p>
      {action.description && <Paragraph>{action.description}</Paragraph>}
      <p className="action-meta">
        {t('actions.owner')}: {action.owner || '–'} · {t('actions.dueDate')}:{' '}
        {action.dueDate ? formatDate(action.dueDate, language) : '–'} ·{' '}
        {t('actions.agreedAt', { round: roundText(agreedAt) })}{' '}
        <HideTextButton
          textKey={actionTextKey(action.id)}
          hidden={false}
          context={t('comments.actionContext', {
            area: area ? localize(area.title, language) : action.areaId,
          })}
        />
      </p>
      {action.followUps.length > 0 && (
        <ul className="follow-ups" aria-label={t('actions.followUps')}>
          {action.followUps.map((f) => (
            <li key={keyOfGathering(followUpGathering(f))}>
              {t('start.gatheringRound', { round: roundText(followUpGathering(f)) })} (
              {t(`actions.status.${f.status}`)}): {f.note}
            </li>
          ))}
        </ul>
      )}
      {due && (
        <Alert data-color="warning" data-size="sm">
          {t('actions.needsFollowUp', { round })}
        </Alert>
      )}
      <div className="action-controls">
        <SelectField
          label={t('actions.statusLabel')}
          value={action.status}
          onChange={(e) => {
            ensureOwn();
            setStatus(action.id, e.target.value as ActionStatus);
          }}
          choices={ACTION_STATUSES.map((s) => ({ value: s, label: t(`actions.status.${s}`) }))}
        />
        {compareGatherings(gathering, agreedAt) > 0 && (
          <form
            className="follow-up-form"
            onSubmit={(e) => {
              e.preventDefault();
              if (note.trim() === '') return;
              ensureOwn();
              followUp(action.id, {
                period: gathering.period,
                round: gathering.round,
                date: todayIso(),
                status: action.status,
                note: note.trim(),
              });
              setNote('');
            }}
          >
            <TextField
              label={t('actions.followUpLabel', { round })}
              description={existing ? t('actions.followUpReplaces') : undefined}
              value={note}
              maxLength={2000}
              onChange={(e) => setNote(e.target.value)}
            />
            <Button type="submit" variant="secondary" data-size="sm">
              {t('actions.saveFollowUp')}
            </Button>
          </form>
        )}
      </div>
    </article>
  );
}

/** `preset` (from the route's query) is the area a new action starts in. */
function NewActionForm({
  model,
  municipality,
  preset,
}: {
  model: NetworkModel;
  municipality: Municipality;
  preset: string | null;
}) {
  const { t } = useNetworkTranslation();
  const language = useAppStore((s) => s.language);
  const addAction = useAppStore((s) => s.addAction);
  const q = model.questionnaire;
  const [areaId, setAreaId] = useState(
    q.areas.some((a) => a.id === preset) ? preset! : q.areas[0]!.id,
  );
  const [statementId, setStatementId] = useState('');
  const [title, setTitle] = useState('');
  const [description, setDescription] = useState('');
  const [owner, setOwner] = useState('');
  const [dueDate, setDueDate] = useState('');
  const [error, setError] = useState<string | null>(null);
  const [saved, setSaved] = useState<string | null>(null);

  function submit(e: FormEvent) {
    e.preventDefault();
    setSaved(null);
    if (title.trim() === '') {
      setError(t('actions.errors.title'));
      return;
    }
    const input = {
      municipality,
      areaId,
      statementId: statementId || undefined,
      title,
      description,
      owner,
      dueDate: dueDate || undefined,
      period: model.gathering?.period ?? yearOf(todayIso()),
      round: model.gathering?.round ?? 1,
    };
    const issues = checkAction(createAction(input, new Date().toISOString(), 'check'));
    if (issues.length > 0) {
      setError(
        issues.some((i) => i.path === 'dueDate')
          ? t('actions.errors.dueDate')
          : t('actions.errors.invalid'),
      );
      return;
    }
    const action = addAction(input);
    setError(null);
    setSaved(action.title);
    setTitle('');
    setDescription('');
    setOwner('');
    setDueDate('');
    setStatementId('');
  }

  return (
    <form className="action-form" onSubmit={submit} noValidate aria-labelledby="new-action-heading">
      <Heading level={3} data-size="sm" id="new-action-heading">
        {t('actions.newTitle')}
      </Heading>
      <SelectField
        label={t('columns.area')}
        value={areaId}
        onChange={(e) => {
          setAreaId(e.target.value);
          setStatementId('');
        }}
        choices={areaChoices(q, language)}
      />
      <SelectField
        label={t('actions.statement')}
        value={statementId}
        onChange={(e) => setStatementId(e.target.value)}
        empty={t('actions.wholeArea')}
        choices={q.statements
          .filter((s) => s.area === areaId)
          .map((s) => ({ value: s.id, label: localize(s.text, language) }))}
      />
      <TextField
        label={t('actions.titleLabel')}
        value={title}
        maxLength={200}
        onChange={(e) => setTitle(e.target.value)}
        error={error && title.trim() === '' ? error : undefined}
      />
      <TextAreaField
        label={t('actions.description')}
        rows={3}
        value={description}
        maxLength={2000}
        onChange={(e) => setDescription(e.target.value)}
      />
      <div className="field-row">
        <TextField
          label={t('actions.owner')}
          value={owner}
          maxLength={200}
          onChange={(e) => setOwner(e.target.value)}
        />
        <TextField
          label={t('actions.dueDate')}
          type="date"
          value={dueDate}
          onChange={(e) => setDueDate(e.target.value)}
        />
      </div>
      {error && title.trim() !== '' && (
        <Alert data-color="danger" data-size="sm">
          {error}
        </Alert>
      )}
      <div aria-live="polite">
        {saved && <Paragraph>{t('actions.saved', { title: saved })}</Paragraph>}
      </div>
      <Button type="submit">{t('actions.create')}</Button>
    </form>
  );
}
