import {
  diffReleases,
  nextReleaseId,
  type NewReleaseRequest,
  type ReleaseChecksum,
  type ReleaseId,
} from '@fourp/domain';
import { ApiError } from '../../errors.js';
import { bumpPublishGeneration } from '../../repos/generation.js';
import { insertRelease, listReleaseFigures, listReleases, recordChecksums } from '../../repos/releases.js';
import { appendAudit } from '../../repos/workflow/audit.js';
import { inTransaction } from '../../repos/workflow/transaction.js';
import { permit, type Caller, type ServiceDeps } from '../caller.js';
import { readFigures } from '../published/read.js';
import type { ReleaseFiles } from '../../env.js';
import { say } from '../../i18n/messages.js';

export type ReleaseDeps = ServiceDeps & { suppressionK: number; exportFiles: ReleaseFiles };

async function checksumsOf(files: ReturnType<ReleaseFiles>): Promise<ReleaseChecksum[]> {
  const sums: ReleaseChecksum[] = [];
  for await (const file of files) sums.push(file);
  return sums;
}

/**
 * Records every published figure as the public sees it now (disclosure control applied) as a new numbered,
 * immutable release, with its manifest against the previous release and the SHA-256 of each export file.
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
    const figures = await readFigures({ ...deps, db: tx }, null);
    const manifest = diffReleases(previous === null ? [] : listReleaseFigures(tx, previous.id), figures);
    const changes = manifest.added.length + manifest.corrected.length + manifest.withdrawn.length;
    if (previous !== null && changes === 0) {
      throw new ApiError('conflict', say('release_nothing_new', { id: previous.id }));
    }
    const id = nextReleaseId(
      at,
      existing.map((r) => r.id),
    );
    insertRelease(
      tx,
      {
        id,
        createdAt: at.toISOString(),
        createdBy: principal.userId,
        previousId: previous?.id ?? null,
        note,
        figureCount: figures.length,
        manifest,
      },
      figures,
    );
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
          figures: figures.length,
          added: manifest.added.length,
          corrected: manifest.corrected.length,
          withdrawn: manifest.withdrawn.length,
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
