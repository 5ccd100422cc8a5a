import { Col, Form, Input, Row } from 'antd';
import { useTranslation } from 'react-i18next';
import { PLACEHOLDER_AGENCY_CODE } from '../../../electron/contract';

/** The agency's fields, shared by first-run setup (under `agency`) and Settings (top level). */
export function AgencyFields({ prefix }: { prefix?: string }) {
  const { t } = useTranslation();
  const name = (field: string) => (prefix ? [prefix, field] : field);
  const agencyCode = Form.useWatch(name('agencyCode'), Form.useFormInstance()) as string | undefined;
  const codeHelp = agencyCode === PLACEHOLDER_AGENCY_CODE ? t('agency.agencyCodePlaceholder') : t('agency.agencyCodeHelp');
  return (
    <>
      <Row gutter={16}>
        <Col xs={24} md={14}>
          <Form.Item label={t('agency.agencyName')} name={name('agencyName')} required>
            <Input maxLength={200} autoComplete="off" />
          </Form.Item>
        </Col>
        <Col xs={24} md={10}>
          <Form.Item label={t('agency.parentName')} name={name('parentName')} required>
            <Input maxLength={200} autoComplete="off" />
          </Form.Item>
        </Col>
      </Row>
      <Row gutter={16}>
        <Col xs={24} md={7}>
          <Form.Item label={t('agency.agencyCode')} name={name('agencyCode')} extra={codeHelp} required>
            <Input maxLength={20} autoComplete="off" className="mono" />
          </Form.Item>
        </Col>
        <Col xs={12} md={5}>
          <Form.Item label={t('agency.adminUnitCode')} name={name('adminUnitCode')}>
            <Input maxLength={10} inputMode="numeric" autoComplete="off" className="mono" />
          </Form.Item>
        </Col>
        <Col xs={12} md={6}>
          <Form.Item label={t('agency.placeName')} name={name('placeName')} extra={t('agency.placeNameHelp')} required>
            <Input maxLength={60} autoComplete="off" />
          </Form.Item>
        </Col>
        <Col xs={24} md={6}>
          <Form.Item label={t('agency.provinceName')} name={name('provinceName')} required>
            <Input maxLength={60} autoComplete="off" />
          </Form.Item>
        </Col>
      </Row>
      <Form.Item label={t('agency.address')} name={name('address')}>
        <Input maxLength={300} autoComplete="off" />
      </Form.Item>
      <Row gutter={16}>
        <Col xs={24} md={10}>
          <Form.Item label={t('agency.phone')} name={name('phone')}>
            <Input maxLength={20} inputMode="tel" autoComplete="off" />
          </Form.Item>
        </Col>
        <Col xs={24} md={14}>
          <Form.Item label={t('agency.email')} name={name('email')}>
            <Input maxLength={120} type="email" autoComplete="off" />
          </Form.Item>
        </Col>
      </Row>
    </>
  );
}
