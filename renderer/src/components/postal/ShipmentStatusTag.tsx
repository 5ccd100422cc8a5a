import { useTranslation } from 'react-i18next';
import type { ShipmentStatus } from '../../../../electron/contract';
import './postal.css';

/** A shipment's status as a badge whose colours keep 4.5:1 (antd's preset gold tag does not). */
export function ShipmentStatusTag({ status }: { status: ShipmentStatus }) {
  const { t } = useTranslation();
  return <span className={`status-tag shipment-${status}`}>{t(`postal.status.${status}`)}</span>;
}
