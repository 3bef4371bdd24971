import { compareText } from '../core/records';
import { ROLES, type Action, type Response, type Role } from '../core/types';
import { roleIsShown } from './role-gaps';

/**
 * Free text in the room: the delegates' comments beside their statements, and the texts of
 * actions. Who may read them is decided here, in freeTextVisibility, and nowhere else (see
 * docs/learning.md, "Free text"):
 *
 * 1. a text the facilitator has hidden (its key in `hidden`) is hidden from everyone;
 * 2. when other municipalities' names are hidden, so is their free text, which may name them;
 * 3. a municipality always sees its own;
 * 4. anything else shows.
 *
 * Comments never carry initials or respondent ids, and a comment's role is shown only where the
 * role-gap privacy rule (roleIsShown) would show the role's mean.
 */

/** What one screen may show of free text. */
export interface FreeTextView {
  /** Other municipalities' names are hidden (letters). */
  anonymised: boolean;
  /** The viewer's own municipality (kommunenummer), whose text shows even when names are hidden. */
  viewer: string | null;
  /** Keys (commentKey, actionTextKey) of the texts the facilitator has hidden. */
  hidden: ReadonlySet<string>;
}

export type FreeTextVisibility = 'shown' | 'namesHidden' | 'hiddenByFacilitator';

/** The key of one comment: one respondent's comment on one statement. */
export function commentKey(responseId: string, statementId: string): string {
  return `comment:${responseId}:${statementId}`;
}

/** The key of one action's texts (title, description, owner and follow-up notes). */
export function actionTextKey(actionId: string): string {
  return `action:${actionId}`;
}

/** THE rule: whether the free text `key` of municipality `owner` shows on this screen. */
export function freeTextVisibility(
  owner: string,
  key: string,
  view: FreeTextView,
): FreeTextVisibility {
  if (view.hidden.has(key)) return 'hiddenByFacilitator';
  if (view.anonymised && owner !== view.viewer) return 'namesHidden';
  return 'shown';
}

export type StatementComment =
  | {
      key: string;
      /** Null where fewer than MIN_ROLE_N of the role answered the statement. */
      role: Role | null;
      shown: true;
      text: string;
    }
  /** A hidden comment never carries its text, so it cannot reach the screen by mistake. */
  | { key: string; role: Role | null; shown: false; reason: Exclude<FreeTextVisibility, 'shown'> };

/** The parts of a response a comment needs: never initials. */
export type CommentSource = Pick<Response, 'id' | 'municipality' | 'respondent' | 'answers'>;

/**
 * The comments of one municipality's delegation (its counted responses at one gathering), per
 * statement id, for the statements given. A respondent "answered" a statement when the response
 * has an answer to it (a level, don't know, not relevant, or only a comment); a comment's role is
 * given where at least MIN_ROLE_N respondents of that role answered it. Within a statement,
 * comments come in ROLES order (no role last), shown before hidden, then by text, so the order
 * says nothing about who answered first. Statements without comments are absent.
 */
export function delegationComments(
  delegation: readonly CommentSource[],
  statementIds: readonly string[],
  view: FreeTextView,
): Map<string, StatementComment[]> {
  const out = new Map<string, StatementComment[]>();
  for (const statementId of statementIds) {
    const answered = new Map<Role, number>();
    for (const r of delegation) {
      if (!Object.hasOwn(r.answers, statementId)) continue;
      answered.set(r.respondent.role, (answered.get(r.respondent.role) ?? 0) + 1);
    }
    const list: StatementComment[] = [];
    for (const r of delegation) {
      if (!Object.hasOwn(r.answers, statementId)) continue;
      const text = r.answers[statementId]?.comment?.trim() ?? '';
      if (text === '') continue;
      const key = commentKey(r.id, statementId);
      const role = roleIsShown(answered.get(r.respondent.role) ?? 0) ? r.respondent.role : null;
      const visibility = freeTextVisibility(r.municipality.number, key, view);
      list.push(
        visibility === 'shown'
          ? { key, role, shown: true, text }
          : { key, role, shown: false, reason: visibility },
      );
    }
    if (list.length === 0) continue;
    const order = (c: StatementComment) => (c.role === null ? ROLES.length : ROLES.indexOf(c.role));
    list.sort(
      (a, b) =>
        order(a) - order(b) ||
        Number(b.shown) - Number(a.shown) ||
        compareText(a.shown ? a.text : '', b.shown ? b.text : '') ||
        compareText(a.key, b.key),
    );
    out.set(statementId, list);
  }
  return out;
}

/** A comment the rule shows. */
export type ShownComment = Extract<StatementComment, { shown: true }>;

/**
 * What a screen without hide buttons (the projector, a printed report) shows of a list of
 * comments: the shown ones, in their order, and how many are not shown (never whose).
 */
export function shownComments(comments: readonly StatementComment[]): {
  shown: ShownComment[];
  notShown: number;
} {
  const shown = comments.filter((c): c is ShownComment => c.shown);
  return { shown, notShown: comments.length - shown.length };
}

/**
 * An action as a screen may show it: with its texts (title, description, owner and the notes of
 * its follow-ups) blanked unless freeTextVisibility shows them. Area, status, dates and rounds
 * always show. `text` says why the texts are blank.
 */
export interface VisibleAction {
  action: Action;
  text: FreeTextVisibility;
}

export function visibleAction(action: Action, view: FreeTextView): VisibleAction {
  const text = freeTextVisibility(action.municipality.number, actionTextKey(action.id), view);
  if (text === 'shown') return { action, text };
  return {
    action: {
      ...action,
      title: '',
      description: '',
      owner: '',
      followUps: action.followUps.map((f) => ({ ...f, note: '' })),
    },
    text,
  };
}
