/** The on-time dashboard's method names, zod-free for the preload (see method-names.ts). */
export const STATS_METHOD_NAMES = ['onTimeStats'] as const;
