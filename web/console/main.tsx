import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { AntdProvider } from '../components/AntdProvider';
import { I18nProvider } from '../components/i18n';
import { App } from './App';
import './console.css';

const container = document.getElementById('root');
if (!container) throw new Error('#root is missing from console/index.html');

createRoot(container).render(
  <StrictMode>
    <I18nProvider>
      <AntdProvider>
        <App />
      </AntdProvider>
    </I18nProvider>
  </StrictMode>,
);
