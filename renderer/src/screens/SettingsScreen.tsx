import { Alert, App as AntApp, Card, ConfigProvider, Descriptions, Form, Select, Tabs } from 'antd';
import { useEffect, useState, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { ROLE_NAMES, type AgencyInput, type SessionView, type SetupState } from '../../../electron/contract';
import { AgencyFields } from '../components/AgencyFields';
import { FormAlert } from '../components/FormAlert';
import type { Language } from '../i18n';
import { clearEditedErrors, submitToDesk } from '../lib/formErrors';
import { canSaveSettings, settingsTabsFor, type SettingsTab } from '../lib/access';
import { navigate } from '../lib/router';
import { AccountsCard } from './settings/AccountsCard';
import { CatalogueCard } from './settings/CatalogueCard';
import { CounterCard } from './settings/CounterCard';
import { DocumentSettingsCard } from './settings/DocumentSettingsCard';
import { HolidaysCard } from './settings/HolidaysCard';
import { MailSettingsCard } from './settings/MailSettingsCard';
import { OfficeHoursCard } from './settings/OfficeHoursCard';
import { PrintSettingsCard } from './settings/PrintSettingsCard';
import { ReadOnlyContext, SaveButton } from './settings/SettingsCard';

const TABS = ['agency', 'counter', 'hours', 'holidays', 'catalogue', 'papers', 'print', 'mail', 'accounts'] as const satisfies readonly SettingsTab[];
type Tab = (typeof TABS)[number];

interface Props {
  /** From the route (#/settings/holidays): which group is open. */
  tab?: string;
  setup: SetupState;
  view: SessionView;
  onSaved: () => void;
  language: Language;
  setLanguage: (lang: Language) => void;
}

export function SettingsScreen({ tab, ...props }: Props) {
  const { t } = useTranslation();
  const { role } = props.view.officer;
  const visible = settingsTabsFor(role, TABS);
  const active: Tab = (visible as readonly string[]).includes(tab ?? '') ? (tab as Tab) : 'agency';

  useEffect(() => {
    document.title = `${t('settings.title')} — ${t('app.name')}`;
  }, [t]);

  /** A tab the role may read but not save: the same cards, every control disabled and no "Lưu". */
  const guarded = (key: Tab, body: ReactNode) =>
    canSaveSettings(role, key) ? (
      body
    ) : (
      <ReadOnlyContext.Provider value>
        <Alert type="info" showIcon className="form-alert" title={t('auth.readOnly')} />
        <ConfigProvider componentDisabled>{body}</ConfigProvider>
      </ReadOnlyContext.Provider>
    );

  const all: Record<Tab, { label: string; children: ReactNode }> = {
    agency: { label: t('settings.agencyTab'), children: <AgencySettings {...props} /> },
    counter: { label: t('settings.counterTab'), children: guarded('counter', <CounterCard />) },
    hours: { label: t('settings.hoursTab'), children: guarded('hours', <OfficeHoursCard />) },
    holidays: { label: t('settings.holidaysTab'), children: guarded('holidays', <HolidaysCard />) },
    catalogue: { label: t('settings.catalogueTab'), children: guarded('catalogue', <CatalogueCard />) },
    papers: { label: t('settings.papersTab'), children: guarded('papers', <DocumentSettingsCard />) },
    print: { label: t('settings.printTab'), children: guarded('print', <PrintSettingsCard />) },
    mail: { label: t('settings.mailTab'), children: guarded('mail', <MailSettingsCard />) },
    accounts: { label: t('settings.accountsTab'), children: <AccountsCard /> },
  };

  return (
    <div className="settings-screen">
      <div className="screen-head">
        <h1 className="page-title">{t('settings.title')}</h1>
      </div>
      <Tabs
        activeKey={active}
        onChange={(key) => navigate({ name: 'settings', tab: key === 'agency' ? undefined : key })}
        className="settings-tabs"
        items={visible.map((key) => ({ key, ...all[key] }))}
      />
    </div>
  );
}

function AgencySettings({ setup, view, onSaved, language, setLanguage }: Omit<Props, 'tab'>) {
  const { t } = useTranslation();
  const canEdit = canSaveSettings(view.officer.role, 'agency');
  const { message } = AntApp.useApp();
  const [form] = Form.useForm<AgencyInput>();
  const [busy, setBusy] = useState(false);
  const [alert, setAlert] = useState<string>();

  const initial: AgencyInput = (() => {
    const { updatedAt: _updatedAt, ...agency } = setup.agency ?? { ...setup.defaults, updatedAt: '' };
    return agency;
  })();

  const submit = async (values: AgencyInput) => {
    setBusy(true);
    const saved = await submitToDesk(form, 'updateAgency', values, setAlert);
    setBusy(false);
    if (!saved) return;
    void message.success(t('common.saved'));
    onSaved();
  };

  return (
    <div className="settings-stack">
      <Card size="small" title={<h2 className="card-title">{t('agency.section')}</h2>}>
        <p className="hint">{t('settings.agencyIntro')}</p>
        {!canEdit && <Alert type="info" showIcon className="form-alert" title={t('auth.readOnly')} />}
        <FormAlert title={t('intake.fixErrors')} message={alert} />
        <Form<AgencyInput>
          form={form}
          layout="vertical"
          disabled={!canEdit}
          initialValues={initial}
          onFinish={(v) => void submit(v)}
          onValuesChange={(changed) => clearEditedErrors(form, changed)}
        >
          <AgencyFields />
          {canEdit && <SaveButton busy={busy} />}
        </Form>
      </Card>
      <Card size="small" title={<h2 className="card-title">{t('settings.officerSection')}</h2>}>
        <Descriptions
          bordered
          size="small"
          column={2}
          items={[
            { key: 'name', label: t('setup.officerName'), children: view.officer.fullName },
            { key: 'title', label: t('setup.officerTitle'), children: view.officer.title || t('common.none') },
            { key: 'role', label: t('accounts.role'), children: ROLE_NAMES[view.officer.role] },
            { key: 'version', label: t('settings.version'), children: setup.version },
          ]}
        />
      </Card>
      <Card size="small" title={<h2 className="card-title">{t('settings.languageSection')}</h2>}>
        <label className="inline-field">
          <span>{t('settings.language')}</span>
          <Select<Language>
            value={language}
            onChange={setLanguage}
            style={{ width: 220 }}
            aria-label={t('settings.language')}
            options={[
              { value: 'vi', label: 'Tiếng Việt' },
              { value: 'en', label: 'English' },
            ]}
          />
        </label>
      </Card>
    </div>
  );
}
