import { describe, expect, it } from 'vitest';
import { TEST_TREE } from './test-support/jurisdictions.js';
import {
  ACTIONS,
  ANONYMOUS,
  authorize,
  draftAuthorOf,
  readScopeOf,
  visibleStatesFor,
  type Action,
  type Principal,
  type Role,
} from './authorisation.js';

const user = (role: Role, jurisdictionId: string | null = null): Principal => ({
  kind: 'user',
  userId: `u-${role}`,
  role,
  jurisdictionId,
});
const admin = user('admin');
const reviewer = user('provincial_reviewer');
const official = user('district_official', 'PK-PB-GUJRAT');
const donor = user('donor');
const researcher = user('researcher');

describe('authorize', () => {
  it.each<[string, Principal, Action, string | undefined, boolean]>([
    ['admin anywhere', admin, 'user.manage', undefined, true],
    ['admin approves in Italy', admin, 'observation.approve', 'IT', true],
    ['reviewer approves in Gujrat', reviewer, 'observation.approve', 'PK-PB-GUJRAT', true],
    ['reviewer approves in a tehsil', reviewer, 'observation.approve', 'PK-PB-GUJRAT-KHARIAN', true],
    ['reviewer approves for Punjab itself', reviewer, 'observation.approve', 'PK-PB', true],
    ['reviewer cannot approve for Pakistan', reviewer, 'observation.approve', 'PK', false],
    ['reviewer cannot approve for Italy', reviewer, 'observation.approve', 'IT', false],
    ['reviewer cannot manage users', reviewer, 'user.manage', undefined, false],
    ['official creates in own district', official, 'observation.create', 'PK-PB-GUJRAT', true],
    ['official creates in own tehsil', official, 'observation.create', 'PK-PB-GUJRAT-SARAI-ALAMGIR', true],
    ['official cannot create in the division', official, 'observation.create', 'PK-PB-GUJRANWALA-DIV', false],
    [
      'official cannot create in a neighbouring district',
      official,
      'observation.create',
      'PK-PB-GUJRANWALA',
      false,
    ],
    ['official cannot create for Pakistan', official, 'observation.create', 'PK', false],
    ['official cannot approve', official, 'observation.approve', 'PK-PB-GUJRAT', false],
    ['official cannot set targets', official, 'target.set', 'PK-PB-GUJRAT', false],
    ['official cannot read the audit', official, 'audit.read', undefined, false],
    ['donor reads the audit', donor, 'audit.read', undefined, true],
    ['donor cannot create', donor, 'observation.create', 'PK-PB-GUJRAT', false],
    ['researcher cannot import', researcher, 'import.run', undefined, false],
    ['researcher manages own tokens', researcher, 'token.manage', undefined, true],
  ])('%s', (_name, principal, action, jurisdictionId, allowed) => {
    const target = jurisdictionId === undefined ? {} : { jurisdictionId, tree: TEST_TREE };
    expect(authorize(principal, action, target).allowed).toBe(allowed);
  });

  it('tells anonymous callers to authenticate, for every action', () => {
    for (const action of ACTIONS) {
      expect(authorize(ANONYMOUS, action)).toMatchObject({ allowed: false, reason: 'unauthenticated' });
    }
  });

  it('forbids a district official without a jurisdiction everything scoped', () => {
    const orphan = user('district_official', null);
    expect(authorize(orphan, 'observation.create')).toMatchObject({ allowed: false, reason: 'forbidden' });
    expect(
      authorize(orphan, 'observation.create', { jurisdictionId: 'PK-PB-GUJRAT', tree: TEST_TREE }).allowed,
    ).toBe(false);
    expect(authorize(orphan, 'token.manage').allowed).toBe(true);
  });

  it('uses an explicit reviewer jurisdiction instead of Punjab', () => {
    const narrow = user('provincial_reviewer', 'PK-PB-GUJRAT');
    expect(
      authorize(narrow, 'observation.approve', { jurisdictionId: 'PK-PB', tree: TEST_TREE }).allowed,
    ).toBe(false);
    expect(
      authorize(narrow, 'observation.approve', { jurisdictionId: 'PK-PB-GUJRAT', tree: TEST_TREE }).allowed,
    ).toBe(true);
  });
});

describe('visibility', () => {
  it('shows unpublished figures only inside the principal scope', () => {
    expect(visibleStatesFor(ANONYMOUS, 'PK-PB-GUJRAT', TEST_TREE)).toEqual(['published']);
    expect(visibleStatesFor(donor, 'PK-PB-GUJRAT', TEST_TREE)).toEqual(['published']);
    expect(visibleStatesFor(official, 'PK-PB-GUJRAT', TEST_TREE)).toContain('draft');
    expect(visibleStatesFor(official, 'IT', TEST_TREE)).toEqual(['published']);
    expect(visibleStatesFor(admin, 'IT', TEST_TREE)).toContain('submitted');
  });

  it('describes the read scope as data', () => {
    expect(readScopeOf(ANONYMOUS)).toEqual({ unpublishedWithin: null });
    expect(readScopeOf(researcher)).toEqual({ unpublishedWithin: null });
    expect(readScopeOf(official)).toEqual({ unpublishedWithin: 'PK-PB-GUJRAT' });
    expect(readScopeOf(reviewer)).toEqual({ unpublishedWithin: 'PK-PB' });
    expect(readScopeOf(admin)).toEqual({ unpublishedWithin: '*' });
  });

  it('adds own unpublished figures to public reads only for those who enter figures', () => {
    expect(draftAuthorOf(ANONYMOUS)).toBeNull();
    expect(draftAuthorOf(donor)).toBeNull();
    expect(draftAuthorOf(researcher)).toBeNull();
    expect(draftAuthorOf(official)).toBe('u-district_official');
    expect(draftAuthorOf(reviewer)).toBe('u-provincial_reviewer');
    expect(draftAuthorOf(admin)).toBe('u-admin');
  });
});
