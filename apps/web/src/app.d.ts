import type { Me } from '@fourp/domain';

declare global {
  namespace App {
    interface Error {
      message: string;
      code?: string;
      requestId?: string;
    }
    interface Locals {
      /** The signed-in user as the API knows them (with the CSRF token for writes); null when signed out. */
      user: Me | null;
      /** The publish generation this request's anonymous reads were checked against (`$lib/server/api`). */
      generation?: Promise<number>;
      /** False once the page read something that may change without a publish: it is then not replayed. */
      replayable?: boolean;
    }
  }
}

export {};
