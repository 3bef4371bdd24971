import type { SliceCreator } from './slice';

/**
 * The facilitator's choices for the room, made on this device and persisted with the settings
 * (localStorage): which comments and action texts are kept off the projector, and how many
 * responses are expected per municipality, gathering and role.
 */
export interface FacilitatorSlice {
  /**
   * Keys of comments and action texts the facilitator has hidden (commentKey, actionTextKey in
   * domain/priorities/comments.ts); freeTextVisibility reads them.
   */
  hiddenFreeText: string[];
  setFreeTextHidden: (key: string, hidden: boolean) => void;
  /** Typed expected responses, by expectedKey (domain/comparison/answered.ts). */
  expectedResponses: Record<string, number>;
  /** Sets the expected number; null goes back to the default (the previous gathering's count). */
  setExpectedResponses: (key: string, value: number | null) => void;
}

/** Most responses one role of one municipality can be expected to send. */
export const MAX_EXPECTED = 999;

export const createFacilitatorSlice: SliceCreator<FacilitatorSlice> = (set, get) => ({
  hiddenFreeText: [],
  setFreeTextHidden(key, hidden) {
    const held = get().hiddenFreeText;
    if (held.includes(key) === hidden) return;
    set({ hiddenFreeText: hidden ? [...held, key] : held.filter((k) => k !== key) });
  },
  expectedResponses: {},
  setExpectedResponses(key, value) {
    const { [key]: _old, ...rest } = get().expectedResponses;
    if (value === null || !Number.isInteger(value) || value < 0 || value > MAX_EXPECTED) {
      set({ expectedResponses: rest });
      return;
    }
    set({ expectedResponses: { ...rest, [key]: value } });
  },
});
