import { useTranslation } from 'react-i18next';

/**
 * Header of a dossier-components table (#, name, bản chính / chứng thực / photo), as on Mẫu 01; `extra` adds
 * count-sized columns after them (pages, required) and `actionLabel` the remove-row column.
 */
export function ComponentsTableHead({ actionLabel, extra = [] }: { actionLabel?: string; extra?: readonly string[] }) {
  const { t } = useTranslation();
  return (
    <thead>
      <tr>
        <th scope="col" className="num-col">
          #
        </th>
        <th scope="col">{t('intake.componentName')}</th>
        <th scope="col" className="count-col">
          {t('intake.originals')}
        </th>
        <th scope="col" className="count-col">
          {t('intake.certifiedCopies')}
        </th>
        <th scope="col" className="count-col">
          {t('intake.photocopies')}
        </th>
        {extra.map((label) => (
          <th key={label} scope="col" className="count-col">
            {label}
          </th>
        ))}
        {actionLabel !== undefined && (
          <th scope="col" className="action-col">
            <span className="sr-only">{actionLabel}</span>
          </th>
        )}
      </tr>
    </thead>
  );
}
