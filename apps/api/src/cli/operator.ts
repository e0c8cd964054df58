import { userInfo } from 'node:os';
import { openDatabase, type OpenedDatabase } from '../db/client.js';
import { syncCatalogue } from '../repos/catalogue.js';
import { readJurisdictionFile } from '../seed/jurisdictions-file.js';
import { OPERATOR, type OperatorCaller } from '../services/caller.js';

/** The database with the catalogue in step, and the person at the command line as the caller of a verb. */
export function openAsOperator(path: string): OpenedDatabase & { operator: OperatorCaller } {
  const opened = openDatabase(path);
  syncCatalogue(opened.db, readJurisdictionFile());
  return {
    ...opened,
    operator: {
      principal: OPERATOR,
      actor: {
        userId: null,
        email: `cli:${userInfo().username}`,
        sessionId: null,
        tokenId: null,
        requestId: null,
      },
    },
  };
}
