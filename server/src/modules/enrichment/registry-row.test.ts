import { describe, expect, it } from 'vitest';
import { registryCompanyFrom, registryFieldOf } from './registry-row';

describe('registry columns', () => {
  it('reads the headers of registry exports and of the API, and never keeps the legal representative', () => {
    expect(['\ufeff企业名称', '统一社会信用代码', '注册资金', '经营范围', '所在省份', '地区', '注册地址', 'creditCode', 'Business Scope'].map(registryFieldOf))
      .toEqual(['name', 'creditCode', 'registeredCapital', 'businessScope', 'province', 'district', 'address', 'creditCode', 'businessScope']);
    expect(registryFieldOf('法人代表')).toBeNull();
    expect(registryFieldOf('法定代表人')).toBeNull();
    expect(registryFieldOf('备注')).toBeUndefined();
  });
});

describe('registryCompanyFrom', () => {
  it('reads a Beijing row: district under the city, capital, industry from the scope, region', () => {
    const result = registryCompanyFrom({
      name: '东方普拉特(北京)建筑设计有限公司', creditCode: '91110113ma01ghe6xa', registeredOn: '2019-01-02', companyType: 'N/A',
      registeredCapital: '1,000(万元人民币)', businessScope: '工程技术咨询；工程设计。', province: '北京', district: '顺义', address: '北京市顺义区南法信镇',
    });
    expect(result).toEqual({
      ok: true,
      invalidCreditCode: false,
      company: {
        name: '东方普拉特(北京)建筑设计有限公司', creditCode: '91110113MA01GHE6XA', registeredOn: '2019-01-02', companyType: null,
        registeredCapital: { amount: '10000000.00', currency: 'CNY' }, businessScope: '工程技术咨询；工程设计。', industry: '建筑',
        headcount: null, province: '北京', district: '顺义', city: '北京', region: '华北大区', address: '北京市顺义区南法信镇',
      },
    });
  });

  it('takes the city of a provincial row, a headcount range’s first number, and drops a bad credit code', () => {
    const result = registryCompanyFrom({ name: '东莞某某电子有限公司', creditCode: '91441900MA00000000', province: '广东省', district: '东莞', headcount: '50-99人' });
    expect(result).toMatchObject({ ok: true, invalidCreditCode: true, company: { creditCode: null, city: '东莞', province: '广东', region: '华南大区', headcount: 50 } });
  });

  it('refuses a row without a name', () => {
    expect(registryCompanyFrom({ creditCode: '91110113MA01GHE6XA' })).toEqual({ ok: false, code: 'REGISTRY_NAME_REQUIRED' });
  });
});
