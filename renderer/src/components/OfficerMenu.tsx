import { Button, Dropdown } from 'antd';
import { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ROLE_NAMES, type SessionView } from '../../../electron/contract';
import { lockNow, signOutNow } from '../api/session';
import { createIdleTracker, throttle } from '../lib/idle';
import { ChangePasswordModal } from '../screens/auth/ChangePassword';

/** The signed-in officer in the header: name and role, and the account's actions (change password, lock, sign out). */
export function OfficerMenu({ view }: { view: SessionView }) {
  const { t } = useTranslation();
  const [changing, setChanging] = useState(false);
  const { officer } = view;

  // Ctrl+L locks the screen from anywhere (the browser's own Ctrl+L is not needed at the desk).
  useEffect(() => {
    const onKey = (e: KeyboardEvent) => {
      if (e.ctrlKey && !e.altKey && !e.metaKey && !e.shiftKey && e.code === 'KeyL') {
        e.preventDefault();
        void lockNow();
      }
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, []);

  return (
    <>
      <Dropdown
        trigger={['click']}
        placement="bottomRight"
        menu={{
          items: [
            { key: 'password', label: t('auth.changeTitle') },
            { key: 'lock', label: <span>{t('auth.lock')} <kbd>Ctrl+L</kbd></span> },
            { type: 'divider' },
            { key: 'signOut', label: t('auth.signOut'), danger: true },
          ],
          onClick: ({ key }) => {
            if (key === 'password') setChanging(true);
            else if (key === 'lock') void lockNow();
            else if (key === 'signOut') void signOutNow();
          },
        }}
      >
        <Button type="text" className="officer" aria-label={`${t('auth.menuLabel')}: ${officer.fullName}, ${ROLE_NAMES[officer.role]}`} title={officer.title || undefined}>
          <span className="officer-name">{officer.fullName}</span>
          <span className="officer-label">{ROLE_NAMES[officer.role]}</span>
        </Button>
      </Dropdown>
      <ChangePasswordModal open={changing} onClose={() => setChanging(false)} />
    </>
  );
}

/** Locks the window after the session's lockMinutes without input (the door locks on its own clock too). */
export function useIdleLock(view: SessionView): void {
  const limitMs = view.lockMinutes * 60_000;
  const tracker = useRef<ReturnType<typeof createIdleTracker>>(undefined);

  useEffect(() => {
    const idle = createIdleTracker(limitMs, () => void lockNow(), {
      now: () => Date.now(),
      setTimer: (fn, ms) => window.setTimeout(fn, ms),
      clearTimer: (h) => window.clearTimeout(h as number),
    });
    tracker.current = idle;
    const touch = () => idle.touch();
    const moved = throttle(touch, 1000, () => Date.now());
    const opts = { passive: true, capture: true } as const;
    window.addEventListener('pointerdown', touch, opts);
    window.addEventListener('keydown', touch, opts);
    window.addEventListener('wheel', touch, opts);
    window.addEventListener('mousemove', moved, opts);
    return () => {
      idle.stop();
      window.removeEventListener('pointerdown', touch, opts);
      window.removeEventListener('keydown', touch, opts);
      window.removeEventListener('wheel', touch, opts);
      window.removeEventListener('mousemove', moved, opts);
    };
  }, [limitMs]);

  // Unlocked again: count from now.
  useEffect(() => {
    if (!view.locked) tracker.current?.restart();
  }, [view.locked]);
}
