import type { Locale } from '@fourp/domain';
import type { Db } from './db/client.js';
import type { Solver } from './disclosure/solver.js';

export type LogFields = Record<string, unknown>;
export type Logger = {
  info: (message: string, fields?: LogFields) => void;
  error: (message: string, fields?: LogFields) => void;
};

/** The export files of a release, as `GET /v1/exports/{format}?release=` serves them; checksummed by `createRelease`. */
/** A release's files as written: each file's name, size in bytes and SHA-256 (hex). */
export type ReleaseFiles = (
  release: string,
) => AsyncIterable<{ name: string; bytes: number; sha256: string }>;

export type AppDeps = {
  db: Db;
  /** The dashboard's origin, allowed by CORS with credentials. */
  webOrigin?: string;
  logger?: Logger;
  now?: () => Date;
  /** Identifying counts from 1 to k-1 are suppressed in public reads. */
  suppressionK?: number;
  /** The LP solver of disclosure control, loaded once at startup; the process's shared instance when not given. */
  solver?: Solver;
  /**
   * The secret the dashboard sends in X-FourP-Proxy: only a request carrying it may name the client address
   * (X-Forwarded-For) that rate limits are keyed on. Null: the socket address always.
   */
  proxySecret?: string | null;
  /** The export files a new release checksums; by default the release's `/v1/observations` JSON. */
  releaseFiles?: ReleaseFiles;
};

/** What route factories receive: every dependency resolved. */
export type RouteDeps = Required<Omit<AppDeps, 'webOrigin' | 'releaseFiles'>>;

export type AppEnv = { Variables: { requestId: string; logger: Logger; locale: Locale } };
