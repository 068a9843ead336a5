// Entry point: styles, session, router, app. The design system's CSS comes first so page styles,
// bundled after it, can override it.
import './styles/tokens.css';
import './styles/base.css';
import './styles/components.css';
import './styles/layout.css';
import './styles/prose.css';
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { BrowserRouter } from 'react-router';
import { App } from './app/app.tsx';
import { SessionProvider } from './auth/session.tsx';
import { prefetchFeed } from './feed/feed-query.ts';

// The feed is the first screen: give its first page a moment (it usually arrives while this script
// loads, see index.html) so the first render already shows cards instead of placeholders.
await Promise.race([prefetchFeed(window.location), new Promise((resolve) => setTimeout(resolve, 250))]);

createRoot(document.getElementById('root')!).render(
  <StrictMode>
    <BrowserRouter>
      <SessionProvider>
        <App />
      </SessionProvider>
    </BrowserRouter>
  </StrictMode>,
);
