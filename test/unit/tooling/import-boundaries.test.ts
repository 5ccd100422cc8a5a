import { ESLint } from 'eslint';
import { describe, expect, it } from 'vitest';
import { ROOT } from '../../support/desk';

/** The one-way arrows are enforced by ESLint; this proves the rule fires (and stays quiet on allowed imports). */
const eslint = new ESLint({ cwd: ROOT });
async function problems(filePath: string, code: string): Promise<string[]> {
  const [result] = await eslint.lintText(code, { filePath });
  return (result?.messages ?? []).filter((m) => /no-restricted-imports/.test(m.ruleId ?? '')).map((m) => m.message);
}

describe('import boundaries', () => {
  it.each(['electron/core/x.ts', 'electron/services/x.ts', 'electron/db/x.ts', 'electron/documents/x.ts'])(
    '%s may not import electron',
    async (file) => {
      expect(await problems(file, "import { app } from 'electron';\nvoid app;\n")).not.toHaveLength(0);
    },
  );

  it('services may not import a door', async () => {
    expect(await problems('electron/services/x.ts', "import { x } from '../main/window';\nvoid x;\n")).not.toHaveLength(0);
  });

  it('the renderer may import electron/contract only', async () => {
    const file = 'renderer/src/x.ts';
    expect(await problems(file, "import { x } from '../../electron/services/desk';\nvoid x;\n")).not.toHaveLength(0);
    expect(await problems(file, "import { x } from '../../electron/main/ipc';\nvoid x;\n")).not.toHaveLength(0);
    expect(await problems(file, "import { ipcRenderer } from 'electron';\nvoid ipcRenderer;\n")).not.toHaveLength(0);
    expect(await problems(file, "import { contract } from '../../electron/contract';\nvoid contract;\n")).toEqual([]);
  });

  it('allowed arrows pass', async () => {
    expect(await problems('electron/services/x.ts', "import { foldVietnamese } from '../core/fold';\nvoid foldVietnamese;\n")).toEqual([]);
    expect(await problems('electron/main/x.ts', "import { app } from 'electron';\nvoid app;\n")).toEqual([]);
  });
});
