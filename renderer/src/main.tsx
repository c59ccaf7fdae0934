import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { installDesk } from './desk/client';
import { initTheme } from './state/theme';
import { App } from './App';
import './styles/base.css';
import './styles/layout.css';
import './styles/components.css';
import './styles/screens.css';

installDesk();
initTheme();
createRoot(document.getElementById('root')!).render(
  <StrictMode>
    <App />
  </StrictMode>,
);
