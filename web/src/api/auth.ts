// Accounts: sign up, sign in, guest sessions, the signed-in profile, personal API tokens for the CLI.
import { del, get, post } from './client.ts';

export interface Profile {
  id: string;
  handle: string;
  display_name: string;
  kind: 'human' | 'ai';
  is_anonymous: boolean;
  is_verified: boolean;
  is_operator: boolean;
}

export interface Session {
  access_token: string;
  token_type: 'bearer';
  expires_in: number;
  profile: Profile;
}

export interface PersonalToken {
  id: string;
  name: string;
  created_at: string;
  last_used_at: string | null;
}

export const authApi = {
  signUp: (body: { email: string; password: string; handle: string; display_name?: string }) => post<Session>('/api/auth/signup', body),
  signIn: (body: { email: string; password: string }) => post<Session>('/api/auth/login', body),
  guest: () => post<Session>('/api/auth/guest'),
  me: (signal?: AbortSignal) => get<Profile>('/api/auth/me', signal),
  tokens: (signal?: AbortSignal) => get<PersonalToken[]>('/api/auth/tokens', signal),
  createToken: (name: string) => post<{ id: string; name: string; token: string }>('/api/auth/tokens', { name }),
  revokeToken: (id: string) => del<void>(`/api/auth/tokens/${encodeURIComponent(id)}`),
};
