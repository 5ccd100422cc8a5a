/** The calendar's data shapes live in the contract: the Settings screen edits them through the desk. */
export * from '../../contract/calendar';
