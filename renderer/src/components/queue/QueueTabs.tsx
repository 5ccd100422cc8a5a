import { Tooltip } from 'antd';
import { useRef, type KeyboardEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { QUEUE_TABS, type QueueTab } from '../../../../electron/contract';

export const PANEL_ID = 'queue-panel';
export const tabId = (tab: QueueTab) => `queue-tab-${tab}`;
/** Alt+1 … Alt+8, in the order of QUEUE_TABS. */
export const tabShortcut = (tab: QueueTab) => `Alt+${QUEUE_TABS.indexOf(tab) + 1}`;

interface Props {
  value: QueueTab;
  onChange: (tab: QueueTab) => void;
  /** Counts by tab; undefined while they load (the list does not wait for them). */
  counts: Partial<Record<QueueTab, number>> | undefined;
}

/**
 * The work-state tabs with their counts. A WAI-ARIA tablist: one tab in the Tab order, arrows/Home/End move and
 * select (the list below is the single panel). Alt+1…8 work from anywhere on the screen (QueueScreen).
 */
export function QueueTabs({ value, onChange, counts }: Props) {
  const { t } = useTranslation();
  const refs = useRef<Partial<Record<QueueTab, HTMLButtonElement | null>>>({});

  const onKey = (e: KeyboardEvent<HTMLDivElement>) => {
    const i = QUEUE_TABS.indexOf(value);
    const n = QUEUE_TABS.length;
    const target: Record<string, number> = { ArrowRight: (i + 1) % n, ArrowLeft: (i - 1 + n) % n, Home: 0, End: n - 1 };
    const j = target[e.key];
    if (j === undefined || e.altKey || e.ctrlKey || e.metaKey) return;
    e.preventDefault();
    const next = QUEUE_TABS[j];
    if (!next) return;
    onChange(next);
    refs.current[next]?.focus();
  };

  return (
    <div className="qtabs" role="tablist" aria-label={t('queue.tabsLabel')} onKeyDown={onKey}>
      {QUEUE_TABS.map((tab) => {
        const active = tab === value;
        const count = counts?.[tab];
        return (
          <Tooltip
            key={tab}
            mouseEnterDelay={0.5}
            title={
              <span>
                {t(`queue.tabHint.${tab}`)}
                <br />
                {t('queue.shortcut', { keys: tabShortcut(tab) })}
              </span>
            }
          >
            <button
              ref={(el) => {
                refs.current[tab] = el;
              }}
              type="button"
              role="tab"
              id={tabId(tab)}
              className={`qtab qtab-${tab}${active ? ' active' : ''}`}
              aria-selected={active}
              aria-controls={PANEL_ID}
              aria-keyshortcuts={tabShortcut(tab)}
              tabIndex={active ? 0 : -1}
              onClick={() => onChange(tab)}
            >
              <span className="qtab-name">{t(`queue.tab.${tab}`)}</span>
              <span className={`qtab-count${count === undefined ? ' pending' : count > 0 ? ' some' : ''}`}>
                {count === undefined ? '…' : count.toLocaleString('vi-VN')}
              </span>
            </button>
          </Tooltip>
        );
      })}
    </div>
  );
}
