export { desk, openDocument, documentUrl, uploadFile, importPackage, fileUrl } from './transport';
export { call, useDesk, type Query } from './hooks';
