import { QueryClientProvider } from '@tanstack/react-query';
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { I18nProvider } from '../components/i18n';
import { createQueryClient } from '../components/queryClient';
import { PortalApp } from './PortalApp';
import './portal.css';

const container = document.getElementById('root');
if (!container) throw new Error('#root is missing from index.html');

const queryClient = createQueryClient();

createRoot(container).render(
  <StrictMode>
    <QueryClientProvider client={queryClient}>
      <I18nProvider>
        <PortalApp />
      </I18nProvider>
    </QueryClientProvider>
  </StrictMode>,
);
