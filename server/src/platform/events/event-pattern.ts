const PATTERN_RE = /^(\*|[a-z0-9_-]+)(\.(\*|[a-z0-9_-]+))*$/;

/** Patterns are dot-separated segments, each a name or `*`: `accounts.created`, `accounts.*`, `*.deleted`, `*`. */
export function isValidEventPattern(pattern: string): boolean {
  return pattern.length <= 200 && PATTERN_RE.test(pattern);
}

/**
 * Whether an event type matches a pattern. `*` stands for one segment, except in last place
 * where it stands for the rest: `accounts.*` matches `accounts.created` and `accounts.stage.changed`.
 */
export function matchesEventPattern(pattern: string, type: string): boolean {
  const p = pattern.split('.');
  const t = type.split('.');
  for (let i = 0; i < p.length; i++) {
    if (p[i] === '*' && i === p.length - 1) return t.length > i;
    if (i >= t.length || (p[i] !== '*' && p[i] !== t[i])) return false;
  }
  return p.length === t.length;
}
