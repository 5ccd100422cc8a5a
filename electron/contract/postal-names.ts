/** The postal methods' names, zod-free for the preload (see method-names.ts). */
export const POSTAL_METHOD_NAMES = [] as const;
