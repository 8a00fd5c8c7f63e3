import {
  NOTHING,
  present,
  renderMessage,
  type Locale,
  type MessageParam,
  type MessageTemplates,
} from '@civic/core';

/**
 * One phrase of a report in the language, its params through the core formatter (renderMessage);
 * an optional part given as `''` renders as nothing.
 */
export function phrase(
  templates: MessageTemplates,
  lang: Locale,
  params: Readonly<Record<string, MessageParam>> = {},
): string {
  return renderMessage(templates, lang, present(params)).replaceAll(NOTHING, '');
}

// A count with its noun's plural form is report-text.ts's, shared by every report.
export { countOf, type CountForms } from './report-text.ts';
