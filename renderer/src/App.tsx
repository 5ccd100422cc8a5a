import { Alert, App as AntApp, Button, ConfigProvider, Layout, Menu, Result, Spin } from 'antd';
import enUS from 'antd/locale/en_US';
import viVN from 'antd/locale/vi_VN';
import dayjs from 'dayjs';
import 'dayjs/locale/vi';
import { useCallback, useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ROLE_NAMES, type SessionView, type SetupState } from '../../electron/contract';
import { useDesk } from './api';
import { refreshSession, useSession } from './api/session';
import { OfficerMenu, useIdleLock } from './components/OfficerMenu';
import { canOpen, menuFor } from './lib/access';
import i18n, { rememberLanguage, savedLanguage, type Language } from './i18n';
import { navigate, useRoute, type Route } from './lib/router';
import { InboxDrawer, InboxNavLabel } from './components/intake/InboxDrawer';
import { openInbox } from './components/intake/inboxStore';
import { DashboardScreen } from './screens/DashboardScreen';
import { DossierScreen } from './screens/DossierScreen';
import { ImportScreen } from './screens/ImportScreen';
import { IntakeScreen } from './screens/IntakeScreen';
import { OutboxScreen } from './screens/OutboxScreen';
import { PostalScreen, type PostalTab } from './screens/PostalScreen';
import { QueueScreen } from './screens/QueueScreen';
import { RegisterScreen } from './screens/RegisterScreen';
import { SettingsScreen } from './screens/SettingsScreen';
import { SetupScreen } from './screens/SetupScreen';
import { ChangePasswordScreen } from './screens/auth/ChangePassword';
import { CreateAdminScreen } from './screens/auth/CreateAdminScreen';
import { LockScreen } from './screens/auth/LockScreen';
import { SignInScreen } from './screens/auth/SignInScreen';
import { theme } from './theme';

export function App() {
  const [language, setLanguageState] = useState<Language>(savedLanguage);

  const setLanguage = useCallback((lang: Language) => {
    rememberLanguage(lang);
    void i18n.changeLanguage(lang);
    setLanguageState(lang);
  }, []);

  useEffect(() => {
    dayjs.locale(language === 'vi' ? 'vi' : 'en');
    document.documentElement.lang = language;
  }, [language]);

  return (
    <ConfigProvider locale={language === 'vi' ? viVN : enUS} theme={theme}>
      <AntApp>
        <Desk language={language} setLanguage={setLanguage} />
      </AntApp>
    </ConfigProvider>
  );
}

interface LanguageProps {
  language: Language;
  setLanguage: (lang: Language) => void;
}

/** Chooses between the first-run setup and the desk itself. */
function Desk(props: LanguageProps) {
  const { t } = useTranslation();
  const setup = useDesk('getSetup', {});

  if (setup.data === undefined) {
    if (setup.error) {
      return (
        <main className="full-page">
          <Alert
            type="warning"
            showIcon
            className="start-error"
            title={t('app.cannotStart')}
            description={setup.error.message}
            action={
              <Button type="primary" onClick={setup.reload}>
                {t('app.retry')}
              </Button>
            }
          />
        </main>
      );
    }
    return (
      <main className="full-page" aria-busy="true">
        <Spin size="large" description={t('app.loading')} />
      </main>
    );
  }
  if (!setup.data.configured) return <SetupScreen defaults={setup.data.defaults} onDone={setup.reload} />;
  if (setup.data.needsAccount) {
    return <CreateAdminScreen agencyName={setup.data.agency?.agencyName ?? ''} officerName={setup.data.officer?.fullName ?? ''} onDone={setup.reload} />;
  }
  return <SessionGate setup={setup.data} onAgencyChanged={setup.reload} {...props} />;
}

/** A configured desk: the officer signs in, changes a temporary password, and works; a locked session keeps the desk mounted under the lock. */
function SessionGate(props: LanguageProps & { setup: SetupState; onAgencyChanged: () => void }) {
  const { t } = useTranslation();
  const phase = useSession();

  useEffect(() => {
    if (phase.kind === 'loading') void refreshSession();
  }, [phase.kind]);

  switch (phase.kind) {
    case 'loading':
      return (
        <main className="full-page" aria-busy="true">
          <Spin size="large" description={t('app.loading')} />
        </main>
      );
    case 'error':
      return (
        <main className="full-page">
          <Alert
            type="warning"
            showIcon
            className="start-error"
            title={t('auth.cannotCheck')}
            description={phase.message}
            action={
              <Button type="primary" onClick={() => void refreshSession()}>
                {t('app.retry')}
              </Button>
            }
          />
        </main>
      );
    case 'signedOut':
      return <SignInScreen agencyName={props.setup.agency?.agencyName ?? ''} notice={phase.notice} />;
    case 'open':
      if (phase.view.mustChangePassword) return <ChangePasswordScreen view={phase.view} />;
      return (
        <>
          {/* One officer's desk: another officer signing in starts from a fresh shell. */}
          <Shell key={phase.view.officer.id} view={phase.view} {...props} />
          {phase.view.locked && <LockScreen view={phase.view} />}
        </>
      );
  }
}

const MENU = ['queue', 'intake', 'import', 'inbox', 'register', 'outbox', 'postal', 'dashboard', 'settings'] as const;

function Shell({ setup, view, onAgencyChanged, language, setLanguage }: LanguageProps & { setup: SetupState; view: SessionView; onAgencyChanged: () => void }) {
  const { t } = useTranslation();
  const route = useRoute();
  const { role } = view.officer;
  // The roles that receive dossiers: they alone start an intake (F2) and fill it from the scan inbox, whose files
  // have nowhere else to go.
  const canIntake = canOpen(role, 'intake');
  useIdleLock(view);

  // Global shortcuts: F2 and Alt+N open a new intake from anywhere (for the roles that receive dossiers).
  useEffect(() => {
    if (!canIntake) return;
    const onKey = (e: KeyboardEvent) => {
      if (e.key === 'F2' || (e.altKey && !e.ctrlKey && !e.metaKey && e.code === 'KeyN')) {
        e.preventDefault();
        navigate({ name: 'intake' });
      }
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, [canIntake]);

  const menuKey = route.name === 'dossier' ? 'queue' : route.name;
  const agencyName = setup.agency?.agencyName ?? '';
  const menuLabel = (key: (typeof MENU)[number]) => {
    switch (key) {
      case 'intake':
        return (
          <span>
            {t('nav.intake')} <kbd className="kbd-dark">F2</kbd>
          </span>
        );
      case 'import':
        return t('importOnline.nav');
      case 'inbox':
        return <InboxNavLabel />;
      default:
        return t(`nav.${key}`);
    }
  };

  return (
    <Layout className="shell" inert={view.locked} aria-hidden={view.locked || undefined}>
      <Layout.Header className="shell-header">
        <div className="brand">
          <span className="brand-name">{t('app.name')}</span>
          <span className="brand-agency" title={agencyName}>
            {agencyName}
          </span>
        </div>
        <nav aria-label={t('nav.label')} className="shell-nav">
          <Menu
            theme="dark"
            mode="horizontal"
            selectedKeys={[menuKey]}
            disabledOverflow
            onClick={({ key }) => (key === 'inbox' ? openInbox() : navigate({ name: key } as Route))}
            items={menuFor(role, MENU)
              .filter((key) => key !== 'inbox' || canIntake)
              .map((key) => ({ key, label: menuLabel(key) }))}
          />
        </nav>
        <OfficerMenu view={view} />
      </Layout.Header>
      <Layout.Content className="shell-content">
        <Screen route={route} setup={setup} view={view} onAgencyChanged={onAgencyChanged} language={language} setLanguage={setLanguage} />
      </Layout.Content>
      {canIntake && <InboxDrawer />}
    </Layout>
  );
}

function Screen({ route, setup, view, onAgencyChanged, language, setLanguage }: LanguageProps & { route: Route; setup: SetupState; view: SessionView; onAgencyChanged: () => void }) {
  const { t } = useTranslation();
  const { role } = view.officer;
  if (!canOpen(role, route.name)) {
    return (
      <Result
        status="403"
        title={<h1 className="page-title">{t('auth.forbiddenTitle')}</h1>}
        subTitle={t('auth.forbiddenBody', { role: ROLE_NAMES[role].toLowerCase() })}
        extra={
          <Button type="primary" onClick={() => navigate({ name: 'queue' })}>
            {t('auth.toQueue')}
          </Button>
        }
      />
    );
  }
  switch (route.name) {
    case 'intake':
      return <IntakeScreen />;
    case 'import':
      return <ImportScreen />;
    case 'outbox':
      return <OutboxScreen />;
    case 'register':
      return <RegisterScreen />;
    case 'dashboard':
      return <DashboardScreen />;
    case 'postal':
      return <PostalScreen tab={route.tab as PostalTab | undefined} />;
    case 'dossier':
      return <DossierScreen key={route.id} id={route.id} />;
    case 'settings':
      return <SettingsScreen tab={route.tab} setup={setup} view={view} onSaved={onAgencyChanged} language={language} setLanguage={setLanguage} />;
    default:
      return <QueueScreen />;
  }
}
