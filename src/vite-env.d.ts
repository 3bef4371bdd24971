/// <reference types="vite/client" />
declare const __APP_VERSION__: string;

/**
 * Parts of a bundled questionnaire (vite.config.ts, questionnaireParts): `?lang=none` the
 * questionnaire without its texts, `?lang=nb` / `?lang=nn` / `?lang=en` the list of that
 * language's texts, and `?delta-of=v2` a version built as the delta from another.
 */
declare module '*lang=none' {
  const questionnaire: unknown;
  export default questionnaire;
}
declare module '*lang=nb' {
  const texts: string[];
  export default texts;
}
declare module '*lang=nn' {
  const texts: string[];
  export default texts;
}
declare module '*lang=en' {
  const texts: string[];
  export default texts;
}
declare module '*?delta-of=v2' {
  const questionnaire: unknown;
  export default questionnaire;
}
