import { describe, expect, it } from 'vitest';
import { applyWorkflowEvent, type WorkflowEvent, type WorkflowSnapshot } from './workflow.js';

const snap = (state: WorkflowSnapshot['state'], locked = false, submittedBy: string | null = null) => ({
  state,
  locked,
  submittedBy,
});
const ev = (type: WorkflowEvent['type'], actorId = 'official', reason?: string): WorkflowEvent => ({
  type,
  actorId,
  reason,
});

describe('applyWorkflowEvent', () => {
  it('walks a figure from draft to published', () => {
    let s: WorkflowSnapshot = snap('draft');
    for (const event of [ev('submit', 'official'), ev('approve', 'reviewer'), ev('publish', 'reviewer')]) {
      const result = applyWorkflowEvent(s, event);
      if (!result.ok) throw new Error(result.error.message);
      s = result.value;
    }
    expect(s).toEqual({ state: 'published', locked: true, submittedBy: 'official' });
  });

  it.each<[string, WorkflowSnapshot, WorkflowEvent, string]>([
    ['approve own submission', snap('submitted', false, 'a'), ev('approve', 'a'), 'same_person'],
    [
      'approve a figure one entered',
      { ...snap('submitted', false, 'a'), createdBy: 'b', lastEditedBy: 'a' },
      ev('approve', 'b'),
      'same_person',
    ],
    [
      'approve a figure one last changed',
      { ...snap('submitted', false, 'a'), createdBy: 'a', lastEditedBy: 'b' },
      ev('approve', 'b'),
      'same_person',
    ],
    ['approve a draft', snap('draft'), ev('approve', 'b'), 'invalid_transition'],
    ['publish a submitted figure', snap('submitted', false, 'a'), ev('publish', 'b'), 'invalid_transition'],
    ['reject without reason', snap('submitted', false, 'a'), ev('reject', 'b'), 'reason_required'],
    [
      'reject with a blank reason',
      snap('submitted', false, 'a'),
      ev('reject', 'b', '    '),
      'reason_required',
    ],
    ['edit a locked approved figure', snap('approved', true, 'a'), ev('edit', 'a'), 'locked'],
    ['edit a submitted figure', snap('submitted', false, 'a'), ev('edit', 'a'), 'invalid_transition'],
    ['unlock without reason', snap('approved', true, 'a'), ev('unlock', 'b'), 'reason_required'],
    [
      'unlock an unlocked figure',
      snap('approved', false, 'a'),
      ev('unlock', 'b', 'typo in value'),
      'invalid_transition',
    ],
    ['unlock a draft', snap('draft'), ev('unlock', 'b', 'typo in value'), 'invalid_transition'],
    ['submit a published figure', snap('published', true, 'a'), ev('submit', 'a'), 'invalid_transition'],
  ])('refuses to %s', (_name, snapshot, event, code) => {
    const result = applyWorkflowEvent(snapshot, event);
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.error.code).toBe(code);
  });

  it.each<[string, WorkflowSnapshot, WorkflowEvent, WorkflowSnapshot]>([
    [
      'reject back to submitter',
      snap('submitted', false, 'a'),
      ev('reject', 'b', 'wrong year'),
      snap('rejected', false, 'a'),
    ],
    [
      'resubmit after rejection',
      snap('rejected', false, 'a'),
      ev('submit', 'a'),
      snap('submitted', false, 'a'),
    ],
    ['edit a rejected figure', snap('rejected', false, 'a'), ev('edit', 'a'), snap('rejected', false, 'a')],
    ['approve locks', snap('submitted', false, 'a'), ev('approve', 'b'), snap('approved', true, 'a')],
    [
      'approve by a fourth person',
      { ...snap('submitted', false, 'a'), createdBy: 'c', lastEditedBy: 'd' },
      ev('approve', 'b'),
      { ...snap('approved', true, 'a'), createdBy: 'c', lastEditedBy: 'd' },
    ],
    [
      'unlock keeps the state',
      snap('published', true, 'a'),
      ev('unlock', 'b', 'typo in value'),
      snap('published', false, 'a'),
    ],
    [
      'edit after unlock returns to draft',
      snap('published', false, 'a'),
      ev('edit', 'c'),
      snap('draft', false, 'a'),
    ],
    [
      'submitter changes on resubmission',
      snap('draft', false, 'a'),
      ev('submit', 'c'),
      snap('submitted', false, 'c'),
    ],
  ])('allows: %s', (_name, snapshot, event, expected) => {
    expect(applyWorkflowEvent(snapshot, event)).toEqual({ ok: true, value: expected });
  });
});
