export { desk, openDocument, documentUrl } from './transport';
export { call, useDesk, type Query } from './hooks';
