/**
 * The on-time dashboard's strings (merged under the key `stats`: t('stats.title')). Vietnamese first; English for
 * maintainers, with the same keys (the type checks it).
 */
export const statsVi = {
  title: 'Tỉ lệ giải quyết đúng hạn',
  intro:
    'Theo Quyết định 766/QĐ-TTg: hồ sơ đã giải quyết xong, sớm hạn, đúng hạn hay trễ hạn so với ngày hẹn trả; thời gian chờ công dân bổ sung hồ sơ không tính. Tháng tính theo giờ Việt Nam.',
  year: 'Năm',
  period: 'Khoảng thời gian',
  from: 'Từ ngày',
  to: 'Đến ngày',
  clearPeriod: 'Cả năm',
  field: 'Lĩnh vực',
  officer: 'Cán bộ',
  any: 'Tất cả',
  clearFilters: 'Bỏ lọc',
  reload: 'Tải lại',
  print: 'In',
  loading: 'Đang tính số liệu…',
  generatedAt: 'Số liệu lúc {{time}}',
  periodLine: 'Từ {{from}} đến {{to}}',
  none: '—',
  noOfficer: 'Không ghi cán bộ',
  monthLabel: 'Tháng {{m}}/{{y}}',
  monthShort: 'T{{m}}',
  series: {
    early: 'Sớm hạn',
    onTime: 'Đúng hạn',
    late: 'Trễ hạn',
    unscored: 'Chưa chấm',
  },
  card: {
    label: 'Số liệu tổng hợp',
    finished: 'Đã giải quyết',
    rate: 'Tỉ lệ đúng hạn',
    rateSub: '(sớm hạn + đúng hạn) / {{n}} hồ sơ đã chấm',
    rateNone: 'Chưa có hồ sơ nào được chấm',
    share: '{{pct}} số hồ sơ đã chấm',
    unscoredSub: 'Giải quyết trước khi có chấm điểm; không tính vào tỉ lệ',
    overdue: 'Đang quá hạn',
    overdueSub: 'Hồ sơ đang giải quyết đã quá ngày hẹn trả (tính đến lúc này)',
  },
  chart: {
    legend: 'Chú giải',
    showTable: 'Xem bảng số liệu',
    empty: 'Không có hồ sơ đã giải quyết trong kỳ này.',
    summary:
      '{{n}} hồ sơ đã giải quyết: {{early}} sớm hạn, {{onTime}} đúng hạn, {{late}} trễ hạn, {{unscored}} chưa chấm; tỉ lệ đúng hạn {{rate}}.',
    month: {
      title: 'Theo tháng',
      svg: 'Biểu đồ cột chồng: hồ sơ đã giải quyết theo tháng, sớm hạn, đúng hạn, trễ hạn',
      caption: 'Hồ sơ đã giải quyết theo tháng (giờ Việt Nam)',
    },
    field: {
      title: 'Theo lĩnh vực',
      svg: 'Biểu đồ thanh ngang chồng: hồ sơ đã giải quyết theo lĩnh vực',
      caption: 'Hồ sơ đã giải quyết theo lĩnh vực thủ tục',
    },
    officer: {
      title: 'Theo cán bộ giải quyết',
      svg: 'Biểu đồ thanh ngang chồng: hồ sơ đã giải quyết theo cán bộ',
      caption: 'Hồ sơ đã giải quyết theo cán bộ hoàn thành hồ sơ',
    },
  },
  col: {
    month: 'Tháng',
    field: 'Lĩnh vực',
    officer: 'Cán bộ',
    finished: 'Tổng số',
    rate: 'Tỉ lệ đúng hạn',
  },
  total: 'Cộng',
};

type Catalogue<T> = { [K in keyof T]: T[K] extends string ? string : Catalogue<T[K]> };
export type StatsMessages = Catalogue<typeof statsVi>;

export const statsEn: StatsMessages = {
  title: 'On-time rate',
  intro:
    'Per Decision 766/QĐ-TTg: finished dossiers, early, on time or late against the promised return date; time waiting for the citizen is not counted. Months in Vietnam time.',
  year: 'Year',
  period: 'Period',
  from: 'From',
  to: 'To',
  clearPeriod: 'Whole year',
  field: 'Field',
  officer: 'Officer',
  any: 'All',
  clearFilters: 'Clear filters',
  reload: 'Reload',
  print: 'Print',
  loading: 'Computing…',
  generatedAt: 'Figures as of {{time}}',
  periodLine: 'From {{from}} to {{to}}',
  none: '—',
  noOfficer: 'No officer recorded',
  monthLabel: 'Month {{m}}/{{y}}',
  monthShort: 'M{{m}}',
  series: {
    early: 'Early',
    onTime: 'On time',
    late: 'Late',
    unscored: 'Not scored',
  },
  card: {
    label: 'Summary',
    finished: 'Finished',
    rate: 'On-time rate',
    rateSub: '(early + on time) / {{n}} scored dossiers',
    rateNone: 'No dossier scored yet',
    share: '{{pct}} of scored dossiers',
    unscoredSub: 'Finished before scoring existed; left out of the rate',
    overdue: 'Overdue now',
    overdueSub: 'Dossiers in progress past their return date (as of now)',
  },
  chart: {
    legend: 'Legend',
    showTable: 'Show the figures',
    empty: 'No dossier finished in this period.',
    summary: '{{n}} dossiers finished: {{early}} early, {{onTime}} on time, {{late}} late, {{unscored}} not scored; on-time rate {{rate}}.',
    month: {
      title: 'By month',
      svg: 'Stacked columns: finished dossiers by month, early, on time, late',
      caption: 'Finished dossiers by month (Vietnam time)',
    },
    field: {
      title: 'By field',
      svg: 'Stacked bars: finished dossiers by field',
      caption: 'Finished dossiers by procedure field',
    },
    officer: {
      title: 'By finishing officer',
      svg: 'Stacked bars: finished dossiers by officer',
      caption: 'Finished dossiers by the officer who finished them',
    },
  },
  col: {
    month: 'Month',
    field: 'Field',
    officer: 'Officer',
    finished: 'Total',
    rate: 'On-time rate',
  },
  total: 'Total',
};
