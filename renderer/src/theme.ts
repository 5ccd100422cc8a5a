import type { ThemeConfig } from 'antd';

/** Calm, high-contrast theme for all-day use. Secondary text is darkened so it keeps 4.5:1 on white. */
export const HEADER_BG = '#0b3d6e';

export const theme: ThemeConfig = {
  token: {
    colorPrimary: '#0b5cab',
    colorLink: '#0b5cab',
    colorInfo: '#0b5cab',
    colorError: '#c0262d',
    colorWarning: '#a85b00',
    colorSuccess: '#1d6f2b',
    colorTextSecondary: 'rgba(0, 0, 0, 0.68)',
    colorTextTertiary: 'rgba(0, 0, 0, 0.62)',
    colorTextDescription: 'rgba(0, 0, 0, 0.62)',
    colorTextPlaceholder: 'rgba(0, 0, 0, 0.6)', // 5.7:1 on white (0.5 gave 3.9:1)
    colorBgLayout: '#f2f4f7',
    fontFamily: '"Segoe UI", Roboto, "Noto Sans", "Liberation Sans", Arial, sans-serif',
    fontSize: 14,
    borderRadius: 6,
  },
  components: {
    Layout: { headerBg: HEADER_BG, headerHeight: 56, headerPadding: '0 20px', bodyBg: '#f2f4f7' },
    Menu: {
      darkItemBg: HEADER_BG,
      darkItemColor: 'rgba(255, 255, 255, 0.88)',
      darkItemHoverColor: '#ffffff',
      darkItemSelectedBg: '#0b5cab',
      darkItemSelectedColor: '#ffffff',
    },
    Descriptions: { labelColor: 'rgba(0, 0, 0, 0.68)' },
    Segmented: { itemColor: 'rgba(0, 0, 0, 0.72)' },
  },
};
