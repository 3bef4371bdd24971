import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Alert, Button, Paragraph } from '@digdir/designsystemet-react';
import type { Questionnaire } from '../../domain/questionnaire/schema';
import { localize } from '../../domain/questionnaire/localize';
import { BUNDLED_QUESTIONNAIRES } from '../../lib/questionnaires';
import { readFileBytes } from '../../lib/read-file';
import { useAppStore } from '../../store/store-context';
import { FilePicker } from '../../ui/fields';

type Outcome =
  | { ok: true; questionnaire: Questionnaire }
  | { ok: false; code: 'notJson' | 'invalid' | 'bundled' | 'tooLarge'; issues: string[] };

const MAX_BYTES = 2 * 1024 * 1024;

async function check(file: File): Promise<Outcome> {
  if (file.size > MAX_BYTES) return { ok: false, code: 'tooLarge', issues: [] };
  const text = new TextDecoder().decode(await readFileBytes(file)).replace(/^\uFEFF/, '');
  let result;
  if (/\.csv$/i.test(file.name)) {
    // The spreadsheet reader is loaded only when a CSV is chosen.
    const { questionnaireFromCsv } = await import('../../domain/files/questionnaire-csv');
    const csv = questionnaireFromCsv(text);
    if (!csv.ok) {
      return {
        ok: false,
        code: 'invalid',
        issues: csv.issues.map(
          (i) =>
            [i.row !== null ? `row ${i.row}` : null, i.column, i.path].filter(Boolean).join(', ') +
            `: ${i.message}`,
        ),
      };
    }
    result = { ok: true as const, questionnaire: csv.questionnaire };
  } else {
    let data: unknown;
    try {
      data = JSON.parse(text);
    } catch {
      return { ok: false, code: 'notJson', issues: [] };
    }
    // The schema (zod) is loaded only when a file is chosen, not with the first screen.
    const { parseQuestionnaire } = await import('../../domain/questionnaire/schema');
    const parsed = parseQuestionnaire(data);
    if (!parsed.ok)
      return {
        ok: false,
        code: 'invalid',
        issues: parsed.issues.map((i) => `${i.path}: ${i.message}`),
      };
    result = parsed;
  }
  const q = result.questionnaire;
  if (BUNDLED_QUESTIONNAIRES.some((b) => b.id === q.id && b.version === q.version)) {
    return { ok: false, code: 'bundled', issues: [] };
  }
  return { ok: true, questionnaire: q };
}

/** Loading a questionnaire of one's own: the inside of CustomQuestionnaire, loaded when opened. */
export default function CustomQuestionnaireBody() {
  const { t } = useTranslation();
  const language = useAppStore((s) => s.language);
  const custom = useAppStore((s) => s.customQuestionnaires);
  const add = useAppStore((s) => s.addCustomQuestionnaire);
  const remove = useAppStore((s) => s.removeCustomQuestionnaire);
  const [outcome, setOutcome] = useState<Outcome | null>(null);
  const [fileName, setFileName] = useState('');

  return (
    <div className="custom-questionnaire">
      <Paragraph data-size="sm">{t('custom.help')}</Paragraph>
      <FilePicker
        label={t('custom.choose')}
        accept=".json,.csv,application/json,text/csv"
        onFile={(file) => {
          setFileName(file.name);
          void check(file).then((o) => {
            if (o.ok) add(o.questionnaire);
            setOutcome(o);
          });
        }}
      />
      <div aria-live="polite">
        {outcome?.ok === true && (
          <Alert data-color="success" data-size="sm">
            {t('custom.loaded', {
              title: localize(outcome.questionnaire.title, language),
              version: outcome.questionnaire.version,
              areas: t('counts.areas', { count: outcome.questionnaire.areas.length }),
              statements: t('counts.statements', {
                count: outcome.questionnaire.statements.length,
              }),
            })}
          </Alert>
        )}
        {outcome?.ok === false && (
          <Alert data-color="danger" data-size="sm">
            <Paragraph>
              <strong>{fileName}</strong>:{' '}
              {outcome.code === 'invalid'
                ? t('custom.errors.invalid', { count: outcome.issues.length })
                : t(`custom.errors.${outcome.code}`)}
            </Paragraph>
            {outcome.issues.length > 0 && (
              <ul className="custom-issues" aria-label={t('custom.issuesLabel')}>
                {outcome.issues.slice(0, 50).map((issue, i) => (
                  <li key={i}>
                    <code>{issue}</code>
                  </li>
                ))}
              </ul>
            )}
          </Alert>
        )}
      </div>
      {custom.length > 0 && (
        <ul className="custom-list" aria-label={t('custom.loadedList')}>
          {custom.map((q) => (
            <li key={`${q.id}-${q.version}`}>
              {localize(q.title, language)} ({q.id}, {t('custom.version', { version: q.version })}){' '}
              <Button
                variant="tertiary"
                data-size="sm"
                data-color="danger"
                onClick={() => remove(q.id, q.version)}
              >
                {t('custom.remove')}
              </Button>
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}
