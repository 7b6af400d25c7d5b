/**
 * Where to go after logging in. Only same-site paths are accepted, so a crafted link
 * (/connexion?retour=https://evil.example) cannot send the user elsewhere.
 */
export function safeReturnPath(candidate: string | null): string {
  if (!candidate?.startsWith('/') || candidate.startsWith('//') || candidate.startsWith('/\\')) return '/';
  if (candidate.startsWith('/connexion') || candidate.startsWith('/activation')) return '/';
  return candidate;
}
