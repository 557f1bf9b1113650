import type { ThemeConfig } from 'antd';

export const theme: ThemeConfig = {
  token: {
    colorPrimary: '#1f5fbf',
    borderRadius: 6,
    fontFamily:
      '-apple-system, BlinkMacSystemFont, "Segoe UI", "PingFang SC", "Hiragino Sans GB", "Microsoft YaHei", "Helvetica Neue", Arial, sans-serif',
  },
  components: {
    Layout: { siderBg: '#0f1f3d', headerBg: '#ffffff', headerPadding: '0 16px', headerHeight: 56 },
    Menu: { darkItemBg: '#0f1f3d', darkSubMenuItemBg: '#0a172e' },
  },
};
