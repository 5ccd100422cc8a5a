import { App as AntApp, Button, Card, Col, Form, Input, Row } from 'antd';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { type AgencyInput, type SetupInput } from '../../../electron/contract';
import { AgencyFields } from '../components/AgencyFields';
import { FormAlert } from '../components/FormAlert';
import { clearEditedErrors, submitToDesk } from '../lib/formErrors';

/** First run: the agency (pre-filled with the desk's defaults) and the receiving officer. */
export function SetupScreen({ defaults, onDone }: { defaults: AgencyInput; onDone: () => void }) {
  const { t } = useTranslation();
  const { message } = AntApp.useApp();
  const [form] = Form.useForm<SetupInput>();
  const [busy, setBusy] = useState(false);
  const [alert, setAlert] = useState<string>();

  useEffect(() => {
    document.title = `${t('setup.title')} — ${t('app.name')}`;
  }, [t]);

  const submit = async (values: SetupInput) => {
    setBusy(true);
    const done = await submitToDesk(form, 'setupDesk', values, setAlert);
    setBusy(false);
    if (!done) return;
    void message.success(t('setup.done'));
    onDone();
  };

  return (
    <main className="setup-page">
      <Card className="setup-card">
        <h1 className="page-title">{t('app.name')} · {t('setup.title')}</h1>
        <p className="intro">{t('setup.intro')}</p>
        <FormAlert title={t('intake.fixErrors')} message={alert} />
        <Form<SetupInput>
          form={form}
          layout="vertical"
          initialValues={{ agency: defaults, officer: { fullName: '', title: '' } }}
          onFinish={(v) => void submit(v)}
          onValuesChange={(changed) => clearEditedErrors(form, changed)}
          requiredMark
        >
          <h2 className="section-title">{t('agency.section')}</h2>
          <AgencyFields prefix="agency" />
          <h2 className="section-title">{t('setup.officerSection')}</h2>
          <Row gutter={16}>
            <Col xs={24} md={12}>
              <Form.Item label={t('setup.officerName')} name={['officer', 'fullName']} required>
                <Input maxLength={100} autoComplete="off" autoFocus />
              </Form.Item>
            </Col>
            <Col xs={24} md={12}>
              <Form.Item label={t('setup.officerTitle')} name={['officer', 'title']}>
                <Input maxLength={100} autoComplete="off" placeholder={t('setup.officerTitlePlaceholder')} />
              </Form.Item>
            </Col>
          </Row>
          <div className="form-actions">
            <Button type="primary" htmlType="submit" size="large" loading={busy}>
              {t('setup.submit')}
            </Button>
          </div>
        </Form>
      </Card>
    </main>
  );
}
