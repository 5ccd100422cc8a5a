import { Alert, App as AntApp, Button, ConfigProvider, Layout, Menu, Spin } from 'antd';
import enUS from 'antd/locale/en_US';
import viVN from 'antd/locale/vi_VN';
import dayjs from 'dayjs';
import 'dayjs/locale/vi';
import { useCallback, useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { SetupState } from '../../electron/contract';
import { useDesk } from './api';
import i18n, { rememberLanguage, savedLanguage, type Language } from './i18n';
import { navigate, useRoute, type Route } from './lib/router';
import { InboxDrawer, InboxNavLabel } from './components/intake/InboxDrawer';
import { openInbox } from './components/intake/inboxStore';
import { DossierScreen } from './screens/DossierScreen';
import { ImportScreen } from './screens/ImportScreen';
import { IntakeScreen } from './screens/IntakeScreen';
import { OutboxScreen } from './screens/OutboxScreen';
import { QueueScreen } from './screens/QueueScreen';
import { RegisterScreen } from './screens/RegisterScreen';
import { SettingsScreen } from './screens/SettingsScreen';
import { SetupScreen } from './screens/SetupScreen';
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
  return <Shell setup={setup.data} onAgencyChanged={setup.reload} {...props} />;
}

function Shell({ setup, onAgencyChanged, language, setLanguage }: LanguageProps & { setup: SetupState; onAgencyChanged: () => void }) {
  const { t } = useTranslation();
  const route = useRoute();

  // Global shortcuts: F2 and Alt+N open a new intake from anywhere.
  useEffect(() => {
    const onKey = (e: KeyboardEvent) => {
      if (e.key === 'F2' || (e.altKey && !e.ctrlKey && !e.metaKey && e.code === 'KeyN')) {
        e.preventDefault();
        navigate({ name: 'intake' });
      }
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, []);

  const menuKey = route.name === 'dossier' ? 'queue' : route.name;
  const agencyName = setup.agency?.agencyName ?? '';

  return (
    <Layout className="shell">
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
            items={[
              { key: 'queue', label: t('nav.queue') },
              { key: 'intake', label: <span>{t('nav.intake')} <kbd className="kbd-dark">F2</kbd></span> },
              { key: 'import', label: t('importOnline.nav') },
              { key: 'inbox', label: <InboxNavLabel /> },
              { key: 'register', label: t('nav.register') },
              { key: 'outbox', label: t('nav.outbox') },
              { key: 'settings', label: t('nav.settings') },
            ]}
          />
        </nav>
        {setup.officer && (
          <div className="officer" title={setup.officer.title}>
            <span className="officer-label">{t('app.officer')}</span>
            <span className="officer-name">{setup.officer.fullName}</span>
          </div>
        )}
      </Layout.Header>
      <Layout.Content className="shell-content">
        <Screen route={route} setup={setup} onAgencyChanged={onAgencyChanged} language={language} setLanguage={setLanguage} />
      </Layout.Content>
      <InboxDrawer />
    </Layout>
  );
}

function Screen({ route, setup, onAgencyChanged, language, setLanguage }: LanguageProps & { route: Route; setup: SetupState; onAgencyChanged: () => void }) {
  switch (route.name) {
    case 'intake':
      return <IntakeScreen />;
    case 'import':
      return <ImportScreen />;
    case 'outbox':
      return <OutboxScreen />;
    case 'register':
      return <RegisterScreen />;
    case 'dossier':
      return <DossierScreen key={route.id} id={route.id} />;
    case 'settings':
      return <SettingsScreen tab={route.tab} setup={setup} onSaved={onAgencyChanged} language={language} setLanguage={setLanguage} />;
    default:
      return <QueueScreen />;
  }
}
