import { WorkflowStateSchema, type WorkflowStep } from '@fourp/domain';
import type { AuditRecord } from '../../repos/workflow/audit.js';

const EVENT_BY_ACTION: Record<string, WorkflowStep['event']> = {
  'observation.create': 'create',
  'observation.import': 'import',
  'observation.update': 'edit',
  'observation.submit': 'submit',
  'observation.approve': 'approve',
  'observation.reject': 'reject',
  'observation.publish': 'publish',
  'observation.unlock': 'unlock',
};

const stateIn = (value: unknown) => {
  const parsed = WorkflowStateSchema.safeParse((value as { workflowState?: unknown } | null)?.workflowState);
  return parsed.success ? parsed.data : null;
};

/** The workflow steps of one observation, read from its audit entries, oldest first. */
export function stepsFrom(audit: AuditRecord[]): WorkflowStep[] {
  return audit.flatMap((entry) => {
    const event = EVENT_BY_ACTION[entry.action];
    const to = stateIn(entry.newValue);
    if (event === undefined || to === null) return [];
    return [
      {
        at: entry.at,
        event,
        from: stateIn(entry.oldValue),
        to,
        actorId: entry.actorId,
        actorEmail: entry.actorEmail,
        reason: entry.reason,
      },
    ];
  });
}
