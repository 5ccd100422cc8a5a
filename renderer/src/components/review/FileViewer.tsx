import { Alert, Button, InputNumber, Spin, Tooltip } from 'antd';
import { useCallback, useEffect, useLayoutEffect, useRef, useState, type KeyboardEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { FileMeta } from '../../../../electron/contract';
import { useFileChecks, type FileStore } from './fileStore';
import { isCancelled, OpenError, type OpenedFile, type PageSize } from './pdf';
import { deskBlankPages } from './blank';

/** Zoom steps (1 = 100 %): − and + move between them. */
const ZOOM_STEPS = [0.1, 0.25, 0.33, 0.5, 0.67, 0.75, 0.9, 1, 1.1, 1.25, 1.5, 1.75, 2, 2.5, 3, 4];
const MIN_ZOOM = ZOOM_STEPS[0]!;
const MAX_ZOOM = ZOOM_STEPS[ZOOM_STEPS.length - 1]!;
/** Room around the page inside the stage (CSS px). */
const STAGE_PADDING = 24;

type ZoomMode = 'fit' | number;

/** A portrait thumbnail turned a quarter is shrunk to stay inside its frame (90 × 128). */
const thumbTransform = (rotation: number) => (rotation % 180 === 0 ? `rotate(${rotation}deg)` : `rotate(${rotation}deg) scale(0.7)`);

interface Props {
  store: FileStore;
  file: FileMeta | null;
  /** Shown when no file is chosen (the dossier has none, or none is selected). */
  emptyText: string;
}

/**
 * The in-app viewer: one page at a time on a canvas, page thumbnails beside it (from the pre-check), zoom − / + /
 * fit width, rotation by quarter turns, page count and navigation. PDFs through pdf.js, images through the
 * browser's decoder; the same controls for both (an image is one page).
 */
export function FileViewer({ store, file, emptyText }: Props) {
  const { t } = useTranslation();
  useFileChecks(store);
  const check = file ? store.check(file.id) : undefined;
  const [opened, setOpened] = useState<OpenedFile | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [page, setPage] = useState(1);
  const [zoomMode, setZoomMode] = useState<ZoomMode>('fit');
  const [rotation, setRotation] = useState(0);
  const [pageSize, setPageSize] = useState<PageSize | null>(null);
  const [stage, setStage] = useState({ width: 0, height: 0 });
  const [rendering, setRendering] = useState(false);
  const [attempt, setAttempt] = useState(0);
  const stageRef = useRef<HTMLDivElement>(null);
  const pageRef = useRef<HTMLDivElement>(null);
  const thumbsRef = useRef<HTMLDivElement>(null);

  // Another file: start again from its first page, fitted, unrotated.
  const fileId = file?.id ?? null;
  const fileMime = file?.mime;
  useEffect(() => {
    setOpened(null);
    setError(null);
    setPage(1);
    setZoomMode('fit');
    setRotation(0);
    setPageSize(null);
    pageRef.current?.replaceChildren();
    if (fileId === null || !fileMime) return;
    store.prioritize(fileId);
    let live = true;
    store.open({ id: fileId, mime: fileMime }).then(
      (o) => live && setOpened(o),
      (err: unknown) => live && setError(err instanceof OpenError ? err.message : String(err)),
    );
    return () => {
      live = false;
    };
  }, [store, fileId, fileMime, attempt]);

  // The stage's width, for "fit width".
  useLayoutEffect(() => {
    const el = stageRef.current;
    if (!el) return;
    const measure = () => setStage({ width: el.clientWidth, height: el.clientHeight });
    measure();
    const ro = new ResizeObserver(measure);
    ro.observe(el);
    return () => ro.disconnect();
  }, [opened]);

  useEffect(() => {
    if (!opened) return;
    let live = true;
    void opened.size(page, rotation).then((s) => live && setPageSize(s));
    return () => {
      live = false;
    };
  }, [opened, page, rotation]);

  // Fit: a PDF page to the stage's width (read it by scrolling down), an image whole inside the stage.
  const fitZoom =
    pageSize && stage.width > 0
      ? Math.max(
          MIN_ZOOM,
          Math.min(
            MAX_ZOOM,
            (stage.width - STAGE_PADDING) / pageSize.width,
            opened?.kind === 'image' && stage.height > STAGE_PADDING * 2 ? (stage.height - STAGE_PADDING) / pageSize.height : MAX_ZOOM,
          ),
        )
      : null;
  const zoom = zoomMode === 'fit' ? fitZoom : zoomMode;

  // Draw the page: into a new canvas, swapped in when done (no flicker, and an obsolete render is cancelled).
  useEffect(() => {
    if (!opened || zoom === null) return;
    const abort = new AbortController();
    setRendering(true);
    opened
      .render(page, zoom, rotation, window.devicePixelRatio || 1, abort.signal)
      .then((canvas) => {
        if (abort.signal.aborted) return;
        canvas.setAttribute('role', 'img');
        canvas.setAttribute(
          'aria-label',
          opened.kind === 'pdf'
            ? t('review.viewer.canvas', { page, pages: opened.pages, name: file?.name ?? '' })
            : t('review.viewer.image', { name: file?.name ?? '' }),
        );
        canvas.className = 'viewer-canvas';
        canvas.dataset.page = String(page);
        canvas.dataset.rotation = String(rotation);
        pageRef.current?.replaceChildren(canvas);
        setRendering(false);
      })
      .catch((err: unknown) => {
        if (abort.signal.aborted || isCancelled(err)) return;
        setRendering(false);
        setError(t('review.viewer.pageError', { page }));
      });
    return () => abort.abort();
  }, [opened, page, zoom, rotation, t, file?.name]);

  // Keep the current thumbnail in view.
  useEffect(() => {
    thumbsRef.current?.querySelector<HTMLElement>('[aria-current="true"]')?.scrollIntoView({ block: 'nearest' });
  }, [page]);

  const pages = opened?.pages ?? check?.pages ?? 0;
  const goTo = useCallback((n: number) => setPage((cur) => (pages > 0 ? Math.min(pages, Math.max(1, n)) : cur)), [pages]);
  const stepZoom = (dir: 1 | -1) => {
    const current = zoom ?? 1;
    const next =
      dir > 0 ? (ZOOM_STEPS.find((z) => z > current + 0.001) ?? MAX_ZOOM) : ([...ZOOM_STEPS].reverse().find((z) => z < current - 0.001) ?? MIN_ZOOM);
    setZoomMode(next);
  };
  const rotate = (by: 90 | -90) => setRotation((r) => (((r + by) % 360) + 360) % 360);

  const onStageKey = (e: KeyboardEvent<HTMLDivElement>) => {
    if (e.key === 'PageDown' || (e.key === 'ArrowRight' && !e.altKey)) goTo(page + 1);
    else if (e.key === 'PageUp' || (e.key === 'ArrowLeft' && !e.altKey)) goTo(page - 1);
    else if (e.key === 'Home') goTo(1);
    else if (e.key === 'End') goTo(pages);
    else if (e.key === '+' || e.key === '=') stepZoom(1);
    else if (e.key === '-') stepZoom(-1);
    else if (e.key === '0') setZoomMode('fit');
    else return;
    e.preventDefault();
  };

  if (!file) {
    return (
      <section className="viewer viewer-empty" aria-label={t('review.viewer.label')}>
        <p className="hint">{emptyText}</p>
      </section>
    );
  }

  const isPdf = file.mime === 'application/pdf';
  const blank = new Set([...(check?.blankPages ?? []), ...deskBlankPages(file)]);
  const zoomText = zoom === null ? '—' : `${Math.round(zoom * 100)}%`;

  return (
    <section className="viewer" aria-label={`${t('review.viewer.label')}: ${file.name}`} data-testid="viewer">
      <div className="viewer-toolbar" role="toolbar" aria-label={t('review.viewer.toolbar')}>
        <span className="viewer-name ellipsis" title={file.name}>
          {file.name}
        </span>
        {isPdf && (
          <span className="viewer-group viewer-pages">
            <Tooltip title={t('review.viewer.prev')}>
              <Button size="small" aria-label={t('review.viewer.prev')} disabled={page <= 1 || !opened} onClick={() => goTo(page - 1)}>
                ‹
              </Button>
            </Tooltip>
            <InputNumber
              size="small"
              min={1}
              max={Math.max(1, pages)}
              value={page}
              controls={false}
              disabled={!opened}
              className="viewer-page-input"
              aria-label={t('review.viewer.pageInput')}
              onChange={(v) => typeof v === 'number' && goTo(v)}
            />
            <span className="viewer-count" data-testid="page-count">
              {t('review.viewer.of', { n: pages || '…' })}
            </span>
            <Tooltip title={t('review.viewer.next')}>
              <Button size="small" aria-label={t('review.viewer.next')} disabled={page >= pages || !opened} onClick={() => goTo(page + 1)}>
                ›
              </Button>
            </Tooltip>
          </span>
        )}
        <span className="viewer-group">
          <Tooltip title={t('review.viewer.zoomOut')}>
            <Button size="small" aria-label={t('review.viewer.zoomOut')} disabled={!opened || (zoom ?? 1) <= MIN_ZOOM} onClick={() => stepZoom(-1)}>
              −
            </Button>
          </Tooltip>
          <output className="viewer-zoom mono" aria-label={t('review.viewer.zoomLevel')} data-testid="zoom-level">
            {zoomText}
          </output>
          <Tooltip title={t('review.viewer.zoomIn')}>
            <Button size="small" aria-label={t('review.viewer.zoomIn')} disabled={!opened || (zoom ?? 1) >= MAX_ZOOM} onClick={() => stepZoom(1)}>
              +
            </Button>
          </Tooltip>
          <Button size="small" disabled={!opened} aria-pressed={zoomMode === 'fit'} onClick={() => setZoomMode('fit')}>
            {t('review.viewer.fit')}
          </Button>
        </span>
        <span className="viewer-group">
          <Tooltip title={t('review.viewer.rotateLeft')}>
            <Button size="small" aria-label={t('review.viewer.rotateLeft')} disabled={!opened} onClick={() => rotate(-90)}>
              ⟲
            </Button>
          </Tooltip>
          <Tooltip title={t('review.viewer.rotateRight')}>
            <Button size="small" aria-label={t('review.viewer.rotateRight')} disabled={!opened} onClick={() => rotate(90)}>
              ⟳
            </Button>
          </Tooltip>
        </span>
      </div>

      <div className="viewer-body">
        {isPdf && pages > 1 && (
          <nav className="viewer-thumbs" aria-label={t('review.viewer.thumbs')} ref={thumbsRef}>
            <ol>
              {Array.from({ length: pages }, (_, i) => {
                const n = i + 1;
                const src = check?.thumbs[i];
                const isBlank = blank.has(n);
                return (
                  <li key={n}>
                    <button
                      type="button"
                      className={`viewer-thumb${n === page ? ' active' : ''}${isBlank ? ' blank' : ''}`}
                      aria-current={n === page ? 'true' : undefined}
                      aria-label={isBlank ? `${t('review.viewer.thumb', { n })} (${t('review.blankPage', { n })})` : t('review.viewer.thumb', { n })}
                      onClick={() => goTo(n)}
                    >
                      <span className="viewer-thumb-frame">
                        {src ? (
                          <img src={src} alt="" style={rotation ? { transform: thumbTransform(rotation) } : undefined} />
                        ) : (
                          <span className="viewer-thumb-placeholder" />
                        )}
                      </span>
                      <span className="viewer-thumb-label">
                        {n}
                        {isBlank && <span className="blank-badge">{t('review.viewer.blankBadge')}</span>}
                      </span>
                    </button>
                  </li>
                );
              })}
            </ol>
          </nav>
        )}
        <div
          className="viewer-stage"
          ref={stageRef}
          tabIndex={0}
          onKeyDown={onStageKey}
          aria-label={t('review.viewer.stage')}
          aria-busy={rendering || (!opened && !error)}
        >
          {error ? (
            <Alert
              type="error"
              showIcon
              className="viewer-error"
              title={t('review.viewer.openError')}
              description={error}
              role="alert"
              action={
                <Button
                  size="small"
                  onClick={() => {
                    store.retry(file);
                    setAttempt((a) => a + 1);
                  }}
                >
                  {t('review.viewer.retry')}
                </Button>
              }
            />
          ) : (
            <>
              {!opened && (
                <div className="loading-block">
                  <Spin description={t('review.viewer.loading')} />
                </div>
              )}
              {opened && blank.has(page) && (
                <Alert type="warning" showIcon className="viewer-page-warning" title={t('review.blankPage', { n: page })} />
              )}
              <div className="viewer-page" ref={pageRef} />
            </>
          )}
        </div>
      </div>
    </section>
  );
}
