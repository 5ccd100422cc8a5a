/**
 * The working-time calendar and the NĐ 118/2025 deadlines. Not re-exported here: ./propose and ./lunar (they load
 * @dqcai/vn-lunar, whose CommonJS entry is broken: CJS bundles must inline its lib/index.mjs); import them directly.
 */
export * from './days';
export * from './schema';
export * from './office-hours';
export * from './work-calendar';
export * from './deadlines';
export * from './periods';
export * from './validate';
export { OFFICIAL_HOLIDAY_YEARS } from './bundled';
