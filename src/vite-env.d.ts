/// <reference types="vite/client" />
declare const __APP_VERSION__: string;

/** A questionnaire version built as the delta from another (vite.config.ts, questionnaireDelta). */
declare module '*?delta-of=v2' {
  const questionnaire: unknown;
  export default questionnaire;
}
