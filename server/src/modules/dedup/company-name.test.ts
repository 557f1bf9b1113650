import { describe, expect, it } from 'vitest';
import { parseCompanyName } from './company-name';

describe('parseCompanyName: Chinese names', () => {
  it.each([
    // name, core, industry, location
    ['北京星河智造科技有限公司', '星河智造', ['科技'], '北京'],
    ['星河智造（北京）科技有限公司', '星河智造', ['科技'], '北京'],
    ['星河智造(北京)科技有限公司', '星河智造', ['科技'], '北京'],
    ['星河智造科技', '星河智造', ['科技'], null],
    ['上海市星河智造信息技术有限责任公司', '星河智造', ['信息技术'], '上海'],
    ['深圳市星河网络股份有限公司', '星河', ['网络'], '深圳'],
    ['广东省深圳市星河网络有限公司', '星河', ['网络'], '深圳'],
    ['华为技术有限公司', '华为', ['技术'], null],
    ['华为终端有限公司', '华为终端', [], null],
    ['江苏蓝丰生物化工股份有限公司', '蓝丰', ['生物', '化工'], '江苏'],
    ['柳州国联运输集团有限公司', '国联', ['运输'], '柳州'],
    ['新月能源石家庄公司', '新月', ['能源'], '石家庄'],
    ['广州市天河区棠下丹妮贸易商行', '棠下丹妮', ['贸易', '商行'], '天河'],
    ['华懋(厦门)新材料科技股份有限公司', '华懋', ['新材料', '科技'], '厦门'],
    ['平安银行股份有限公司', '平安', ['银行'], null],
    // The place is the name when only industry words follow (Bank of Beijing, Sinopec, and 朝阳 is also a brand).
    ['北京银行股份有限公司', '北京', ['银行'], null],
    ['中国石油化工股份有限公司', '中国', ['石油', '化工'], null],
    ['朝阳科技有限公司', '朝阳', ['科技'], null],
    // 超市 and 区块链 are not administrative units.
    ['百佳超市连锁有限公司', '百佳', ['超市', '连锁'], null],
    ['星河区块链科技有限公司', '星河区块链', ['科技'], null],
  ])('%s → core %s', (name, core, industry, location) => {
    const parsed = parseCompanyName(name);
    expect(parsed).toMatchObject({ script: 'han', core, industry, location });
  });

  it.each([
    ['常州途畅互联网科技有限公司合肥分公司', '途畅', '合肥分公司'],
    ['招商银行股份有限公司深圳分行', '招商', '深圳分行'],
    ['中国银行北京分行', '中国', '北京分行'],
    ['星河智造北京分公司', '星河智造', '北京分公司'],
    ['星河智造科技有限公司', '星河智造', null],
  ])('%s: branch of %s', (name, core, branch) => {
    expect(parseCompanyName(name)).toMatchObject({ core, branch });
  });

  it.each([
    ['万科Ａ', '万科'],
    ['*ST国华', '国华'],
    ['ST通脉', '通脉'],
    ['前沿生物-U', '前沿'],
    ['昂瑞微-UW', '昂瑞微'],
  ])('strips stock-quote decorations: %s → %s', (name, core) => {
    expect(parseCompanyName(name).core).toBe(core);
  });

  it('normalises full-width characters and registers brackets full-width for display', () => {
    expect(parseCompanyName(' 星河智造 (北京) 科技有限公司 ').display).toBe('星河智造（北京）科技有限公司');
    expect(parseCompanyName('ＡＢＣ（中国）有限公司').display).toBe('ABC（中国）有限公司');
  });

  it('gives the pinyin of the core and a compact form with place abbreviations', () => {
    expect(parseCompanyName('北京星河智造科技有限公司')).toMatchObject({
      pinyin: 'xinghezhizao',
      compact: '京北京星河智造科技',
    });
    // 重 is read chong in 重庆.
    expect(parseCompanyName('重庆银行股份有限公司').pinyin).toBe('chongqing');
    expect(parseCompanyName('安徽新华传媒股份有限公司').compact).toBe('皖安徽新华传媒');
  });
});

describe('parseCompanyName: Latin names', () => {
  it.each([
    ['Acme Inc.', 'acme', 'us'],
    ['ACME, Inc', 'acme', 'us'],
    ['Acme Holdings GmbH', 'acme', 'de'],
    ['Acme Co., Ltd.', 'acme', 'ltd'],
    ['Acme Corporation', 'acme', 'us'],
    ['The Acme Company', 'acme', null],
    ['Shenzhen Zhenye (Group) Co.,Ltd.', 'shenzhen zhenye', 'ltd'],
    ['Société Générale S.A.', 'societe generale', 'fr'],
    ['Procter & Gamble Co.', 'procter gamble', null],
    ["Arnie Morton's of Chicago", 'arnie mortons chicago', null],
  ])('%s → %s', (name, core, jurisdiction) => {
    expect(parseCompanyName(name)).toMatchObject({ script: 'latin', core, jurisdiction });
  });

  it.each([
    ['Acme Software Solutions Ltd', 'acme', ['software', 'solutions']],
    ['Hotel Bel-Air', 'bel air', ['hotel']],
    ['Bel-Air Hotel', 'bel air', ['hotel']],
    ['Le Chardonnay (Los Angeles)', 'le chardonnay', []],
    // Nothing distinctive left: the generic words are the name.
    ['The Grill', 'grill', []],
  ])('%s: core %s, industry %j', (name, core, industry) => {
    expect(parseCompanyName(name)).toMatchObject({ core, industry });
  });

  it('keeps the display text as typed, spacing normalised', () => {
    expect(parseCompanyName('  ACME,   Inc ').display).toBe('ACME, Inc');
  });

  it('returns an empty core for empty input', () => {
    expect(parseCompanyName('   ').core).toBe('');
  });
});
