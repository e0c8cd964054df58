import { nextReleaseId, type NewReleaseRequest, type ReleaseChecksum, type ReleaseId } from '@fourp/domain';
import { ApiError } from '../../errors.js';
import { bumpPublishGeneration } from '../../repos/generation.js';
import {
  addReleaseFigures,
  insertRelease,
  listReleases,
  recordChecksums,
  recordReleaseChanges,
} from '../../repos/releases.js';
import { appendAudit } from '../../repos/workflow/audit.js';
import { inTransaction } from '../../repos/workflow/transaction.js';
import { permit, type Caller, type ServiceDeps } from '../caller.js';
import { streamFigures } from '../published/read.js';
import type { ReleaseFiles } from '../../env.js';
import { say } from '../../i18n/messages.js';

export type ReleaseDeps = ServiceDeps & { suppressionK: number; exportFiles: ReleaseFiles };

async function checksumsOf(files: ReturnType<ReleaseFiles>): Promise<ReleaseChecksum[]> {
  const sums: ReleaseChecksum[] = [];
  for await (const file of files) sums.push(file);
  return sums;
}

const FIGURE_BATCH = 1024;

/**
 * Records every published figure as the public sees it now (disclosure control applied) as a new numbered,
 * immutable release, with its manifest against the previous release and the SHA-256 of each export file.
 * Figures are copied a keyset batch at a time and the manifest is computed in SQL, so memory stays bounded.
 */
export async function createRelease(
  deps: ReleaseDeps,
  { principal, actor }: Caller,
  { note }: NewReleaseRequest,
): Promise<ReleaseId> {
  permit(principal, 'release.create');
  const { db } = deps;
  const at = deps.now();
  const id = await inTransaction(db, async (tx) => {
    const existing = listReleases(tx);
    const previous = existing[0] ?? null;
    const id = nextReleaseId(
      at,
      existing.map((r) => r.id),
    );
    insertRelease(tx, {
      id,
      createdAt: at.toISOString(),
      createdBy: principal.userId,
      previousId: previous?.id ?? null,
      note,
    });
    let figures = 0;
    for await (const batch of streamFigures({ ...deps, db: tx }, null, {}, FIGURE_BATCH)) {
      addReleaseFigures(tx, id, batch);
      figures += batch.length;
    }
    const counts = recordReleaseChanges(tx, { id, previousId: previous?.id ?? null, figureCount: figures });
    if (previous !== null && counts.added + counts.corrected + counts.withdrawn === 0) {
      throw new ApiError('conflict', say('release_nothing_new', { id: previous.id }));
    }
    // Anonymous release reads are tagged with the publish generation, so a new release must move it on.
    bumpPublishGeneration(tx);
    await appendAudit(
      tx,
      actor,
      {
        action: 'release.create',
        entityType: 'release',
        entityId: id,
        newValue: {
          previous: previous?.id ?? null,
          figures,
          ...counts,
        },
        reason: note,
      },
      at,
    );
    return id;
  });
  // The files are written after the commit: the zip and workbook writers await real I/O, and nothing else may run
  // inside the transaction meanwhile. Checksums can be recorded once (a trigger refuses any later change).
  recordChecksums(db, id, await checksumsOf(deps.exportFiles(id)));
  return id;
}
