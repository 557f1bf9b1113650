import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { createTestApp, type ApiClient, type TestApp } from '../test-app.js';
import { creditCodeCheckChar, csv, gbk, multipart, runImports, upload, xlsx } from './imports-test-helpers.js';

/** JOURNEYS.md journey 1: marketing ops uploads badge scans, maps once, reads the report. */
// Each test runs whole imports against a real database: allow for a slow, shared machine.
vi.setConfig({ testTimeout: 120_000 });

let t: TestApp;
let admin: ApiClient;
let marketing: { client: ApiClient; id: string };
let marketing2: { client: ApiClient; id: string };
let rep: { client: ApiClient; id: string };

beforeAll(async () => {
  t = await createTestApp();
  admin = await t.signUp('Imports Co');
  marketing = await t.addUser(admin, { role: 'marketing' });
  marketing2 = await t.addUser(admin, { role: 'marketing' });
  rep = await t.addUser(admin, { role: 'sales_rep' });
}, 180_000);
afterAll(() => t?.close(), 180_000);

const code = (first17: string) => `${first17}${creditCodeCheckChar(first17)}`;

async function importFile(client: ApiClient, file: { name: string; content: Buffer }, start: Record<string, unknown> = {}) {
  const uploaded = await upload(client, file);
  expect(uploaded.status, uploaded.text).toBe(201);
  const started = await client.post(`/imports/${uploaded.body.id}/start`, { mapping: uploaded.body.mapping, ...start });
  expect(started.status, started.text).toBe(200);
  expect(started.body.status).toBe('queued');
  await runImports(t.database.db);
  const done = await client.get(`/imports/${uploaded.body.id}`);
  return { uploaded: uploaded.body, result: done.body };
}

const leadsByEmail = async (client: ApiClient, email: string) => (await client.get(`/leads?filter[email]=${encodeURIComponent(email)}`)).body.data;

describe('upload and column mapping', () => {
  it('reads a UTF-8 CSV with English headers, suggests the mapping and imports it', async () => {
    const file = csv([
      ['Full Name', 'Company', 'Job Title', 'E-mail', 'Mobile', 'Industry', 'Notes'],
      ['Alice Wong', 'Acme Ltd', 'CIO', 'Alice@Acme.example', '138 0013 8001', 'Manufacturing', 'Met at booth A12'],
      ['Bob Li', 'Beta Co', 'Buyer', 'bob@beta.example', '+86 139-0013-8002', '', ''],
    ], { bom: true });
    const uploaded = await upload(marketing.client, { name: 'expo.csv', content: file });
    expect(uploaded.status, uploaded.text).toBe(201);
    expect(uploaded.body).toMatchObject({ status: 'mapping', format: 'csv', encoding: 'utf-8', delimiter: ',', headerRow: 1, mappingSource: 'suggested' });
    expect(uploaded.body.columns.map((c: { key: string }) => c.key)).toEqual(['Full Name', 'Company', 'Job Title', 'E-mail', 'Mobile', 'Industry', 'Notes']);
    expect(uploaded.body.mapping).toEqual({
      'Full Name': 'name', Company: 'company', 'Job Title': 'title', 'E-mail': 'email', Mobile: 'phone', Industry: 'industry', Notes: 'description',
    });
    expect(uploaded.body.rows).toHaveLength(2);
    expect(uploaded.body.rows[0][0]).toBe('Alice Wong');
    const preview = await marketing.client.get(`/imports/${uploaded.body.id}/preview`);
    expect(preview.body.columns[4]).toMatchObject({ key: 'Mobile', field: 'phone', samples: ['138 0013 8001', '+86 139-0013-8002'] });
    expect(preview.body.fields.find((f: { key: string }) => f.key === 'name')).toMatchObject({ required: true, label: 'Name' });

    const started = await marketing.client.post(`/imports/${uploaded.body.id}/start`, { mapping: uploaded.body.mapping });
    expect(started.body).toMatchObject({ status: 'queued', duplicatePolicy: 'skip' });
    await runImports(t.database.db);
    const done = await marketing.client.get(`/imports/${uploaded.body.id}`);
    expect(done.body).toMatchObject({
      status: 'completed',
      progress: { processed: 2, total: 2, percent: 100 },
      counts: { created: 2, merged: 0, skipped: 0, rejected: 0 },
      errors: [],
    });
    const [alice] = await leadsByEmail(marketing.client, 'alice@acme.example');
    expect(alice).toMatchObject({
      name: 'Alice Wong', company: 'Acme Ltd', title: 'CIO', phone: '+8613800138001', industry: '制造业',
      description: 'Met at booth A12', source: 'import', ownerId: marketing.id, status: 'new',
    });
    expect(alice.fieldSources.email.source).toBe('import');
    expect(Object.keys(alice.fieldSources).sort()).toEqual(['company', 'description', 'email', 'industry', 'name', 'phone', 'source', 'title']);
    // Audited and announced like any lead.
    const audit = await admin.get(`/audit?recordId=${alice.id}`);
    expect(audit.body.data[0]).toMatchObject({ action: 'create', actorId: marketing.id });
  });

  it('reads an XLSX badge export with a title row, Chinese headers and Excel number cells', async () => {
    const content = await xlsx((sheet) => {
      sheet.addRow(['2025 上海工博会 展位扫码名单']);
      sheet.addRow(['序号', '姓名', '单位名称', '职务', '手机号码（必填）', '邮箱', '所属行业', '省份', '城市', '注册资本', '公司规模', '统一社会信用代码']);
      sheet.addRow([1, '王建国', '星河智造（北京）科技有限公司', '总经理', 13800138010, 'wang@xinghe.example', '制造业', '北京市', '北京市', '1000万', '500-999人', code('91110108MA0XMP001')]);
      sheet.addRow([]);
      sheet.addRow([2, { richText: [{ text: '李' }, { text: '娜' }] }, '南方电网', '工程师', '020-8888 6666', { text: 'li@nf.example', hyperlink: 'mailto:li@nf.example' }, '能源', '广东省', '广州市', '5亿元', '10000人以上', '']);
    });
    const { uploaded, result } = await importFile(marketing.client, { name: '工博会.xlsx', content });
    expect(uploaded).toMatchObject({ format: 'xlsx', headerRow: 2, encoding: null });
    expect(uploaded.mapping).toMatchObject({
      序号: null, 姓名: 'name', 单位名称: 'company', 职务: 'title', '手机号码（必填）': 'phone', 邮箱: 'email', 所属行业: 'industry',
      省份: 'province', 城市: 'city', 注册资本: 'registeredCapital', 公司规模: 'headcount', 统一社会信用代码: 'creditCode',
    });
    expect(result).toMatchObject({ status: 'completed', counts: { created: 2, rejected: 0 }, progress: { total: 2 } });
    const [wang] = await leadsByEmail(marketing.client, 'wang@xinghe.example');
    expect(wang).toMatchObject({
      name: '王建国', phone: '+8613800138010', province: '北京', city: '北京', headcount: 500,
      registeredCapital: { amount: '10000000.00', currency: 'CNY' }, creditCode: code('91110108MA0XMP001'),
    });
    const [li] = await leadsByEmail(marketing.client, 'li@nf.example');
    expect(li).toMatchObject({ name: '李娜', phone: '+862088886666', province: '广东', city: '广州', headcount: 10000, registeredCapital: { amount: '500000000.00' } });
  });

  it('detects a GBK (GB18030) CSV from a Chinese Excel and its delimiter', async () => {
    const text = '姓名\t公司\t电话\t邮箱\t职位\r\n张伟\t上海浦江智能制造有限公司\t13900139011\tzhangwei@pj.example\t采购经理\r\n';
    const uploaded = await upload(marketing.client, { name: 'gbk.csv', content: gbk(text) });
    expect(uploaded.status, uploaded.text).toBe(201);
    expect(uploaded.body).toMatchObject({ encoding: 'gb18030', delimiter: '\t' });
    expect(uploaded.body.columns.map((c: { header: string }) => c.header)).toEqual(['姓名', '公司', '电话', '邮箱', '职位']);
    expect(uploaded.body.rows[0]).toEqual(['张伟', '上海浦江智能制造有限公司', '13900139011', 'zhangwei@pj.example', '采购经理']);
    await marketing.client.post(`/imports/${uploaded.body.id}/start`, { mapping: uploaded.body.mapping });
    await runImports(t.database.db);
    const [zhang] = await leadsByEmail(marketing.client, 'zhangwei@pj.example');
    expect(zhang).toMatchObject({ name: '张伟', company: '上海浦江智能制造有限公司', title: '采购经理' });
  });

  it('remembers the mapping chosen for a header set and offers it for the next file, whatever the column order', async () => {
    const first = await upload(marketing.client, { name: 'a.csv', content: csv([['客户姓名', '单位', '备注', '展位'], ['赵六', '某公司', '想要报价', 'A1']]) });
    expect(first.body.mapping).toEqual({ 客户姓名: 'name', 单位: 'company', 备注: 'description', 展位: null });
    const chosen = { 客户姓名: 'name', 单位: 'company', 备注: 'productInterest', 展位: 'description' };
    expect((await marketing.client.post(`/imports/${first.body.id}/start`, { mapping: chosen })).status).toBe(200);
    // Another marketing user of the same tenant, the columns in another order.
    const second = await upload(marketing2.client, { name: 'b.csv', content: csv([['展位', '备注', ' 客户姓名 ', '单位'], ['B2', '试用', '钱七', '另一公司']]) });
    expect(second.body.mappingSource).toBe('remembered');
    expect(second.body.mapping).toEqual({ 展位: 'description', 备注: 'productInterest', 客户姓名: 'name', 单位: 'company' });
    // Another tenant does not see it.
    const other = await t.signUp('Other Co');
    const third = await upload(other, { name: 'c.csv', content: csv([['客户姓名', '单位', '备注', '展位'], ['孙八', 'X', 'Y', 'Z']]) });
    expect(third.body.mappingSource).toBe('suggested');
    await runImports(t.database.db);
  });

  it('refuses a mapping without the name, an unknown field, or a field mapped twice', async () => {
    const uploaded = await upload(marketing.client, { name: 'm.csv', content: csv([['Name', 'Company', 'Firm'], ['A', 'B', 'C']]) });
    const noName = await marketing.client.as('zh-CN').post(`/imports/${uploaded.body.id}/start`, { mapping: { Name: null, Company: 'company' } });
    expect(noName.status).toBe(400);
    expect(noName.body.error.details.fields[0]).toMatchObject({ code: 'IMPORT_REQUIRED_FIELD_UNMAPPED' });
    expect(noName.body.error.details.fields[0].message).toContain('必填');
    const unknown = await marketing.client.post(`/imports/${uploaded.body.id}/start`, { mapping: { Name: 'name', Company: 'salary' } });
    expect(unknown.body.error.details.fields[0]).toMatchObject({ field: 'mapping.Company', code: 'IMPORT_UNKNOWN_FIELD' });
    const twice = await marketing.client.post(`/imports/${uploaded.body.id}/start`, { mapping: { Name: 'name', Company: 'company', Firm: 'company' } });
    expect(twice.body.error.details.fields[0]).toMatchObject({ code: 'IMPORT_FIELD_MAPPED_TWICE' });
    const missingColumn = await marketing.client.post(`/imports/${uploaded.body.id}/start`, { mapping: { Name: 'name', Nope: 'company' } });
    expect(missingColumn.body.error.details.fields[0]).toMatchObject({ code: 'IMPORT_UNKNOWN_COLUMN' });
    expect((await marketing.client.get(`/imports/${uploaded.body.id}`)).body.status).toBe('mapping');
  });

  it('starts at once when the upload carries the mapping (one call for an integration)', async () => {
    const { body, headers } = multipart(
      { object: 'leads', duplicatePolicy: 'create', mapping: JSON.stringify({ 名字: 'name', 手机: 'phone' }) },
      { name: 'api.csv', content: csv([['名字', '手机'], ['周九', '13700137009']]) },
    );
    const res = await marketing.client.post('/imports', body, headers);
    expect(res.status, res.text).toBe(201);
    expect(res.body.import).toMatchObject({ status: 'queued', duplicatePolicy: 'create', mapping: { 名字: 'name', 手机: 'phone' } });
    await runImports(t.database.db);
    expect((await marketing.client.get(`/imports/${res.body.id}`)).body.counts.created).toBe(1);
  });

  it('refuses files it cannot read, with a reason', async () => {
    const xls = await upload(marketing.client, { name: 'old.xls', content: Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1, 0, 0, 0]) });
    expect(xls.status).toBe(400);
    expect(xls.body.error.code).toBe('IMPORT_UNSUPPORTED_FILE');
    expect((await marketing.client.get(`/imports/${xls.body.error.details.importId}`)).body).toMatchObject({ status: 'failed', failure: { code: 'IMPORT_UNSUPPORTED_FILE' } });
    const empty = await upload(marketing.client, { name: 'empty.csv', content: Buffer.alloc(0) });
    expect(empty.body.error.code).toBe('IMPORT_EMPTY_FILE');
    const noFile = await marketing.client.post('/imports', ...Object.values(multipart({ object: 'leads' })) as [Buffer, Record<string, string>]);
    expect(noFile.status).toBe(400);
    expect(noFile.body.error.details.fields[0]).toMatchObject({ field: 'file', code: 'IMPORT_FILE_REQUIRED' });
    const object = await upload(marketing.client, { name: 'x.csv', content: csv([['Name'], ['A']]) }, { object: 'opportunities' });
    expect(object.status).toBe(400);
    expect(object.body.error.details.fields[0]).toMatchObject({ field: 'object', code: 'IMPORT_UNSUPPORTED_OBJECT' });
  });
});

describe('file size limit', () => {
  it('refuses a file over the limit (L2C_IMPORT_MAX_MB) and drops what was stored', async () => {
    process.env.L2C_IMPORT_MAX_MB = '1';
    const small = await createTestApp();
    delete process.env.L2C_IMPORT_MAX_MB;
    try {
      const client = await small.signUp('Small Co');
      const res = await upload(client, { name: 'big.csv', content: Buffer.alloc(1536 * 1024, 'name,email\r\n') });
      expect(res.status).toBe(413);
      expect(res.body.error).toMatchObject({ code: 'IMPORT_FILE_TOO_LARGE', message: 'The file is larger than 1 MB. Split it into smaller files.' });
      const failed = await client.get(`/imports/${res.body.error.details.importId}`);
      expect(failed.body).toMatchObject({ status: 'failed', failure: { code: 'IMPORT_FILE_TOO_LARGE' } });
      const chunks = await small.database.db.execute('SELECT count(*)::int AS n FROM import_files' as never);
      expect((chunks as unknown as { rows: { n: number }[] }).rows[0].n).toBe(0);
    } finally {
      await small.close();
    }
  }, 120_000);
});

describe('validation report', () => {
  it('rejects invalid rows with the row, the column and the reason in the reader’s language, and gives them back to fix', async () => {
    const content = csv([
      ['姓名', '公司', '手机', '邮箱', '信用代码', '人数'],
      ['好人甲', '甲公司', '13800138101', 'ok1@report.example', code('91110108MA0RPT001'), '200'],
      ['坏电话', '乙公司', '12345', 'ok2@report.example', '', ''],
      ['', '丙公司', '13800138103', 'not-an-email', '', ''],
      ['坏代码', '丁公司', '', '', '911101081017336XXX', '很多'],
      ['好人乙', '戊公司', '13800138105', '', '', ''],
    ]);
    const { uploaded, result } = await importFile(marketing.client, { name: '展会.csv', content });
    expect(result).toMatchObject({ status: 'completed', counts: { created: 2, rejected: 3 } });
    const zh = await marketing.client.as('zh-CN').get(`/imports/${uploaded.id}`);
    expect(zh.body.errors.map((e: { rowNumber: number }) => e.rowNumber)).toEqual([3, 4, 5]);
    expect(zh.body.errors[0].errors).toEqual([{ column: '手机', field: 'phone', code: 'INVALID_PHONE', message: '电话号码 12345 无效。' }]);
    expect(zh.body.errors[1].errors.map((e: { code: string }) => e.code)).toEqual(['FIELD_FORMAT_EMAIL', 'FIELD_REQUIRED']);
    expect(zh.body.errors[2].errors.map((e: { field: string }) => e.field)).toEqual(['creditCode', 'headcount']);
    expect(zh.body.errors[2].cells).toEqual(['坏代码', '丁公司', '', '', '911101081017336XXX', '很多']);
    const en = await marketing.client.get(`/imports/${uploaded.id}/errors?limit=2`);
    expect(en.body.data).toHaveLength(2);
    expect(en.body.next).toBe(4);
    expect(en.body.data[1].errors[0].message).toBe('Enter a valid e-mail address.');

    const report = await marketing.client.as('zh-CN').get(`/imports/${uploaded.id}/report?format=csv`);
    expect(report.status).toBe(200);
    expect(report.headers['content-type']).toContain('text/csv');
    const lines = report.text.replace(/^\ufeff/, '').trim().split(/\r?\n/);
    expect(lines[0]).toBe('姓名,公司,手机,邮箱,信用代码,人数,原行号,错误原因');
    expect(lines).toHaveLength(4);
    expect(lines[1]).toBe('坏电话,乙公司,12345,ok2@report.example,,,3,手机: 电话号码 12345 无效。');

    // Fixed and uploaded again: the report's extra columns are ignored and the remembered mapping applies.
    const fixed = report.text.replace('12345', '13800138102');
    const again = await upload(marketing.client, { name: 'fixed.csv', content: Buffer.from(fixed) });
    expect(again.body.mappingSource).toBe('remembered');
    expect(again.body.mapping).toMatchObject({ 姓名: 'name', 手机: 'phone', 原行号: null, 错误原因: null });

    const xlsxReport = await marketing.client.request('GET', `/imports/${uploaded.id}/report?format=xlsx&locale=en-US`);
    expect(xlsxReport.headers['content-type']).toContain('spreadsheetml');
    const res = await t.app.inject({ method: 'GET', url: `/api/v1/imports/${uploaded.id}/report?format=xlsx&locale=en-US`, headers: { cookie: `l2c_session=${marketing.client.cookie}` } });
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(res.rawPayload as never);
    const [rejected, summary] = workbook.worksheets;
    expect(rejected.name).toBe('Rejected rows');
    expect(rejected.getRow(1).values).toEqual([undefined, '姓名', '公司', '手机', '邮箱', '信用代码', '人数', 'Original row', 'Errors']);
    expect(rejected.rowCount).toBe(4);
    expect(summary.name).toBe('Summary');
    const summaryValues = Object.fromEntries(summary.getSheetValues().filter(Boolean).map((r) => [(r as unknown[])[1], (r as unknown[])[2]]));
    expect(summaryValues).toMatchObject({ 'New leads': 2, 'Rejected rows': 3, 'Rows in file': 5 });
    await runImports(t.database.db);
  });
});

describe('duplicates', () => {
  const header = ['姓名', '公司', '邮箱', '手机', '职位', '行业'];
  let existingId: string;

  beforeAll(async () => {
    // A lead a person typed: title CTO, no industry.
    const res = await marketing.client.post('/leads', { name: '陈一', company: '已存公司', email: 'chen@dup.example', title: 'CTO' });
    existingId = res.body.id;
  });

  it('skip: a row matching an existing lead (by e-mail) is counted and left alone', async () => {
    const { result } = await importFile(marketing.client, { name: 'skip.csv', content: csv([header, ['陈一', '已存公司', 'CHEN@dup.example', '', '工程师', '制造业']]) }, { duplicatePolicy: 'skip' });
    expect(result.counts).toEqual({ created: 0, merged: 0, skipped: 1, rejected: 0 });
    const lead = (await marketing.client.get(`/leads/${existingId}`)).body;
    expect(lead).toMatchObject({ title: 'CTO', industry: null, version: 1 });
  });

  it('merge: fills the empty fields, keeps what a person typed, and records the campaign touch', async () => {
    const campaign = await marketing.client.post('/campaigns', { name: '2025 工博会', type: 'trade_show', startDate: '2025-09-23' });
    expect(campaign.status, campaign.text).toBe(201);
    const { result } = await importFile(
      marketing.client,
      { name: 'merge.csv', content: csv([header, ['陈一', '已存公司', 'chen@dup.example', '13800138201', '工程师', '制造业']]) },
      { duplicatePolicy: 'merge', campaignId: campaign.body.id },
    );
    expect(result.counts).toEqual({ created: 0, merged: 1, skipped: 0, rejected: 0 });
    expect(result.campaignId).toBe(campaign.body.id);
    const lead = (await marketing.client.get(`/leads/${existingId}`)).body;
    expect(lead).toMatchObject({ title: 'CTO', industry: '制造业', phone: '+8613800138201', campaignId: campaign.body.id });
    expect(lead.fieldSources.title.source).toBe('user');
    expect(lead.fieldSources.industry.source).toBe('import');
    const audit = await admin.get(`/audit?recordId=${existingId}`);
    expect(audit.body.data[0].changes).toMatchObject({ industry: { before: null, after: '制造业' } });
    expect(audit.body.data[0].changes.title).toBeUndefined();
    const touches = await t.database.db.execute(`SELECT kind, campaign_id FROM lead_touches WHERE lead_id = '${existingId}'` as never);
    expect((touches as unknown as { rows: unknown[] }).rows).toEqual([{ kind: 'import', campaign_id: campaign.body.id }]);
  });

  it('create: imports the row as a new lead even though it matches', async () => {
    const { result } = await importFile(marketing.client, { name: 'create.csv', content: csv([header, ['陈一', '已存公司', 'chen@dup.example', '', '', '']]) }, { duplicatePolicy: 'create' });
    expect(result.counts).toEqual({ created: 1, merged: 0, skipped: 0, rejected: 0 });
    expect(await leadsByEmail(marketing.client, 'chen@dup.example')).toHaveLength(2);
  });

  it('finds duplicates inside the file too (e-mail, phone in any format, credit code with the name)', async () => {
    const cc = code('91310115MA1DUP001');
    const rows = [
      ['甲', 'A', 'jia@infile.example', '', '', ''],
      ['乙', 'B', '', '138 0013 8301', '', ''],
      ['甲', 'A', 'JIA@infile.example', '13800138302', '经理', ''],
      ['乙', 'B', 'yi@infile.example', '+86 138-0013-8301', '', '金融'],
      ['丙', 'C', '', '', '', ''],
    ];
    const withCode = [...header, '信用代码'];
    const skip = await importFile(marketing.client, { name: 'infile.csv', content: csv([withCode, ...rows.map((r) => [...r, r[0] === '丙' ? cc : '']), ['丙', 'C', '', '', '', '', cc]]) }, { duplicatePolicy: 'skip' });
    expect(skip.result.counts).toEqual({ created: 3, merged: 0, skipped: 3, rejected: 0 });

    const merged = rows.map((r) => r.map((v) => v.replace('infile', 'infile2').replace('830', '840')));
    const merge = await importFile(marketing.client, { name: 'infile2.csv', content: csv([header, ...merged]) }, { duplicatePolicy: 'merge' });
    expect(merge.result.counts).toEqual({ created: 3, merged: 2, skipped: 0, rejected: 0 });
    const [jia] = await leadsByEmail(marketing.client, 'jia@infile2.example');
    expect(jia).toMatchObject({ phone: '+8613800138402', title: '经理' });
    // The second 乙 row completed the first: its e-mail and industry filled the lead's empty fields.
    const byPhone = (await marketing.client.get(`/leads?q=${encodeURIComponent('+8613800138401')}`)).body.data;
    expect(byPhone).toHaveLength(1);
    expect(byPhone[0]).toMatchObject({ name: '乙', industry: '金融', email: 'yi@infile2.example' });
  });
});

describe('cancel, tenants and permissions', () => {
  it('cancels a queued import before it runs; a finished one cannot be cancelled', async () => {
    const uploaded = await upload(marketing.client, { name: 'cancel.csv', content: csv([['Name', 'Email'], ['Cancelled Person', 'cancel@x.example']]) });
    await marketing.client.post(`/imports/${uploaded.body.id}/start`, {});
    // Another marketing user may not cancel it (own level); an admin may.
    expect((await marketing2.client.post(`/imports/${uploaded.body.id}/cancel`, {})).status).toBe(403);
    const cancelled = await marketing.client.post(`/imports/${uploaded.body.id}/cancel`, {});
    expect(cancelled.body).toMatchObject({ status: 'cancelled' });
    await runImports(t.database.db);
    expect(await leadsByEmail(marketing.client, 'cancel@x.example')).toHaveLength(0);
    expect((await marketing.client.post(`/imports/${uploaded.body.id}/cancel`, {})).status).toBe(409);
    expect((await marketing.client.post(`/imports/${uploaded.body.id}/start`, {})).status).toBe(409);
  });

  it('a sales rep cannot import or see imports', async () => {
    const res = await upload(rep.client, { name: 'rep.csv', content: csv([['Name'], ['X']]) });
    expect(res.status).toBe(403);
    expect((await rep.client.get('/imports')).status).toBe(403);
  });

  it('keeps imports and duplicate matching inside the tenant', async () => {
    const other = await t.signUp('Isolated Co');
    const mine = (await marketing.client.get('/imports?limit=1')).body.data[0];
    expect((await other.get(`/imports/${mine.id}`)).status).toBe(404);
    expect((await other.get(`/imports/${mine.id}/report`)).status).toBe(404);
    expect((await other.post(`/imports/${mine.id}/cancel`, {})).status).toBe(404);
    expect((await other.get('/imports')).body.data).toEqual([]);
    // The same e-mail as a lead of the first tenant is a new lead here.
    const { result } = await importFile(other, { name: 'iso.csv', content: csv([['Name', 'Email'], ['Chen', 'chen@dup.example']]) }, { duplicatePolicy: 'merge' });
    expect(result.counts).toMatchObject({ created: 1, merged: 0 });
  });

  it('lists the history with status and counts, newest first', async () => {
    const list = await marketing.client.get('/imports?filter[status]=completed');
    expect(list.status).toBe(200);
    expect(list.body.data.length).toBeGreaterThan(3);
    expect(list.body.data[0]).toMatchObject({ status: 'completed', object: 'leads', ownerId: expect.any(String) });
    expect(list.body.data[0].ownerName).toBeTruthy();
  });
});
