import type {
  Assessment,
  ComparabilityGrade,
  Confidence,
  Direction,
  DisaggregationDimension,
  Judgement,
  ObsStatus,
  ProgressStatus,
  Role,
  WorkflowState,
} from '@fourp/domain';
import { m } from '$lib/paraglide/messages.js';
import type { INDICATOR_TABS } from '$lib/url-state';

/** A message that takes no parameters; values known only at run time pick one through the maps below. */
export type Label = () => string;

export const GRADE_LABEL: Record<ComparabilityGrade | 'none', Label> = {
  A: m.grade_A,
  B: m.grade_B,
  C: m.grade_C,
  none: m.grade_none,
};
export const gradeLabel = (grade: ComparabilityGrade | null): string => GRADE_LABEL[grade ?? 'none']();

export const CONFIDENCE_LABEL: Record<Confidence, Label> = {
  none: m.confidence_none,
  low: m.confidence_low,
  medium: m.confidence_medium,
  high: m.confidence_high,
};

export const ASSESSMENT_LABEL: Record<Assessment, Label> = {
  higher: m.assessment_higher,
  lower: m.assessment_lower,
  similar: m.assessment_similar,
  indistinguishable: m.assessment_indistinguishable,
  not_assessed: m.assessment_not_assessed,
};

export const JUDGEMENT_LABEL: Record<Judgement, Label> = {
  better: m.judgement_better,
  worse: m.judgement_worse,
};

export const DIRECTION_LABEL: Record<Direction, Label> = {
  higher_is_better: m.direction_higher_is_better,
  lower_is_better: m.direction_lower_is_better,
  neutral: m.direction_neutral,
};

export const STATUS_LABEL: Record<Exclude<ObsStatus, 'A'>, Label> = {
  E: m.common_status_E,
  P: m.common_status_P,
  B: m.common_status_B,
  U: m.common_status_U,
  D: m.common_status_D,
};

export const FLAG_LABEL: Record<string, Label> = {
  numerator_exceeds_denominator: m.flag_numerator_exceeds_denominator,
};

export const TAB_LABEL: Record<(typeof INDICATOR_TABS)[number], Label> = {
  chart: m.indicator_tab_chart,
  table: m.indicator_tab_table,
  about: m.indicator_tab_about,
  sources: m.indicator_tab_sources,
};

export const ROLE_LABEL: Record<Role, Label> = {
  admin: m.role_admin,
  provincial_reviewer: m.role_provincial_reviewer,
  district_official: m.role_district_official,
  donor: m.role_donor,
  researcher: m.role_researcher,
};

export const STATE_LABEL: Record<WorkflowState, Label> = {
  draft: m.workflow_state_draft,
  submitted: m.workflow_state_submitted,
  approved: m.workflow_state_approved,
  published: m.workflow_state_published,
  rejected: m.workflow_state_rejected,
};

export const DIMENSION_LABEL: Record<DisaggregationDimension, Label> = {
  sex: m.dimension_sex,
  age_group: m.dimension_age_group,
  exploitation_form: m.dimension_exploitation_form,
  nationality: m.dimension_nationality,
  route: m.dimension_route,
  tehsil: m.dimension_tehsil,
  agency: m.dimension_agency,
  partner_country: m.dimension_partner_country,
  incident: m.dimension_incident,
};

export const CHANGE_LABEL: Record<'added' | 'corrected' | 'withdrawn', Label> = {
  added: m.data_added,
  corrected: m.data_corrected,
  withdrawn: m.data_withdrawn,
};

export const PROGRESS_STATUS_LABEL: Record<ProgressStatus, Label> = {
  target_achieved: m.progress_status_target_achieved,
  substantial_progress: m.progress_status_substantial_progress,
  moderate_progress: m.progress_status_moderate_progress,
  limited_progress: m.progress_status_limited_progress,
  deterioration: m.progress_status_deterioration,
};
