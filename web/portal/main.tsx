import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { I18nProvider } from '../components/i18n';
import { PortalApp } from './PortalApp';
import './portal.css';

const container = document.getElementById('root');
if (!container) throw new Error('#root is missing from index.html');

createRoot(container).render(
  <StrictMode>
    <I18nProvider>
      <PortalApp />
    </I18nProvider>
  </StrictMode>,
);
