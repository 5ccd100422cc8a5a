import { Form, Input, Radio } from 'antd';
import { useEffect, useRef } from 'react';
import { useTranslation } from 'react-i18next';
import { DELIVERY_METHODS } from '../../../../electron/contract';

export interface DeliveryValues {
  method: (typeof DELIVERY_METHODS)[number];
  address: string;
}

/**
 * How the applicant receives the result: at the counter, or by post to an address that starts as the applicant's
 * own and follows it until the officer types another.
 */
export function DeliveryFields() {
  const { t } = useTranslation();
  const form = Form.useFormInstance();
  const method = Form.useWatch(['delivery', 'method'], form) as DeliveryValues['method'] | undefined;
  const applicantAddress = (Form.useWatch(['applicant', 'address'], form) as string | undefined) ?? '';
  const followed = useRef('');

  useEffect(() => {
    if (method !== 'post') return;
    const current = (form.getFieldValue(['delivery', 'address']) as string | undefined) ?? '';
    if (current.trim() === '' || current === followed.current) form.setFieldValue(['delivery', 'address'], applicantAddress);
    followed.current = applicantAddress;
  }, [method, applicantAddress, form]);

  return (
    <div className="delivery-fields">
      <Form.Item label={t('intake.deliveryMethod')} name={['delivery', 'method']} className="compact-item">
        <Radio.Group optionType="button" buttonStyle="solid">
          {DELIVERY_METHODS.map((m) => (
            <Radio.Button key={m} value={m}>
              {t(`intake.delivery.${m}`)}
            </Radio.Button>
          ))}
        </Radio.Group>
      </Form.Item>
      {method === 'post' && (
        <Form.Item
          label={t('intake.deliveryAddress')}
          name={['delivery', 'address']}
          required
          extra={t('intake.deliveryAddressHelp')}
          className="compact-item delivery-address"
        >
          <Input maxLength={300} autoComplete="off" />
        </Form.Item>
      )}
    </div>
  );
}
