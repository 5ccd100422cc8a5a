import type { Db } from '../db/connection';
import type { AgencyRow } from '../db/settings-repo';
import type { DossierDbRow } from '../db/dossiers-repo';

export interface PostalDeps {
  db: Db;
  clock: () => Date;
  /** The signed-in officer's id (null for the system). */
  officerId: () => number | null;
  requireAgency: () => AgencyRow;
  requireDossier: (id: number) => DossierDbRow;
  resourcesDir: string;
  fontsDir: string;
}

/** The contract methods of postal delivery. */
export function postalMethods(_deps: PostalDeps) {
  return {};
}
