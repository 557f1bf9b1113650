import { useEffect, useState, type ReactNode } from 'react';
import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { App as AntdApp, ConfigProvider } from 'antd';
import enUSAntd from 'antd/locale/en_US';
import zhCNAntd from 'antd/locale/zh_CN';
import { BrowserRouter } from 'react-router';
import { isApiError } from '../api/api-error';
import { onUnauthorized } from '../api/http-client';
import { queryKeys } from '../api/query-keys';
import { I18nProvider } from '../i18n/I18nProvider';
import { useI18n } from '../i18n/i18n-context';
import { AppRoutes } from './AppRoutes';
import { theme } from './theme';

function createQueryClient(): QueryClient {
  return new QueryClient({
    defaultOptions: {
      queries: {
        staleTime: 30_000,
        refetchOnWindowFocus: false,
        // Client errors (403, 404, validation) will not heal by retrying.
        retry: (failureCount, error) =>
          failureCount < 2 && !(isApiError(error) && error.status >= 400 && error.status < 500),
      },
    },
  });
}

/** antd follows the UI language (its own texts, date pickers). */
function LocalizedAntd({ children }: { children: ReactNode }) {
  const { locale } = useI18n();
  return (
    <ConfigProvider locale={locale === 'zh-CN' ? zhCNAntd : enUSAntd} theme={theme}>
      <AntdApp>{children}</AntdApp>
    </ConfigProvider>
  );
}

export function App() {
  const [queryClient] = useState(createQueryClient);

  // A 401 on any call means the session is gone: forget it, and <RequireAuth> sends the user to /login.
  useEffect(() => onUnauthorized(() => queryClient.setQueryData(queryKeys.me(), null)), [queryClient]);

  return (
    <QueryClientProvider client={queryClient}>
      <I18nProvider>
        <LocalizedAntd>
          <BrowserRouter>
            <AppRoutes />
          </BrowserRouter>
        </LocalizedAntd>
      </I18nProvider>
    </QueryClientProvider>
  );
}
