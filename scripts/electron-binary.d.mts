export type ElectronBinary = { found: true; path: string } | { found: false; reason: string };
export function findElectronBinary(root: string, env?: Readonly<Record<string, string | undefined>>): ElectronBinary;
