import { describe, expect, it } from 'vitest';
import { parseRegisteredCapital } from './registered-capital';

describe('parseRegisteredCapital', () => {
  it.each<[string, string | null, string | null]>([
    ['100(万元人民币)', '1000000.00', 'CNY'],
    ['1,000(万元人民币)', '10000000.00', 'CNY'],
    ['100万元人民币', '1000000.00', 'CNY'],
    ['100万人民币', '1000000.00', 'CNY'],
    ['100(万人民币元)', '1000000.00', 'CNY'],
    ['100（万元）', '1000000.00', 'CNY'],
    ['100(万)', '1000000.00', 'CNY'],
    ['12.5(万元人民币)', '125000.00', 'CNY'],
    ['0.0001万元', '1.00', 'CNY'],
    ['50万美元', '500000.00', 'USD'],
    ['50(万美元)', '500000.00', 'USD'],
    ['30(万元美元)', '300000.00', 'USD'],
    ['200(万香港元)', '2000000.00', 'HKD'],
    ['80万港元', '800000.00', 'HKD'],
    ['1000(万日元)', '10000000.00', 'JPY'],
    ['10万欧元', '100000.00', 'EUR'],
    ['3亿元人民币', '300000000.00', 'CNY'],
    ['5000', '5000.00', 'CNY'],
    ['100(万元德国马克)', null, null],
    ['N/A', null, null],
    ['-', null, null],
    ['', null, null],
    ['0(万元人民币)', null, null],
    ['1,00(万元)', null, null],
  ])('%s', (input, amount, currency) => {
    const money = parseRegisteredCapital(input);
    expect(money ? [money.amount, money.currency] : [null, null]).toEqual([amount, currency]);
  });
});
