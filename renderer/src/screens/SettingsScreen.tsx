import { App as AntApp, Card, Descriptions, Form, Select, Tabs } from 'antd';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { type AgencyInput, type SetupState } from '../../../electron/contract';
import { AgencyFields } from '../components/AgencyFields';
import { FormAlert } from '../components/FormAlert';
import type { Language } from '../i18n';
import { clearEditedErrors, submitToDesk } from '../lib/formErrors';
import { navigate } from '../lib/router';
import { CatalogueCard } from './settings/CatalogueCard';
import { CounterCard } from './settings/CounterCard';
import { DocumentSettingsCard } from './settings/DocumentSettingsCard';
import { HolidaysCard } from './settings/HolidaysCard';
import { MailSettingsCard } from './settings/MailSettingsCard';
import { OfficeHoursCard } from './settings/OfficeHoursCard';
import { PrintSettingsCard } from './settings/PrintSettingsCard';
import { SaveButton } from './settings/SettingsCard';

const TABS = ['agency', 'counter', 'hours', 'holidays', 'catalogue', 'papers', 'print', 'mail'] as const;
type Tab = (typeof TABS)[number];

interface Props {
  /** From the route (#/settings/holidays): which group is open. */
  tab?: string;
  setup: SetupState;
  onSaved: () => void;
  language: Language;
  setLanguage: (lang: Language) => void;
}

export function SettingsScreen({ tab, ...props }: Props) {
  const { t } = useTranslation();
  const active: Tab = (TABS as readonly string[]).includes(tab ?? '') ? (tab as Tab) : 'agency';

  useEffect(() => {
    document.title = `${t('settings.title')} — ${t('app.name')}`;
  }, [t]);

  return (
    <div className="settings-screen">
      <div className="screen-head">
        <h1 className="page-title">{t('settings.title')}</h1>
      </div>
      <Tabs
        activeKey={active}
        onChange={(key) => navigate({ name: 'settings', tab: key === 'agency' ? undefined : key })}
        className="settings-tabs"
        items={[
          { key: 'agency', label: t('settings.agencyTab'), children: <AgencySettings {...props} /> },
          { key: 'counter', label: t('settings.counterTab'), children: <CounterCard /> },
          { key: 'hours', label: t('settings.hoursTab'), children: <OfficeHoursCard /> },
          { key: 'holidays', label: t('settings.holidaysTab'), children: <HolidaysCard /> },
          { key: 'catalogue', label: t('settings.catalogueTab'), children: <CatalogueCard /> },
          { key: 'papers', label: t('settings.papersTab'), children: <DocumentSettingsCard /> },
          { key: 'print', label: t('settings.printTab'), children: <PrintSettingsCard /> },
          { key: 'mail', label: t('settings.mailTab'), children: <MailSettingsCard /> },
        ]}
      />
    </div>
  );
}

function AgencySettings({ setup, onSaved, language, setLanguage }: Omit<Props, 'tab'>) {
  const { t } = useTranslation();
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
        <FormAlert title={t('intake.fixErrors')} message={alert} />
        <Form<AgencyInput>
          form={form}
          layout="vertical"
          initialValues={initial}
          onFinish={(v) => void submit(v)}
          onValuesChange={(changed) => clearEditedErrors(form, changed)}
        >
          <AgencyFields />
          <SaveButton busy={busy} />
        </Form>
      </Card>
      <Card size="small" title={<h2 className="card-title">{t('settings.officerSection')}</h2>}>
        <Descriptions
          bordered
          size="small"
          column={3}
          items={[
            { key: 'name', label: t('setup.officerName'), children: setup.officer?.fullName ?? t('common.none') },
            { key: 'title', label: t('setup.officerTitle'), children: setup.officer?.title || t('common.none') },
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
