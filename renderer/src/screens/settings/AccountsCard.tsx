import { App as AntApp, Button, Card, Col, Form, Input, Modal, Row, Select, Switch, Table } from 'antd';
import { useMemo, useState, type TableHTMLAttributes } from 'react';
import { useTranslation } from 'react-i18next';
import { ROLE_NAMES, ROLES, type Account, type SaveAccountInput } from '../../../../electron/contract';
import { useDesk } from '../../api';
import { useOfficer } from '../../api/session';
import { FormAlert } from '../../components/FormAlert';
import { accountStatus, distinctFields } from '../../lib/accounts';
import { formatDateTimeSeconds, formatTime } from '../../lib/format';
import { clearEditedErrors, submitToDesk } from '../../lib/formErrors';

/** antd puts a Table's own props on its wrapper: name the <table> itself for screen readers (and the tests). */
const labelledTable = (labelId: string) => ({
  table: (props: TableHTMLAttributes<HTMLTableElement>) => <table {...props} aria-labelledby={labelId} />,
});
const ACCOUNTS_TABLE = labelledTable('accounts-title');
const LOG_TABLE = labelledTable('signin-log-title');

/**
 * Settings → Tài khoản (administrator): the officers' accounts and the sign-in log. Status words reuse the dossier
 * status tags' colours (antd's preset tags miss the 4.5:1 contrast).
 */
export function AccountsCard() {
  const { t } = useTranslation();
  const accounts = useDesk('listAccounts', {});
  const log = useDesk('listSignInLog', {});
  const procedures = useDesk('listProcedures', {});
  const me = useOfficer();
  const [editing, setEditing] = useState<Account | 'new' | null>(null);
  const now = Date.now();

  const fieldOptions = useMemo(
    () => distinctFields(procedures.data ?? [], (accounts.data?.accounts ?? []).flatMap((a) => a.fields)).map((f) => ({ value: f, label: f })),
    [procedures.data, accounts.data],
  );

  const statusTag = (a: Account) => {
    const s = accountStatus(a, now);
    switch (s.kind) {
      case 'inactive':
        return <span className="status-tag status-7">{t('accounts.inactive')}</span>;
      case 'locked':
        return <span className="status-tag status-3">{t('accounts.lockedUntil', { time: formatTime(s.until) })}</span>;
      case 'mustChange':
        return <span className="status-tag status-4">{t('accounts.mustChange')}</span>;
      default:
        return <span className="status-tag status-2">{t('accounts.active')}</span>;
    }
  };

  return (
    <div className="settings-stack">
      <Card
        size="small"
        title={<h2 className="card-title" id="accounts-title">{t('accounts.title')}</h2>}
        extra={
          <Button type="primary" onClick={() => setEditing('new')}>
            {t('accounts.add')}
          </Button>
        }
      >
        <p className="hint">{t('accounts.intro')}</p>
        {accounts.error && <FormAlert title={t('accounts.title')} message={accounts.error.message} />}
        <Table<Account>
          components={ACCOUNTS_TABLE}
          className="accounts-table"
          size="small"
          rowKey="id"
          loading={accounts.loading && !accounts.data}
          dataSource={accounts.data?.accounts ?? []}
          pagination={false}
          columns={[
            { key: 'username', title: t('accounts.username'), dataIndex: 'username', render: (v: string) => <span className="mono">{v}</span> },
            {
              key: 'fullName',
              title: t('accounts.fullName'),
              dataIndex: 'fullName',
              render: (v: string, a) => (a.id === me?.id ? <strong>{v}</strong> : v),
            },
            { key: 'title', title: t('accounts.title_'), dataIndex: 'title' },
            { key: 'unit', title: t('accounts.unit'), dataIndex: 'unit' },
            {
              key: 'fields',
              title: t('accounts.fields'),
              dataIndex: 'fields',
              render: (fields: string[]) => (fields.length ? fields.join('; ') : t('common.none')),
            },
            { key: 'role', title: t('accounts.role'), dataIndex: 'role', render: (r: Account['role']) => ROLE_NAMES[r] },
            { key: 'status', title: t('accounts.status'), render: (_: unknown, a) => statusTag(a) },
            {
              key: 'actions',
              title: t('accounts.actions'),
              render: (_: unknown, a) => (
                <Button size="small" onClick={() => setEditing(a)} aria-label={`${t('accounts.edit')} ${a.username}`}>
                  {t('accounts.edit')}
                </Button>
              ),
            },
          ]}
        />
      </Card>
      <Card size="small" title={<h2 className="card-title" id="signin-log-title">{t('accounts.logTitle')}</h2>}>
        <p className="hint">{t('accounts.logIntro')}</p>
        {log.error && <FormAlert title={t('accounts.logTitle')} message={log.error.message} />}
        <Table
          components={LOG_TABLE}
          className="signin-log"
          size="small"
          rowKey={(e) => `${e.at}|${e.username}|${e.outcome}`}
          loading={log.loading && !log.data}
          dataSource={log.data?.entries ?? []}
          locale={{ emptyText: t('accounts.empty') }}
          pagination={{ pageSize: 15, hideOnSinglePage: true, showSizeChanger: false }}
          columns={[
            { key: 'at', title: t('accounts.at'), dataIndex: 'at', render: (v: string) => <span className="nowrap">{formatDateTimeSeconds(v)}</span> },
            { key: 'username', title: t('accounts.username'), dataIndex: 'username', render: (v: string) => <span className="mono">{v}</span> },
            { key: 'officer', title: t('accounts.officer'), dataIndex: 'officerName', render: (v: string | null) => v ?? t('common.none') },
            {
              key: 'outcome',
              title: t('accounts.outcome'),
              dataIndex: 'outcome',
              render: (v: string) => {
                const label = t(`accounts.outcomes.${v}`, { defaultValue: v });
                return v === 'ok' || v === 'unlock' || v === 'signed_out' ? label : <span className="status-tag status-3">{label}</span>;
              },
            },
            { key: 'door', title: t('accounts.door'), dataIndex: 'door', render: (v: string) => t(`accounts.doors.${v}`, { defaultValue: v }) },
          ]}
        />
      </Card>
      {editing !== null && (
        <AccountModal
          account={editing === 'new' ? undefined : editing}
          fieldOptions={fieldOptions}
          onClose={() => setEditing(null)}
          onSaved={() => {
            setEditing(null);
            accounts.reload();
            log.reload();
          }}
        />
      )}
    </div>
  );
}

type Values = Omit<SaveAccountInput, 'id'>;

function AccountModal({ account, fieldOptions, onClose, onSaved }: { account?: Account; fieldOptions: { value: string; label: string }[]; onClose: () => void; onSaved: () => void }) {
  const { t } = useTranslation();
  const { message } = AntApp.useApp();
  const [form] = Form.useForm<Values>();
  const [busy, setBusy] = useState(false);
  const [alert, setAlert] = useState<string>();
  const isNew = account === undefined;

  const submit = async (values: Values) => {
    const input: SaveAccountInput = {
      ...(account ? { id: account.id } : {}),
      username: values.username?.trim() ?? '',
      fullName: values.fullName ?? '',
      title: values.title ?? '',
      unit: values.unit ?? '',
      fields: values.fields ?? [],
      role: values.role,
      active: values.active ?? true,
      ...(values.password ? { password: values.password } : {}),
    };
    setBusy(true);
    const saved = await submitToDesk(form, 'saveAccount', input, setAlert);
    setBusy(false);
    if (!saved) return;
    void message.success(t('accounts.saved'));
    onSaved();
  };

  return (
    <Modal
      open
      width={720}
      title={isNew ? t('accounts.addTitle') : t('accounts.editTitle')}
      onCancel={onClose}
      okText={t('common.save')}
      cancelText={t('common.cancel')}
      okButtonProps={{ loading: busy, htmlType: 'submit', form: 'account-form' }}
      destroyOnHidden
    >
      <FormAlert title={t('intake.fixErrors')} message={alert} />
      <Form<Values>
        form={form}
        id="account-form"
        layout="vertical"
        initialValues={
          account
            ? { username: account.username, fullName: account.fullName, title: account.title, unit: account.unit, fields: account.fields, role: account.role, active: account.active, password: '' }
            : { username: '', fullName: '', title: '', unit: '', fields: [], role: 'specialist', active: true, password: '' }
        }
        onFinish={(v) => void submit(v)}
        onValuesChange={(changed) => clearEditedErrors(form, changed)}
      >
        <Row gutter={16}>
          <Col xs={24} md={10}>
            <Form.Item label={t('accounts.username')} name="username" required>
              <Input maxLength={40} autoComplete="off" autoFocus className="mono" />
            </Form.Item>
          </Col>
          <Col xs={24} md={14}>
            <Form.Item label={t('accounts.fullName')} name="fullName" required>
              <Input maxLength={100} autoComplete="off" />
            </Form.Item>
          </Col>
        </Row>
        <Row gutter={16}>
          <Col xs={24} md={10}>
            <Form.Item label={t('accounts.title_')} name="title">
              <Input maxLength={100} autoComplete="off" />
            </Form.Item>
          </Col>
          <Col xs={24} md={14}>
            <Form.Item label={t('accounts.unit')} name="unit">
              <Input maxLength={200} autoComplete="off" />
            </Form.Item>
          </Col>
        </Row>
        <Form.Item label={t('accounts.fields')} name="fields">
          <Select mode="tags" options={fieldOptions} placeholder={t('accounts.fieldsPlaceholder')} tokenSeparators={[';']} />
        </Form.Item>
        <Row gutter={16}>
          <Col xs={24} md={10}>
            <Form.Item label={t('accounts.role')} name="role" required>
              <Select options={ROLES.map((r) => ({ value: r, label: ROLE_NAMES[r] }))} />
            </Form.Item>
          </Col>
          <Col xs={24} md={14}>
            <Form.Item label={t('accounts.activeSwitch')} name="active" valuePropName="checked">
              <Switch checkedChildren={t('accounts.active')} unCheckedChildren={t('accounts.inactive')} />
            </Form.Item>
          </Col>
        </Row>
        <Form.Item
          label={isNew ? t('accounts.tempPassword') : t('accounts.resetPassword')}
          name="password"
          required={isNew}
          extra={isNew ? t('accounts.tempPasswordHint') : t('accounts.resetHint')}
        >
          <Input.Password maxLength={128} autoComplete="new-password" />
        </Form.Item>
      </Form>
    </Modal>
  );
}
