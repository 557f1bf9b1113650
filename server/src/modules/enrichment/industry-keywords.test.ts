import { describe, expect, it } from 'vitest';
import { industryFromScope } from './industry-keywords';

describe('industryFromScope', () => {
  it.each<[string, string | null]>([
    ['技术开发、技术推广、技术服务、技术咨询;销售仪器仪表;软件开发;货物进出口。', '软件'],
    ['物业管理；酒店管理；企业管理；房地产开发；技术服务', '房地产'],
    ['货运代理；仓储服务（不含危险化学品）；包装服务', '物流'],
    ['工程技术咨询；电脑图文设计、制作；工程设计。', '建筑'],
    ['生产、加工：五金配件；销售：五金交电', '制造业'],
    ['汽车零部件研发；新能源汽车销售', '汽车'],
    ['互联网信息服务；软件开发', '互联网'],
    ['融资租赁业务；租赁业务', '金融'],
    ['销售日用品；技术推广', null],
    ['', null],
  ])('%s → %s', (scope, industry) => {
    expect(industryFromScope(scope)).toBe(industry);
  });
});
