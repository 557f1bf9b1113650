import { describe, expect, it } from 'vitest';
import { buildEmail, fillVariables, htmlToText, unknownVariables } from './email-render.js';

const tracking = {
  click: (i: number) => `https://crm.example.com/t/c/LINK${i}`,
  pixel: 'https://crm.example.com/t/o/OPEN.gif',
  unsubscribe: 'https://crm.example.com/u/UNSUB',
  footerText: 'Unsubscribe',
};

describe('variables', () => {
  it.each<[string, string, Record<string, string | null>, boolean, string]>([
    ['fills a value', 'Hi {{lead.name}}', { 'lead.name': '王建国' }, false, 'Hi 王建国'],
    ['tolerates spaces', 'Hi {{ lead.name }}', { 'lead.name': 'Li' }, false, 'Hi Li'],
    ['uses the fallback for an empty value', 'Hi {{lead.name | there}}', { 'lead.name': null }, false, 'Hi there'],
    ['escapes values in HTML', '<b>{{lead.company}}</b>', { 'lead.company': '<A&B "Co">' }, true, '<b>&lt;A&amp;B &quot;Co&quot;&gt;</b>'],
    ['leaves values raw in text', '{{lead.company}}', { 'lead.company': '<A&B>' }, false, '<A&B>'],
    ['drops unknown variables', 'x{{lead.salary}}y', {}, false, 'xy'],
  ])('%s', (_name, text, values, html, expected) => {
    expect(fillVariables(text, values, html)).toBe(expected);
  });

  it('names unknown variables', () => {
    expect(unknownVariables('{{lead.name}} {{lead.salary}} {{ foo }} {{lead.salary}}')).toEqual(['lead.salary', 'foo']);
  });
});

describe('buildEmail', () => {
  const template = {
    subject: 'News for {{lead.company}}',
    bodyHtml: '<html><body><p>Hi {{lead.name}},</p><a href="https://example.com/a?x=1&amp;y=2">Read</a> '
      + '<a href=\'https://example.com/b\'>B</a> <a href="https://example.com/a?x=1&amp;y=2">again</a> '
      + '<a href="mailto:sales@example.com">mail</a> <a href="#top">top</a></body></html>',
    bodyText: null,
  };

  it('rewrites each web link to the click tracker, once per distinct URL, and adds pixel and footer', () => {
    const email = buildEmail(template, { 'lead.name': 'Li <Lei>', 'lead.company': 'ACME\r\nBcc: x@y.z' }, tracking);
    expect(email.subject).toBe('News for ACME Bcc: x@y.z');
    expect(email.links).toEqual(['https://example.com/a?x=1&y=2', 'https://example.com/b']);
    expect(email.html).toContain('Hi Li &lt;Lei&gt;');
    expect(email.html).toContain('href="https://crm.example.com/t/c/LINK0">Read');
    expect(email.html).toContain("href='https://crm.example.com/t/c/LINK1'>B");
    expect(email.html).toContain('href="https://crm.example.com/t/c/LINK0">again');
    expect(email.html).toContain('href="mailto:sales@example.com"');
    expect(email.html).toContain('href="#top"');
    expect(email.html).toContain('href="https://crm.example.com/u/UNSUB"');
    expect(email.html).toMatch(/<img src="https:\/\/crm\.example\.com\/t\/o\/OPEN\.gif"[^>]*><\/body>/);
    expect(email.html).not.toContain('example.com/b\'');
    expect(email.text).toContain('Read (https://crm.example.com/t/c/LINK0)');
    expect(email.text).toContain('Unsubscribe: https://crm.example.com/u/UNSUB');
    expect(email.text).not.toContain('LINK0'.repeat(2));
  });

  it('keeps the template’s own unsubscribe link and does not track it', () => {
    const email = buildEmail(
      { subject: 's', bodyHtml: '<p><a href="{{unsubscribeUrl}}">Stop</a></p>', bodyText: 'Stop: {{unsubscribeUrl}}. Site: https://example.com/x.' },
      {},
      tracking,
    );
    expect(email.html).toContain('<a href="https://crm.example.com/u/UNSUB">Stop</a>');
    expect(email.html.match(/UNSUB/g)).toHaveLength(1);
    expect(email.text).toBe('Stop: https://crm.example.com/u/UNSUB. Site: https://crm.example.com/t/c/LINK0.');
    expect(email.links).toEqual(['https://example.com/x']);
  });

  it('leaves links alone without a click tracker (previews)', () => {
    const email = buildEmail(template, {}, { unsubscribe: 'https://crm.example.com/u/x', footerText: 'Unsubscribe' });
    expect(email.html).toContain('href="https://example.com/a?x=1&amp;y=2"');
    expect(email.html).not.toContain('<img');
  });
});

describe('htmlToText', () => {
  it('keeps paragraphs, list items and link targets', () => {
    expect(htmlToText('<style>p{}</style><h1>Title</h1><p>One&nbsp;&amp; two<br>three</p><ul><li>a</li><li>b</li></ul><a href="https://x.cn">x</a>'))
      .toBe('Title\nOne & two\nthree\n- a\n- b\nx (https://x.cn)');
  });
});
