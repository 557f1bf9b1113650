/** The page to return to after sign-in; only same-site paths are followed (no open redirect). */
export function safeNextPath(next: string | null | undefined): string {
  if (!next || !next.startsWith('/') || next.startsWith('//') || next.startsWith('/\\')) return '/dashboard';
  if (next.startsWith('/login') || next.startsWith('/signup')) return '/dashboard';
  return next;
}
