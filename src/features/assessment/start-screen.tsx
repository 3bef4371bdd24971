import {
  lazy,
  Suspense,
  useContext,
  useEffect,
  useId,
  useLayoutEffect,
  useRef,
  useState,
  type FormEvent,
} from 'react';
import { useTranslation } from 'react-i18next';
import {
  Alert,
  Button,
  Fieldset,
  Heading,
  Paragraph,
  ValidationMessage,
  ErrorSummary,
} from '@digdir/designsystemet-react';
import {
  findNetworkMunicipality,
  isValidMunicipalityNumber,
  NETWORK_MUNICIPALITIES,
} from '../../domain/core/municipalities';
import { PERIOD_PATTERN, yearOf } from '../../domain/core/gatherings';
import { GATHERING_ROUNDS, ROLES, type GatheringRound, type Role } from '../../domain/core/types';
import { useAppStore } from '../../store/store-context';
import { selectKnownQuestionnaires } from '../../store/selectors';
import { loadLanguage } from '../../i18n/i18n';
import { latestQuestionnaire, offeredQuestionnaires } from '../../lib/questionnaires';
import { CustomQuestionnaire } from './custom-questionnaire';
import { localize } from '../../domain/questionnaire/localize';
import { navigate } from '../../lib/router';
import { RadioOption, SelectField, TextField } from '../../ui/fields';
import type { Invite, InviteResult } from '../../domain/files/invite';
import { formatDate, todayIso } from '../../i18n/format';
import { PrerenderContext } from '../../lib/first-visit';

// Saved responses are listed by code that loads when there are some: a first visit has none.
const ResponseList = lazy(() =>
  import('./response-list').then((m) => ({ default: m.ResponseList })),
);
const UnfinishedResponses = lazy(() =>
  import('./response-list').then((m) => ({ default: m.UnfinishedResponses })),
);

const OTHER = 'other';

type FieldErrors = Partial<
  Record<
    'municipality' | 'otherName' | 'otherNumber' | 'role' | 'round' | 'date' | 'period',
    string
  >
>;

/** The municipality select's value and the "other" fields an invite fills in. */
function invitedMunicipality(invite: Invite | null) {
  const m = invite?.municipality;
  if (!m) return { municipality: '', otherName: '', otherNumber: '' };
  if (findNetworkMunicipality(m.number)) {
    return { municipality: m.number, otherName: '', otherNumber: '' };
  }
  return { municipality: OTHER, otherName: m.name ?? '', otherNumber: m.number };
}

/**
 * The start screen. Opened from a room invite (`invite`, read by InvitedStart), it comes filled
 * in with the gathering, the questionnaire and the municipality.
 */
export function StartScreen({
  invite: parsedInvite = null,
}: { invite?: InviteResult | null } = {}) {
  const { t, i18n } = useTranslation();
  const language = useAppStore((s) => s.language);
  const setLanguage = useAppStore((s) => s.setLanguage);
  const startResponse = useAppStore((s) => s.startResponse);
  const hasResponses = useAppStore((s) => Object.keys(s.responses).length > 0);
  const choices = offeredQuestionnaires(useAppStore(selectKnownQuestionnaires));
  const invite = parsedInvite?.ok ? parsedInvite.invite : null;
  const invitedKey = invite ? `${invite.questionnaire.id}@${invite.questionnaire.version}` : '';
  const [questionnaireKey, setQuestionnaireKey] = useState(invitedKey);
  const questionnaire =
    choices.find((q) => `${q.id}@${q.version}` === questionnaireKey) ??
    latestQuestionnaire(choices);

  const [initial] = useState(() => invitedMunicipality(invite));
  const [municipality, setMunicipality] = useState(initial.municipality);
  const [otherName, setOtherName] = useState(initial.otherName);
  const [otherNumber, setOtherNumber] = useState(initial.otherNumber);
  const [role, setRole] = useState<Role | ''>('');
  const [round, setRound] = useState<GatheringRound | ''>(invite?.round ?? '');
  // The build's pre-render holds no date: today is filled in once the app has taken over.
  const prerendered = useContext(PrerenderContext);
  const [date, setDate] = useState(() => invite?.date ?? (prerendered ? '' : todayIso()));
  const [period, setPeriod] = useState(invite?.period ?? '');

  const [initials, setInitials] = useState('');
  const [errors, setErrors] = useState<FieldErrors>({});
  const [submitted, setSubmitted] = useState(false);
  const selectId = useId();

  // Taking over the pre-rendered form: what the user chose before the app had loaded is in the
  // page, not in React's state. Adopt it before the first paint (React does not replay it).
  const formRef = useRef<HTMLFormElement>(null);
  useLayoutEffect(() => {
    const form = formRef.current;
    if (!prerendered || !form) return;
    const value = (name: string) => {
      const field = form.elements.namedItem(name) as HTMLInputElement | RadioNodeList | null;
      return field?.value ?? '';
    };
    setMunicipality(value('municipality'));
    const chosenRole = ROLES.find((r) => r === value('role'));
    if (chosenRole) setRole(chosenRole);
    const chosenRound = GATHERING_ROUNDS.find((n) => String(n) === value('round'));
    if (chosenRound) setRound(chosenRound);
    setDate(value('date') || todayIso());
    setPeriod(value('period'));
    setInitials(value('initials'));
  }, [prerendered]);

  const network = findNetworkMunicipality(municipality);
  const wantsNynorsk = network?.writtenForm === 'nynorsk' && language !== 'nn';
  // The suggestion is written in nynorsk, whatever the language on screen: load its texts.
  const [nynorskLoaded, setNynorskLoaded] = useState(() => i18n.hasResourceBundle('nn', 'common'));
  useEffect(() => {
    if (!wantsNynorsk || nynorskLoaded) return;
    let current = true;
    loadLanguage(i18n, 'nn').then(
      () => current && setNynorskLoaded(true),
      () => undefined, // could not load (offline before the app was cached): no suggestion
    );
    return () => {
      current = false;
    };
  }, [wantsNynorsk, nynorskLoaded, i18n]);
  const suggestNynorsk = wantsNynorsk && nynorskLoaded;

  function validate(): FieldErrors {
    const e: FieldErrors = {};
    if (municipality === '') e.municipality = t('start.errors.municipality');
    if (municipality === OTHER) {
      if (otherName.trim() === '') e.otherName = t('start.errors.otherName');
      if (!isValidMunicipalityNumber(otherNumber.trim()))
        e.otherNumber = t('start.errors.otherNumber');
    }
    if (role === '') e.role = t('start.errors.role');
    if (round === '') e.round = t('start.errors.round');
    if (!/^\d{4}-\d{2}-\d{2}$/.test(date) || Number.isNaN(Date.parse(date)))
      e.date = t('start.errors.date');
    if (period.trim() !== '' && !PERIOD_PATTERN.test(period.trim()))
      e.period = t('start.errors.period');
    return e;
  }

  function onSubmit(event: FormEvent) {
    event.preventDefault();
    const e = validate();
    setErrors(e);
    setSubmitted(true);
    if (Object.keys(e).length > 0 || role === '' || round === '') {
      requestAnimationFrame(() => document.getElementById('start-errors')?.focus());
      return;
    }
    const chosen =
      municipality === OTHER
        ? { number: otherNumber.trim(), name: otherName.trim() }
        : { number: network!.number, name: network!.name };
    startResponse({
      municipality: chosen,
      role,
      gathering: { period: period.trim() || yearOf(date), round, date },
      initials: initials.trim(),
      questionnaire: { id: questionnaire.id, version: questionnaire.version },
    });
    navigate({ name: 'assessment', areaId: questionnaire.areas[0]!.id });
  }

  const errorList = Object.entries(errors).filter(([, v]) => v) as [keyof FieldErrors, string][];
  const fieldIds: Record<keyof FieldErrors, string> = {
    municipality: selectId,
    otherName: 'other-name',
    otherNumber: 'other-number',
    role: 'role-politician',
    round: 'round-1',
    date: 'gathering-date',
    period: 'gathering-period',
  };

  return (
    <section className="page start-page">
      <Heading level={1} data-size="xl">
        {t('start.title')}
      </Heading>
      {hasResponses && (
        <Suspense fallback={null}>
          <UnfinishedResponses />
        </Suspense>
      )}
      <Paragraph data-size="lg" className="lead">
        {localize(questionnaire.intro, language)}
      </Paragraph>
      <ul className="facts">
        <li>
          {t('start.factTime', {
            count: questionnaire.statements.length,
            areas: t('counts.areas', { count: questionnaire.areas.length }),
          })}
        </li>
        <li>{t('start.factPrivacy')}</li>
        <li>{t('start.factSaving')}</li>
      </ul>

      {parsedInvite && !parsedInvite.ok && (
        <Alert data-color="warning" className="notice">
          <Paragraph>{t(`invite.errors.${parsedInvite.error}`)}</Paragraph>
        </Alert>
      )}
      {invite && (
        <Alert data-color="info" className="notice" data-testid="invite-notice">
          <Paragraph>
            {t('invite.opened', {
              round: invite.round,
              date: formatDate(invite.date, language),
            })}
            {invite.email && ` ${t('invite.sendTo', { email: invite.email })}`}
          </Paragraph>
          {invitedKey !== '' &&
            questionnaireKey === invitedKey &&
            !choices.some((q) => `${q.id}@${q.version}` === invitedKey) && (
              <Paragraph>{t('invite.unknownQuestionnaire')}</Paragraph>
            )}
        </Alert>
      )}

      {hasResponses && (
        <Suspense fallback={null}>
          <ResponseList />
        </Suspense>
      )}

      <form
        ref={formRef}
        className="start-form"
        onSubmit={onSubmit}
        noValidate
        aria-labelledby="new-response-heading"
      >
        <Heading level={2} data-size="md" id="new-response-heading">
          {t('start.newResponse')}
        </Heading>

        {submitted && errorList.length > 0 && (
          <ErrorSummary id="start-errors" tabIndex={-1}>
            <ErrorSummary.Heading>{t('start.errors.heading')}</ErrorSummary.Heading>
            <ErrorSummary.List>
              {errorList.map(([field, message]) => (
                <ErrorSummary.Item key={field}>
                  <ErrorSummary.Link
                    href={`#${fieldIds[field]}`}
                    onClick={(e) => {
                      e.preventDefault();
                      document.getElementById(fieldIds[field])?.focus();
                    }}
                  >
                    {message}
                  </ErrorSummary.Link>
                </ErrorSummary.Item>
              ))}
            </ErrorSummary.List>
          </ErrorSummary>
        )}

        {choices.length > 1 && (
          <SelectField
            className="field"
            label={t('start.questionnaire')}
            value={`${questionnaire.id}@${questionnaire.version}`}
            onChange={(e) => setQuestionnaireKey(e.target.value)}
            choices={choices.map((q) => ({
              value: `${q.id}@${q.version}`,
              label: `${localize(q.title, language)} (${t('custom.version', { version: q.version })})`,
            }))}
          />
        )}

        <SelectField
          id={selectId}
          className="field"
          label={t('start.municipality')}
          data-testid="start-municipality"
          name="municipality"
          value={municipality}
          error={errors.municipality}
          onChange={(e) => setMunicipality(e.target.value)}
          empty={t('start.chooseMunicipality')}
          choices={[
            ...NETWORK_MUNICIPALITIES.map((m) => ({
              value: m.number,
              label: `${m.name} (${m.number})`,
            })),
            { value: OTHER, label: t('start.otherMunicipality') },
          ]}
        />

        {suggestNynorsk && (
          <Alert data-color="info" className="notice">
            <Paragraph lang="nn">
              {t('start.nynorskSuggestion', { name: network.name, lng: 'nn' })}
            </Paragraph>
            <Button variant="secondary" data-size="sm" lang="nn" onClick={() => setLanguage('nn')}>
              {t('start.switchToNynorsk', { lng: 'nn' })}
            </Button>
          </Alert>
        )}

        {municipality === OTHER && (
          <div className="field-row">
            <TextField
              id="other-name"
              label={t('start.otherName')}
              value={otherName}
              autoComplete="off"
              onChange={(e) => setOtherName(e.target.value)}
              error={errors.otherName}
            />
            <TextField
              id="other-number"
              label={t('start.otherNumber')}
              description={t('start.otherNumberHelp')}
              value={otherNumber}
              inputMode="numeric"
              maxLength={4}
              autoComplete="off"
              onChange={(e) => setOtherNumber(e.target.value)}
              error={errors.otherNumber}
            />
          </div>
        )}

        <Fieldset>
          <Fieldset.Legend>{t('start.role')}</Fieldset.Legend>
          <Fieldset.Description>{t('start.roleHelp')}</Fieldset.Description>
          <div className="choice-grid">
            {ROLES.map((r) => (
              <RadioOption
                key={r}
                id={`role-${r}`}
                data-testid={`role-${r}`}
                name="role"
                value={r}
                label={t(`roles.${r}`)}
                checked={role === r}
                onChange={() => setRole(r)}
              />
            ))}
          </div>
          {errors.role && <ValidationMessage>{errors.role}</ValidationMessage>}
        </Fieldset>

        <Fieldset>
          <Fieldset.Legend>{t('start.gathering')}</Fieldset.Legend>
          <div className="choice-grid">
            {GATHERING_ROUNDS.map((n) => (
              <RadioOption
                key={n}
                id={`round-${n}`}
                data-testid={`round-${n}`}
                name="round"
                value={String(n)}
                label={t('start.gatheringRound', { round: n })}
                checked={round === n}
                onChange={() => setRound(n)}
              />
            ))}
          </div>
          {errors.round && <ValidationMessage>{errors.round}</ValidationMessage>}
        </Fieldset>

        <div className="field-row">
          <TextField
            id="gathering-date"
            type="date"
            name="date"
            label={t('start.gatheringDate')}
            value={date}
            onChange={(e) => setDate(e.target.value)}
            error={errors.date}
          />
          <TextField
            id="gathering-period"
            name="period"
            label={t('start.period')}
            description={t('start.periodHelp', { year: yearOf(date) || '–' })}
            value={period}
            maxLength={20}
            autoComplete="off"
            onChange={(e) => setPeriod(e.target.value)}
            error={errors.period}
          />
          <TextField
            id="initials"
            name="initials"
            label={t('start.initials')}
            description={t('start.initialsHelp')}
            value={initials}
            maxLength={5}
            autoComplete="off"
            onChange={(e) => setInitials(e.target.value)}
          />
        </div>

        <Button type="submit" data-testid="start-submit">
          {t('start.begin')}
        </Button>
      </form>
      <CustomQuestionnaire />
    </section>
  );
}
