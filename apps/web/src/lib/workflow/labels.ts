import type { MeasureType, PillarId } from '@fourp/domain';
import type { Label } from '$lib/i18n/labels';
import { m } from '$lib/paraglide/messages.js';

export type Step = 'submit' | 'approve' | 'reject' | 'publish' | 'unlock';

export const STEP_LABEL: Record<Step, Label> = {
  submit: m.workflow_step_submit,
  approve: m.workflow_step_approve,
  reject: m.workflow_step_reject,
  publish: m.workflow_step_publish,
  unlock: m.workflow_step_unlock,
};

export const STEP_DONE: Record<Step, Label> = {
  submit: m.workflow_done_submit,
  approve: m.workflow_done_approve,
  reject: m.workflow_done_reject,
  publish: m.workflow_done_publish,
  unlock: m.workflow_done_unlock,
};

export const STEP_REASON: Record<'reject' | 'unlock', Label> = {
  reject: m.workflow_reason_reject,
  unlock: m.workflow_reason_unlock,
};

export const HISTORY_EVENT_LABEL: Record<'create' | 'import' | 'edit' | Step, Label> = {
  create: m.history_event_create,
  import: m.history_event_import,
  edit: m.history_event_edit,
  submit: m.history_event_submit,
  approve: m.history_event_approve,
  reject: m.history_event_reject,
  publish: m.history_event_publish,
  unlock: m.history_event_unlock,
};

export const VALUE_HINT: Record<
  MeasureType,
  (inputs: { unit: string; min: string | number; max: string | number }) => string
> = {
  count: m.entry_valueHint_count,
  rate_per_100k: m.entry_valueHint_rate_per_100k,
  percent: m.entry_valueHint_percent,
  currency: m.entry_valueHint_currency,
  ordinal: m.entry_valueHint_ordinal,
  yes_no: m.entry_valueHint_yes_no,
  duration: m.entry_valueHint_duration,
};

export const PILLAR_GROUP_LABEL: Record<PillarId | 'context', Label> = {
  prevention: m.entry_pillar_prevention,
  protection: m.entry_pillar_protection,
  prosecution: m.entry_pillar_prosecution,
  partnership: m.entry_pillar_partnership,
  context: m.entry_pillar_context,
};
