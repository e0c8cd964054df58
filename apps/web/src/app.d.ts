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
    }
  }
}

export {};
