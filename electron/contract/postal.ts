/** Postal delivery (bưu chính công ích): tariff, quotes, shipments, manifests. Filled in by the postal module. */
export const postalContract = {} as const;
