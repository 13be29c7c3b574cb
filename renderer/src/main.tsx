import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { App } from './app/App';
import { rootErrorOptions } from './ui/ErrorBoundary';
import './styles.css';

const root = document.getElementById('root');
if (root) {
  // React's default error reports print the message, which may hold resident data: name only.
  createRoot(root, rootErrorOptions).render(
    <StrictMode>
      <App />
    </StrictMode>,
  );
}
