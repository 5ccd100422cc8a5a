import { App as AntApp, Alert, Button, Card, Descriptions, Spin } from 'antd';
import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { isResultFile, type DocumentMeta, type DossierDetail } from '../../../electron/contract';
import { call, documentUrl, openDocument, useDesk } from '../api';
import { useOfficer } from '../api/session';
import { ActionDialog, isDialogAction, isWorkAction, type DialogAction } from '../components/ActionDialog';
import { CorrectionDialog } from '../components/dossier/CorrectionDialog';
import { DocumentsList, issuedDocuments } from '../components/dossier/DocumentsList';
import { DossierMail, DossierPrintLog } from '../components/dossier/DossierLogs';
import { History } from '../components/dossier/History';
import { ResultFilesList } from '../components/dossier/ResultFiles';
import { FeeAmount } from '../components/IntakeLive';
import { PostageCalculator } from '../components/postal/PostageCalculator';
import { useFileStore } from '../components/review/fileStore';
import { ReviewPanel } from '../components/review/ReviewPanel';
import { useReview } from '../components/review/useReview';
import { StatusTag } from '../components/StatusTag';
import { canCall } from '../lib/access';
import { formatDateTime } from '../lib/format';
import { formLabel, formName } from '../lib/forms';
import { competentUnitText } from '../lib/intake';
import { onEscape } from '../lib/keys';
import { navigate } from '../lib/router';

/** Refused, withdrawn, stopped, finished, returned: nothing left to review, attach or correct. */
const CLOSED_STATUSES = new Set([3, 7, 8, 9, 10]);
/** The order of the lifecycle buttons: the likely next step first. */
const ACTION_ORDER: DialogAction[] = [
  'returnResult',
  'startProcessing',
  'finish',
  'supplementReceived',
  'obligationFulfilled',
  'requestSupplement',
  'refuse',
  'forward',
  'requestFinancialObligation',
  'proposeExtension',
  'extend',
  'returnToDesk',
  'withdraw',
  'cancelWithdrawal',
  'stop',
];
/** The steps that move the dossier on; the first of them offered is the primary button. */
const NEXT_STEPS = new Set<DialogAction>(['returnResult', 'startProcessing', 'finish', 'supplementReceived', 'obligationFulfilled']);

interface DialogState {
  type: DialogAction;
  label: string;
  requiresOverride: boolean;
  prefill?: { items: { position: number; reason: string }[]; reason: string };
}

/** The dossier without its result files (for the review), and those files apart. */
function useSplitResults(data: DossierDetail | undefined) {
  return useMemo(() => {
    if (!data) return { loaded: undefined, results: [] };
    const results = data.attachments.filter(isResultFile);
    if (results.length === 0) return { loaded: data, results };
    return { loaded: { ...data, attachments: data.attachments.filter((f) => !isResultFile(f)) }, results };
  }, [data]);
}

export function DossierScreen({ id }: { id: number }) {
  const { t } = useTranslation();
  const { message, modal } = AntApp.useApp();
  const detail = useDesk('getDossier', { id }, String(id));
  // The result's files are shown with the result, not reviewed among the components.
  const { loaded: reviewed, results: resultFiles } = useSplitResults(detail.data);
  const review = useReview(reviewed);
  const store = useFileStore(reviewed?.attachments);
  const [accepting, setAccepting] = useState(false);
  const [preparing, setPreparing] = useState<DialogAction | null>(null);
  const [actionError, setActionError] = useState<string>();
  const [blockedDocument, setBlockedDocument] = useState<DocumentMeta | null>(null);
  const [dialog, setDialog] = useState<DialogState | null>(null);
  const [correcting, setCorrecting] = useState(false);
  const procedures = useDesk('listProcedures', {});
  const officer = useOfficer();
  const headingRef = useRef<HTMLHeadingElement>(null);
  /** Bumped when a print or an e-mail may have changed the dossier's logs. */
  const [logTick, setLogTick] = useState(0);
  const bumpLogs = useCallback(() => setLogTick((n) => n + 1), []);
  const { reload: reloadDetail } = detail;
  const reloadAll = useCallback(() => {
    reloadDetail();
    setLogTick((n) => n + 1);
  }, [reloadDetail]);

  useEffect(() => onEscape(() => navigate({ name: 'queue' })), []);

  const code = detail.data?.dossier.code;
  useEffect(() => {
    document.title = `${code ?? t('dossier.info')} — ${t('app.name')}`;
  }, [code, t]);

  // Land keyboard focus on the page title (not on "Tiếp nhận": a stray Enter must not accept a dossier).
  const loaded = detail.data !== undefined;
  useEffect(() => {
    if (loaded) headingRef.current?.focus();
  }, [loaded]);

  /** Opens what an action just issued (Mẫu 02, 03, a reissued 01…); a blocked popup leaves a link instead. */
  const openIssued = (before: DossierDetail, after: DossierDetail): DocumentMeta | undefined => {
    const [doc] = issuedDocuments(before.documents, after.documents);
    if (doc && !openDocument(doc.id)) setBlockedDocument(doc);
    return doc;
  };

  /** Unsaved verdicts are saved before a decision, so the record shows what the decision was based on. */
  const saveReviewFirst = async (): Promise<boolean> => {
    if (review.dirty.length === 0) return true;
    const saved = await review.save();
    if (saved === undefined) {
      void message.error(t('review.saveFirst'));
      document.querySelector('.review-card')?.scrollIntoView({ block: 'start', behavior: 'smooth' });
      return false;
    }
    return true;
  };

  const accept = async () => {
    setActionError(undefined);
    setBlockedDocument(null);
    setAccepting(true);
    if (!(await saveReviewFirst())) {
      setAccepting(false);
      return;
    }
    const result = await call('acceptDossier', { id });
    setAccepting(false);
    if (!result.ok) {
      setActionError(result.error.message);
      detail.reload();
      return;
    }
    void message.success(t('dossier.accepted'));
    detail.reload();
    if (!openDocument(result.value.document.id)) setBlockedDocument(result.value.document);
  };

  const confirmAccept = () => {
    const n = review.problems.length;
    if (n === 0) {
      void accept();
      return;
    }
    modal.confirm({
      title: t('dossier.acceptAnyway.title'),
      content: t('dossier.acceptAnyway.body', { n }),
      okText: t('dossier.acceptAnyway.ok'),
      cancelText: t('dossier.acceptAnyway.cancel'),
      onOk: () => void accept(),
    });
  };

  const startAction = async (type: DialogAction, label: string, requiresOverride: boolean) => {
    setActionError(undefined);
    setBlockedDocument(null);
    if (type !== 'requestSupplement') {
      setDialog({ type, label, requiresOverride });
      return;
    }
    // The supplement request is built from the review: every component marked thiếu or không hợp lệ, with its reason.
    setPreparing(type);
    const ok = await saveReviewFirst();
    setPreparing(null);
    if (!ok) return;
    const items = review.problems.map((p) => ({
      position: p.component.position,
      reason: p.reason || t(`action.defaultItemReason.${p.verdict}`),
    }));
    setDialog({
      type,
      label,
      requiresOverride,
      prefill: items.length > 0 ? { items, reason: t('action.supplementReasonDefault') } : undefined,
    });
    if (review.dirty.length > 0) detail.reload();
  };

  if (detail.data === undefined) {
    return (
      <div className="dossier-screen">
        <BackButton />
        {detail.error ? (
          <Alert type="warning" showIcon title={t('dossier.notFound')} description={detail.error.message} className="form-alert" />
        ) : (
          <div className="loading-block">
            <Spin description={t('app.loading')} />
          </div>
        )}
      </div>
    );
  }

  const data = reviewed ?? detail.data;
  const { dossier, documents, events, fee, lifecycle, portal } = data;
  const open = !CLOSED_STATUSES.has(dossier.status);
  // What the officer's role may do here (a specialist neither reviews, attaches nor corrects: the desk does).
  const may = (method: 'correctDossier' | 'reviewComponents' | 'attachFiles' | 'acceptDossier') => !officer || canCall(officer.role, method);
  const canCorrect = open && dossier.acceptedAt !== null && !lifecycle.decided && may('correctDossier');
  const problems = review.problems.length;
  const actions = data.actions
    .filter((a) => isDialogAction(a.type))
    .sort((a, b) => ACTION_ORDER.indexOf(a.type as DialogAction) - ACTION_ORDER.indexOf(b.type as DialogAction));
  const nextStep = actions.find((a) => NEXT_STEPS.has(a.type as DialogAction))?.type;
  const procedure = procedures.data?.find((p) => p.id === dossier.procedureId);
  const forwardDefault = procedure
    ? { to: procedure.competentUnit.kind === 'ward_role' ? ('specialist' as const) : ('external' as const), recipient: competentUnitText(procedure) }
    : undefined;
  const remaining = lifecycle.remainingWorkingMinutes;

  return (
    <div className="dossier-screen">
      <div className="screen-head">
        <div className="dossier-title">
          <BackButton />
          <h1 className="page-title" tabIndex={-1} ref={headingRef}>
            <span className="mono" data-testid="dossier-code">
              {dossier.code}
            </span>
          </h1>
          <StatusTag status={dossier.status} />
        </div>
        {dossier.status === 1 && may('acceptDossier') && (
          <div className="head-actions">
            {problems > 0 ? (
              <span className="keys-hint accept-hint review-warning" role="status">
                {t('dossier.reviewProblems', { n: problems })}
              </span>
            ) : (
              <span className="keys-hint accept-hint">{t('dossier.acceptHint')}</span>
            )}
            <Button type={problems > 0 ? 'default' : 'primary'} size="large" loading={accepting} onClick={confirmAccept}>
              {t('dossier.accept')}
            </Button>
          </div>
        )}
      </div>

      <div className="dossier-bar">
        <p className="lifecycle-line" data-testid="lifecycle">
          {dossier.register && (
            <span className="register-no" data-testid="register-no">
              {t('paper.registerNoLine', { no: dossier.register.no, year: dossier.register.year })}
            </span>
          )}
          <span>
            {t('dossier.holder')}: <strong>{t(`holder.${lifecycle.holder}`)}</strong>
          </span>
          {lifecycle.overdue && <span className="overdue-badge">{t('dossier.overdue')}</span>}
          {!lifecycle.overdue && remaining !== null && remaining >= 0 && (
            <span className="muted">
              {remaining >= 60
                ? t('dossier.remainingHours', { n: Math.floor(remaining / 60) })
                : t('dossier.remainingMinutes', { n: remaining })}
            </span>
          )}
          {lifecycle.forwardBy && (
            <span className={lifecycle.forwardBy.late ? 'overdue-badge' : 'muted'} data-testid="forward-by">
              {t(lifecycle.forwardBy.late ? 'work.forward.lateBy' : 'work.forward.dueBy', { at: formatDateTime(lifecycle.forwardBy.dueAt) })}
            </span>
          )}
          {lifecycle.supplementRequests > 0 && <span className="muted">{t('dossier.supplementRequests', { n: lifecycle.supplementRequests })}</span>}
          {lifecycle.extensions > 0 && <span className="muted">{t('dossier.extensions', { n: lifecycle.extensions })}</span>}
        </p>
        {(actions.length > 0 || canCorrect) && (
          <div className="dossier-actions" role="group" aria-label={t('dossier.actions')}>
            {actions.map((a) => {
              const type = a.type as DialogAction;
              const label = t(isWorkAction(type) ? `work.label.${type}` : `action.label.${type}`, { defaultValue: a.label });
              const suggested = (type === 'requestSupplement' && problems > 0) || type === nextStep;
              return (
                <Button
                  key={type}
                  type={suggested ? 'primary' : 'default'}
                  danger={type === 'refuse' || type === 'stop'}
                  loading={preparing === type}
                  onClick={() => void startAction(type, label, a.requiresOverride)}
                >
                  {label}
                  {type === 'requestSupplement' && problems > 0 && (
                    <span className="action-count" aria-label={t('dossier.problemCount', { n: problems })}>
                      {problems}
                    </span>
                  )}
                </Button>
              );
            })}
            {canCorrect && (
              <Button
                onClick={() => {
                  setActionError(undefined);
                  setBlockedDocument(null);
                  setCorrecting(true);
                }}
              >
                {t('dossier.correct')}
              </Button>
            )}
          </div>
        )}
      </div>

      {dialog && (
        <ActionDialog
          {...dialog}
          detail={data}
          forwardDefault={forwardDefault}
          onClose={() => setDialog(null)}
          onDone={(updated) => {
            const doc = openIssued(data, updated);
            void message.success(
              doc
                ? t('dossier.actionDoneIssued', { label: dialog.label, form: formLabel(t, doc.form) })
                : t('dossier.actionDone', { label: dialog.label }),
            );
            setDialog(null);
            detail.reload();
            headingRef.current?.focus();
          }}
        />
      )}
      {correcting && (
        <CorrectionDialog
          detail={data}
          procedures={procedures.data}
          onClose={() => setCorrecting(false)}
          onDone={(updated) => {
            const doc = openIssued(data, updated);
            void message.success(doc ? t('dossier.correction.doneReissued', { version: doc.version }) : t('dossier.correction.done'));
            setCorrecting(false);
            detail.reload();
            headingRef.current?.focus();
          }}
        />
      )}

      {actionError && <Alert type="error" showIcon title={actionError} role="alert" className="form-alert" />}
      {blockedDocument !== null && (
        <Alert
          type="warning"
          showIcon
          className="form-alert"
          title={
            <a href={documentUrl(blockedDocument.id)} target="_blank" rel="noreferrer">
              {t('dossier.popupBlockedDocument', { name: formName(t, blockedDocument.form) })}
            </a>
          }
        />
      )}

      <ReviewPanel detail={data} store={store} review={review} canReview={open && may('reviewComponents')} canAttach={open && may('attachFiles')} onChanged={detail.reload} />

      <div className="dossier-grid">
        <div className="dossier-main">
          <Card size="small" title={<h2 className="card-title">{t('dossier.info')}</h2>}>
            <Descriptions
              bordered
              size="small"
              column={2}
              items={[
                { key: 'procedure', label: t('dossier.procedure'), children: dossier.procedureName, span: 2 },
                { key: 'channel', label: t('dossier.channel'), children: t(`channel.${dossier.channel}`) },
                { key: 'status', label: t('dossier.status'), children: <StatusTag status={dossier.status} /> },
                { key: 'received', label: t('dossier.received'), children: formatDateTime(dossier.receivedAt) },
                {
                  key: 'acceptedAt',
                  label: t('dossier.acceptedAt'),
                  children: dossier.acceptedAt ? formatDateTime(dossier.acceptedAt) : t('common.none'),
                },
                { key: 'due', label: t('dossier.due'), children: dossier.dueAt ? formatDateTime(dossier.dueAt) : t('common.none') },
                { key: 'sets', label: t('dossier.sets'), children: dossier.sets },
                ...(dossier.register
                  ? [{ key: 'register', label: t('paper.registerNo'), children: <span className="register-no">{`${dossier.register.no}/${dossier.register.year}`}</span> }]
                  : []),
                ...(portal
                  ? [
                      { key: 'portal', label: t('dossier.portalId'), children: <span className="mono">{portal.dossierId}</span> },
                      {
                        key: 'portalDeadline',
                        label: t('dossier.portalDeadline'),
                        children: (
                          <span className={portal.late ? 'late-text' : undefined}>
                            {formatDateTime(portal.acceptanceDeadline)}
                            {portal.late ? ` · ${t('dossier.portalLate')}` : ''}
                          </span>
                        ),
                      },
                    ]
                  : []),
                {
                  key: 'delivery',
                  label: t('dossier.delivery'),
                  children:
                    dossier.delivery.method === 'post'
                      ? `${t('dossier.deliveryMethod.post')}: ${dossier.delivery.address ?? ''}`
                      : t('dossier.deliveryMethod.counter'),
                  span: 2,
                },
                ...(fee ? [{ key: 'fee', label: t('dossier.fee'), children: <FeeAmount fee={fee} />, span: 2 }] : []),
                ...(dossier.ownerName ? [{ key: 'owner', label: t('dossier.owner'), children: dossier.ownerName, span: 2 }] : []),
                ...(dossier.note ? [{ key: 'note', label: t('dossier.note'), children: dossier.note, span: 2 }] : []),
              ]}
            />
          </Card>
          <Card size="small" title={<h2 className="card-title">{t('dossier.applicant')}</h2>}>
            <Descriptions
              bordered
              size="small"
              column={2}
              items={[
                { key: 'name', label: t('dossier.fullName'), children: <strong>{dossier.applicantName}</strong> },
                {
                  key: 'id',
                  label: t('dossier.idNumber'),
                  children: (
                    <span>
                      {t(`idKind.${dossier.idKind}`)}: <span className="mono">{dossier.idNumber}</span>
                    </span>
                  ),
                },
                { key: 'phone', label: t('dossier.phone'), children: dossier.phone || t('common.none') },
                { key: 'email', label: t('dossier.email'), children: dossier.email || t('common.none') },
                { key: 'address', label: t('dossier.address'), children: dossier.address, span: 2 },
              ]}
            />
          </Card>
          {dossier.delivery.method === 'post' && (
            <Card size="small" className="postage-card" title={<h2 className="card-title">{t('postal.calc.card')}</h2>}>
              <PostageCalculator dossierId={dossier.id} initialAddress={dossier.delivery.address ?? dossier.address} onShipmentCreated={reloadAll} />
            </Card>
          )}
        </div>
        <div className="dossier-side">
          {(dossier.status === 9 || dossier.status === 10 || resultFiles.length > 0) && (
            <Card size="small" title={<h2 className="card-title">{t('work.results.title')}</h2>}>
              <ResultFilesList files={resultFiles} />
            </Card>
          )}
          <Card size="small" title={<h2 className="card-title">{t('dossier.documents')}</h2>}>
            <DocumentsList documents={documents} dossier={dossier} onChanged={reloadAll} onLogged={bumpLogs} />
          </Card>
          <Card size="small" title={<h2 className="card-title">{t('paper.sentMail')}</h2>}>
            <DossierMail dossierId={dossier.id} tick={logTick} />
          </Card>
          <Card size="small" title={<h2 className="card-title">{t('paper.printLog')}</h2>}>
            <DossierPrintLog dossierId={dossier.id} tick={logTick} />
          </Card>
          <Card size="small" title={<h2 className="card-title">{t('dossier.history')}</h2>}>
            <History events={events} />
          </Card>
        </div>
      </div>
    </div>
  );
}

function BackButton() {
  const { t } = useTranslation();
  return (
    <Button onClick={() => navigate({ name: 'queue' })} className="back-button">
      ← {t('dossier.back')}
    </Button>
  );
}
