/** The postal methods' names, zod-free for the preload (see method-names.ts). */
export const POSTAL_METHOD_NAMES = [
  'getPostalTariff',
  'savePostalTariff',
  'quotePostage',
  'listProvinces',
  'createShipment',
  'updateShipment',
  'listShipments',
  'createManifest',
  'listManifests',
  'getManifest',
] as const;
