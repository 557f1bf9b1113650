/**
 * Builds one personalised e-mail from a template, as pure functions: variables filled (HTML
 * escaped in the HTML part), every web link rewritten to the click tracker, an open pixel, and an
 * unsubscribe link (added as a footer when the template has none).
 */

/** `{{lead.name}}`, or `{{lead.name | there}}` with a fallback for an empty value. */
const VARIABLE_RE = /\{\{\s*([\w.]+)\s*(?:\|\s*([^}]*?)\s*)?\}\}/g;

export const TEMPLATE_VARIABLES = [
  'lead.name', 'lead.company', 'lead.title', 'lead.email', 'lead.phone', 'lead.industry', 'lead.province', 'lead.city',
  'sender.name', 'sender.email', 'unsubscribeUrl',
] as const;
export type TemplateVariable = (typeof TEMPLATE_VARIABLES)[number];
export type TemplateValues = Partial<Record<TemplateVariable, string | null>>;

/** Variables a text uses that do not exist. */
export function unknownVariables(text: string): string[] {
  const names = [...text.matchAll(VARIABLE_RE)].map((m) => m[1]);
  return [...new Set(names.filter((n) => !(TEMPLATE_VARIABLES as readonly string[]).includes(n)))];
}

export function usesVariable(text: string, name: TemplateVariable): boolean {
  return [...text.matchAll(VARIABLE_RE)].some((m) => m[1] === name);
}

export function escapeHtml(value: string): string {
  return value.replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c]!);
}

export function decodeEntities(value: string): string {
  return value.replace(/&(#x[0-9a-f]+|#\d+|amp|lt|gt|quot|apos|nbsp);/gi, (whole, entity: string) => {
    const e = entity.toLowerCase();
    if (e.startsWith('#x')) return String.fromCodePoint(parseInt(e.slice(2), 16));
    if (e.startsWith('#')) return String.fromCodePoint(parseInt(e.slice(1), 10));
    return ({ amp: '&', lt: '<', gt: '>', quot: '"', apos: "'", nbsp: ' ' } as Record<string, string>)[e] ?? whole;
  });
}

/** Fills variables; values (and fallbacks) are HTML-escaped when `html` is set. Unknown ones become empty. */
export function fillVariables(text: string, values: TemplateValues, html: boolean): string {
  return text.replace(VARIABLE_RE, (_m, name: string, fallback: string | undefined) => {
    const raw = values[name as TemplateVariable];
    const value = raw === null || raw === undefined || raw === '' ? (fallback ?? '') : raw;
    return html ? escapeHtml(value) : value;
  });
}

/** A readable plain-text version of an HTML body. */
export function htmlToText(html: string): string {
  const text = html
    .replace(/<(style|script|head)\b[\s\S]*?<\/\1>/gi, '')
    .replace(/<a\b[^>]*?\bhref\s*=\s*(["'])(.*?)\1[^>]*>([\s\S]*?)<\/a>/gi, (_m, _q, href: string, label: string) => {
      const inner = label.replace(/<[^>]+>/g, '').trim();
      const url = decodeEntities(href);
      return inner && decodeEntities(inner) !== url ? `${inner} (${url})` : url;
    })
    .replace(/<br\s*\/?>/gi, '\n')
    .replace(/<\/(p|div|h[1-6]|li|tr|table|blockquote)>/gi, '\n')
    .replace(/<li\b[^>]*>/gi, '- ')
    .replace(/<[^>]+>/g, '');
  return decodeEntities(text)
    .split('\n')
    .map((line) => line.replace(/[ \t\u00a0]+/g, ' ').trim())
    .join('\n')
    .replace(/\n{3,}/g, '\n\n')
    .trim();
}

export interface TrackingUrls {
  /** The tracked URL of the message's link number `index`; absent (previews): links stay as they are. */
  click?(index: number): string;
  /** Absent (previews): no open pixel. */
  pixel?: string;
  unsubscribe: string;
  /** The footer's words before the unsubscribe link, in the template's language. */
  footerText: string;
}

export interface BuiltEmail {
  subject: string;
  html: string;
  text: string;
  /** The original URLs, indexed as the click tracker numbers them. */
  links: string[];
}

const isWebUrl = (url: string) => /^https?:\/\//i.test(url);
const TEXT_URL_RE = /https?:\/\/[^\s<>"']+/gi;

/** Builds the message a lead gets from the template and its values. */
export function buildEmail(
  template: { subject: string; bodyHtml: string; bodyText: string | null },
  values: TemplateValues,
  tracking: TrackingUrls,
): BuiltEmail {
  const all: TemplateValues = { ...values, unsubscribeUrl: tracking.unsubscribe };
  const links: string[] = [];
  const track = (url: string) => {
    if (!isWebUrl(url) || url.startsWith(tracking.unsubscribe)) return url;
    let index = links.indexOf(url);
    if (index < 0) index = links.push(url) - 1;
    return tracking.click ? tracking.click(index) : url;
  };

  // A subject is one header line: no line breaks may come in through a value.
  const subject = fillVariables(template.subject, all, false).replace(/[\r\n]+/g, ' ').trim();

  let html = fillVariables(template.bodyHtml, all, true);
  if (!usesVariable(template.bodyHtml, 'unsubscribeUrl')) {
    const footer = `<p style="font-size:12px;color:#888">${escapeHtml(tracking.footerText)}: <a href="${escapeHtml(tracking.unsubscribe)}">${escapeHtml(tracking.unsubscribe)}</a></p>`;
    html = /<\/body>/i.test(html) ? html.replace(/<\/body>/i, `${footer}</body>`) : `${html}\n${footer}`;
  }

  let text = template.bodyText?.trim() ? fillVariables(template.bodyText, all, false) : htmlToText(html);
  if (template.bodyText?.trim() && !usesVariable(template.bodyText, 'unsubscribeUrl')) {
    text = `${text}\n\n${tracking.footerText}: ${tracking.unsubscribe}`;
  }

  html = html.replace(/(<a\b[^>]*?\bhref\s*=\s*)(["'])(.*?)\2/gi, (_m, start: string, quote: string, href: string) => {
    return `${start}${quote}${escapeHtml(track(decodeEntities(href.trim())))}${quote}`;
  });
  if (tracking.pixel) {
    const pixel = `<img src="${escapeHtml(tracking.pixel)}" width="1" height="1" alt="" style="display:block;width:1px;height:1px;border:0">`;
    html = /<\/body>/i.test(html) ? html.replace(/<\/body>/i, `${pixel}</body>`) : `${html}\n${pixel}`;
  }

  text = text.replace(TEXT_URL_RE, (match) => {
    // Sentence punctuation after a URL is not part of it.
    const url = match.replace(/[.,;:!?)\]]+$/, '');
    return track(url) + match.slice(url.length);
  });

  return { subject, html, text, links };
}
