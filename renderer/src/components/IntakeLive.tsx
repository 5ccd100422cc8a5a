import { Button, Checkbox, Form, InputNumber } from 'antd';
import { useEffect, useState, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import {
  EXEMPTION_CATEGORY_LABELS,
  type DeskErrorShape,
  type FeeQuote,
  type IntakePreview,
  type Procedure,
} from '../../../electron/contract';
import { call } from '../api';
import { formatDateTime, formatVnd } from '../lib/format';
import { useDebounced } from '../lib/useDebounced';
import { toFeeInput, type FeeValues } from '../lib/intake';

/** How often the "due if received now" date is refreshed while the screen stays open. */
const REFRESH_MS = 60_000;

/**
 * Under the procedure's summary on the intake: the due date if the dossier were received now, the inputs the fee
 * depends on (pages, copies, exemptions) and the fee itself, recomputed by the desk (previewIntake) as they change.
 * `scannedPages` (the pages of the scans attached so far) is offered for a fee counted per page, so nobody recounts.
 */
/**
 * The desk's preview (fee and due date) for a procedure and the fee's inputs, asked 250 ms after they last changed and
 * again whenever `tick` moves. An answer about another procedure is never given; one about older inputs comes with
 * `stale` until the new one arrives.
 */
export function useIntakePreview(procedureId: string, feeValues: FeeValues | undefined, tick = 0) {
  const request = JSON.stringify({ procedureId, fee: toFeeInput(feeValues) });
  const debounced = useDebounced(request, 250);
  const [answer, setAnswer] = useState<{ request: string; preview?: IntakePreview; error?: DeskErrorShape }>();
  useEffect(() => {
    let live = true;
    void call('previewIntake', JSON.parse(debounced) as { procedureId: string }).then((r) => {
      if (live) setAnswer(r.ok ? { request: debounced, preview: r.value } : { request: debounced, error: r.error });
    });
    return () => {
      live = false;
    };
  }, [debounced, tick]);
  const sameProcedure = answer !== undefined && (JSON.parse(answer.request) as { procedureId: string }).procedureId === procedureId;
  return {
    preview: sameProcedure ? answer.preview : undefined,
    error: sameProcedure ? answer.error : undefined,
    stale: answer?.request !== request,
  };
}

/**
 * The inputs a procedure's fee depends on (pages and copies when it counts them, the exemptions it allows), as form
 * fields under `prefix`; nothing for a procedure whose fee depends on none. `pagesExtra` goes under the pages field.
 */
export function FeeInputs({ procedure, prefix, pagesExtra }: { procedure: Procedure; prefix: string[]; pagesExtra?: ReactNode }) {
  const { t } = useTranslation();
  const rule = procedure.fee;
  const exemptions = rule.kind === 'free' ? [] : rule.exemptions;
  if (rule.kind !== 'per_page' && rule.kind !== 'per_copy' && exemptions.length === 0) return null;
  return (
    <div className="fee-inputs">
      {rule.kind === 'per_page' && (
        <Form.Item label={t('intake.pages')} name={[...prefix, 'pages']} className="fee-count" extra={pagesExtra}>
          <InputNumber min={1} max={100_000} precision={0} />
        </Form.Item>
      )}
      {(rule.kind === 'per_page' || rule.kind === 'per_copy') && (
        <Form.Item label={t('intake.copies')} name={[...prefix, 'copies']} className="fee-count">
          <InputNumber min={1} max={10_000} precision={0} />
        </Form.Item>
      )}
      {exemptions.length > 0 && (
        <Form.Item label={t('intake.exemptions')} name={[...prefix, 'categories']} className="fee-exemptions">
          <Checkbox.Group
            options={exemptions.map((e) => ({
              value: e.category,
              label: <span title={e.note}>{EXEMPTION_CATEGORY_LABELS[e.category]}</span>,
            }))}
          />
        </Form.Item>
      )}
    </div>
  );
}

export function IntakeLive({ procedure, scannedPages = 0 }: { procedure: Procedure; scannedPages?: number }) {
  const { t } = useTranslation();
  const form = Form.useFormInstance();
  const feeValues = Form.useWatch('fee', form) as FeeValues | undefined;
  const [tick, setTick] = useState(0);
  useEffect(() => {
    const timer = window.setInterval(() => setTick((n) => n + 1), REFRESH_MS);
    return () => window.clearInterval(timer);
  }, []);
  const { preview, error, stale } = useIntakePreview(procedure.id, feeValues, tick);

  return (
    <section className="intake-live" aria-label={t('intake.dueIfNow')}>
      <div className="live-row">
        <span className="live-label">{t('intake.dueIfNow')}:</span>{' '}
        <strong className="live-due" data-testid="due-if-now">
          {preview ? formatDateTime(preview.dueAt) : '…'}
        </strong>
      </div>

      <FeeInputs
        procedure={procedure}
        prefix={['fee']}
        pagesExtra={
          scannedPages > 0 && feeValues?.pages !== scannedPages ? (
            <Button type="link" size="small" className="use-scanned" onClick={() => form.setFieldValue(['fee', 'pages'], scannedPages)}>
              {t('intake.useScannedPages', { n: scannedPages })}
            </Button>
          ) : undefined
        }
      />

      <div className={stale ? 'fee-result stale' : 'fee-result'} role="status" aria-live="polite">
        <span className="live-label">{t('intake.feeToPay')}:</span>{' '}
        {preview?.fee ? (
          <FeeAmount fee={preview.fee} />
        ) : preview?.feeProblem ? (
          <span className="fee-problem">{preview.feeProblem.message}</span>
        ) : error ? (
          <span className="fee-problem">{error.message}</span>
        ) : (
          '…'
        )}
      </div>
      {preview?.fee && preview.fee.lines.length > 0 && (
        <ul className="fee-lines" aria-label={t('intake.feeLines')}>
          {preview.fee.lines.map((l, i) => (
            <li key={i}>
              <span>{l.label}</span>
              <span className="fee-line-sum">
                {l.unit ? `${l.quantity} ${l.unit} × ${formatVnd(l.unitPrice)} = ` : ''}
                {formatVnd(l.amount)}
              </span>
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}

/** "10.000 đ (Mười nghìn đồng)", the exemption, and a flag when the amount is not confirmed. */
export function FeeAmount({ fee }: { fee: FeeQuote }) {
  const { t } = useTranslation();
  if (fee.gross === 0 && fee.lines.length === 0) return <strong className="fee-amount">{t('intake.feeFree')}</strong>;
  return (
    <>
      <strong className="fee-amount" data-testid="fee-amount">
        {formatVnd(fee.amount)}
      </strong>{' '}
      <span className="fee-words">({fee.words})</span>
      {fee.exemptedBy && <span className="fee-exempted"> · {t('intake.feeExempted', { who: fee.exemptedBy })}</span>}
      {fee.uncertain && (
        <span className="fee-uncertain" title={fee.uncertainNote ?? undefined}>
          {t('intake.feeUncertain')}
        </span>
      )}
    </>
  );
}
