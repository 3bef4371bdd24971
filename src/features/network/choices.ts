/* What the network views list again and again: choices for a select, columns for a table. */
import { localize } from '../../domain/questionnaire/localize';
import type { Locale, Municipality } from '../../domain/core/types';
import type { Questionnaire } from '../../domain/questionnaire/schema';
import { keyOfGathering, type GatheringId } from '../../domain/core/gatherings';
import type { Choice } from '../../ui/fields';
import type { Column } from '../../ui/data-table';

/** The questionnaire's areas as choices of a select, in the questionnaire's order. */
export function areaChoices(q: Questionnaire, language: Locale): Choice[] {
  return q.areas.map((a) => ({ value: a.id, label: localize(a.title, language) }));
}

/** Municipalities as choices of a select, by number, each under the name `name` gives it. */
export function municipalityChoices(
  municipalities: readonly Municipality[],
  name: (m: Municipality) => string,
): Choice[] {
  return municipalities.map((m) => ({ value: m.number, label: name(m) }));
}

/** One numeric table column per gathering, keyed by the gathering, headed as `label` says. */
export function gatheringColumns(
  gatherings: readonly GatheringId[],
  label: (g: GatheringId) => string,
): Column[] {
  return gatherings.map((g) => ({ key: keyOfGathering(g), label: label(g), numeric: true }));
}
