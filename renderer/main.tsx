// Renderer entry: styles, the transport and i18n first, then the app.
import '@mantine/core/styles.css';
import '@mantine/notifications/styles.css';
import './app/fonts.css';
import './app/app.css';
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { initTransport } from './api/transport';
import { App } from './app/App';
import { Providers } from './app/Providers';
import { initI18n } from './i18n';

initTransport();
initI18n();

const root = document.getElementById('root');
if (root) {
  createRoot(root).render(
    <StrictMode>
      <Providers>
        <App />
      </Providers>
    </StrictMode>,
  );
}
