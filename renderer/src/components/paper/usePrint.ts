import { App as AntApp } from 'antd';
import { useCallback, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { DocumentMeta } from '../../../../electron/contract';
import { call, printWithDialog } from '../../api';
import { formLabel } from '../../lib/forms';

/**
 * "In" for a stored document: the desk prints it straight away (a silent profile: CUPS or the Windows spooler), or
 * answers "dialog" and the screen shows the print dialog, then records the print in the log (recordPrint).
 * Returns the print function, the id being printed, and calls `onPrinted` when the log changed.
 */
export function usePrintDocument(onPrinted?: () => void) {
  const { t } = useTranslation();
  const { message } = AntApp.useApp();
  const [printing, setPrinting] = useState<number | null>(null);

  const print = useCallback(
    async (doc: Pick<DocumentMeta, 'id' | 'form'>) => {
      const form = formLabel(t, doc.form);
      setPrinting(doc.id);
      try {
        const result = await call('printDocument', { documentId: doc.id });
        if (!result.ok) {
          void message.error(`${t('paper.printFailed', { form })}: ${result.error.message}`);
          return;
        }
        const outcome = result.value;
        if (outcome.method !== 'dialog') {
          void message.success(
            t('paper.printedSilent', { form, printer: outcome.printer ?? t('paper.defaultPrinter'), copies: outcome.copies }),
          );
          return;
        }
        const how = await printWithDialog(doc.id);
        if (how === 'blocked') {
          void message.warning(t('paper.printBlocked'), 8);
          return;
        }
        const logged = await call('recordPrint', { documentId: doc.id, copies: outcome.copies });
        if (!logged.ok) {
          void message.error(`${t('paper.printFailed', { form })}: ${logged.error.message}`);
          return;
        }
        void message.success(how === 'tab' ? t('paper.printedTab', { form }) : t('paper.printedDialog', { form }));
      } finally {
        setPrinting(null);
        onPrinted?.();
      }
    },
    [t, message, onPrinted],
  );

  return { print, printing };
}
