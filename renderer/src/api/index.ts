export { desk, openDocument, documentUrl, uploadFile, importPackage, fileUrl, registerUrl, exportRegister, printWithDialog, printUrlWithDialog, isElectron } from './transport';
export { call, useDesk, type Query } from './hooks';
