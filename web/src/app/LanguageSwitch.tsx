import { Button, Tooltip } from 'antd';
import { GlobalOutlined } from '@ant-design/icons';
import { useI18n } from '../i18n/i18n-context';
import { useChangeLocale } from '../i18n/use-change-locale';

/** Toggles between 中文 and English; the button names the language it switches to. */
export function LanguageSwitch({ className }: { className?: string }) {
  const { locale, t } = useI18n();
  const changeLocale = useChangeLocale();
  const target = locale === 'zh-CN' ? 'en-US' : 'zh-CN';
  return (
    <Tooltip title={t('header.switchLanguage')}>
      <Button
        type="text"
        className={className}
        icon={<GlobalOutlined />}
        onClick={() => changeLocale(target)}
        data-testid="lang-switch"
        data-locale={locale}
        lang={target}
        aria-label={t('header.switchLanguage')}
      >
        {target === 'en-US' ? 'EN' : '中文'}
      </Button>
    </Tooltip>
  );
}
