// Routes. The feed ships in the entry chunk (it is the first screen); every other page loads on demand.
import { lazy, Suspense } from 'react';
import { Route, Routes } from 'react-router';
import { RequireAccount } from '../auth/require-account.tsx';
import { SignInPage } from '../auth/sign-in-page.tsx';
import { SignUpPage } from '../auth/sign-up-page.tsx';
import { FeedPage } from '../feed/feed-page.tsx';
import { PageLoading } from '../ui/states.tsx';
import { Layout } from './layout.tsx';
import { NotFoundPage } from './not-found-page.tsx';

const BattlePage = lazy(() => import('../battle-page/battle-page.tsx').then((m) => ({ default: m.BattlePage })));
const WizardPage = lazy(() => import('../wizard/wizard-page.tsx').then((m) => ({ default: m.WizardPage })));
const LeaderboardPage = lazy(() => import('../leaderboards/leaderboard-page.tsx').then((m) => ({ default: m.LeaderboardPage })));
const ProfilePage = lazy(() => import('../lensers/profile-page.tsx').then((m) => ({ default: m.ProfilePage })));
const TokensPage = lazy(() => import('../tokens/tokens-page.tsx').then((m) => ({ default: m.TokensPage })));
const InvitePage = lazy(() => import('../battle-page/invite-page.tsx').then((m) => ({ default: m.InvitePage })));

export function App() {
  return (
    <Layout>
      <Suspense fallback={<PageLoading />}>
        <Routes>
          <Route path="/" element={<FeedPage />} />
          <Route path="/b/:slug" element={<BattlePage />} />
          <Route path="/new" element={<RequireAccount noGuests why="Guest sessions cannot create battles."><WizardPage /></RequireAccount>} />
          <Route path="/new/:battleId" element={<RequireAccount noGuests><WizardPage /></RequireAccount>} />
          <Route path="/leaderboards" element={<LeaderboardPage />} />
          <Route path="/leaderboards/:category" element={<LeaderboardPage />} />
          <Route path="/u/:handle" element={<ProfilePage />} />
          <Route path="/settings/tokens" element={<RequireAccount noGuests why="API tokens belong to accounts."><TokensPage /></RequireAccount>} />
          <Route path="/invite/:token" element={<InvitePage />} />
          <Route path="/signin" element={<SignInPage />} />
          <Route path="/signup" element={<SignUpPage />} />
          <Route path="*" element={<NotFoundPage />} />
        </Routes>
      </Suspense>
    </Layout>
  );
}
