/** The on-time dashboard (QĐ 766). Filled in by the stats module. */
export const statsContract = {} as const;
