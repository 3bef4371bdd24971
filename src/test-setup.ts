import { afterEach } from 'vitest';
import { cleanup } from '@testing-library/react';
import '@testing-library/jest-dom/vitest';
import { loadQuestionnaireTexts } from './lib/questionnaires';

// jsdom lacks CSS.escape, which Designsystemet's popover polyfill calls when its package loads.
const css = ((globalThis as { CSS?: Partial<typeof CSS> }).CSS ??= {});
css.escape ??= (value: string) => value.replace(/[^a-zA-Z0-9_-]/g, (c) => `\\${c}`);

// jsdom lacks the Web Animations API, which Designsystemet's Spinner reads to keep spinners in step.
if (!('getAnimations' in document)) Object.assign(document, { getAnimations: () => [] });

afterEach(() => {
  cleanup();
  localStorage.clear();
  window.location.hash = '';
});

// The app ships the bundled questionnaires without texts and loads a language's texts when it
// is chosen (main.tsx); component tests render in every language, so load them all here.
await Promise.all([
  loadQuestionnaireTexts('nb'),
  loadQuestionnaireTexts('nn'),
  loadQuestionnaireTexts('en'),
]);
