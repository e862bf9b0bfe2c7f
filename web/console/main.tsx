import { QueryClientProvider } from '@tanstack/react-query';
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { AntdProvider } from '../components/AntdProvider';
import { I18nProvider } from '../components/i18n';
import { createQueryClient } from '../components/queryClient';
import { App } from './App';
import './console.css';

const container = document.getElementById('root');
if (!container) throw new Error('#root is missing from console/index.html');

const queryClient = createQueryClient();

createRoot(container).render(
  <StrictMode>
    <QueryClientProvider client={queryClient}>
      <I18nProvider>
        <AntdProvider>
          <App />
        </AntdProvider>
      </I18nProvider>
    </QueryClientProvider>
  </StrictMode>,
);
