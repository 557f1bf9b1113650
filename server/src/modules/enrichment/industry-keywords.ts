/**
 * 经营范围 (business scope) → the industry of accounts and leads (the app's industry list,
 * stored in Chinese). A scope lists the main business first, so the keyword found earliest wins;
 * at one position the longer keyword. Generic phrases every scope has (技术开发, 销售) map to nothing.
 */
const KEYWORDS: Readonly<Record<string, readonly string[]>> = {
  软件: ['软件', '信息系统集成', '数据处理', '计算机系统服务', '信息技术咨询', '数据库', '云计算', '人工智能', '大数据'],
  互联网: ['互联网', '电子商务', '网络科技', '网络技术', '网上', '网站', '移动应用'],
  金融: ['金融', '融资租赁', '保险', '投资管理', '资产管理', '银行', '证券', '基金', '担保', '支付', '小额贷款'],
  医药: ['医药', '药品', '医疗器械', '医疗', '生物制品', '诊所', '医院', '保健食品', '中药'],
  教育: ['教育', '培训', '学校', '幼儿园', '留学'],
  能源: ['能源', '电力', '石油', '天然气', '光伏', '煤炭', '燃气', '发电', '供热', '新能源'],
  物流: ['物流', '货运', '仓储', '道路运输', '运输代理', '快递', '搬运', '装卸'],
  建筑: ['建筑', '工程施工', '装饰装修', '建设工程', '土木工程', '市政工程', '工程设计', '施工总承包', '装修'],
  房地产: ['房地产', '物业管理', '房屋租赁', '房产经纪', '不动产'],
  电信: ['电信', '通信', '通讯'],
  汽车: ['汽车', '机动车', '新能源汽车'],
  零售: ['零售', '超市', '便利店', '百货', '批发', '商场'],
  制造业: ['制造', '生产', '加工', '机械设备', '模具', '纺织', '服装'],
  商务服务: ['企业管理', '商务咨询', '经济信息咨询', '会议服务', '展览展示', '广告', '营销策划', '人力资源', '企业形象策划', '法律咨询', '财务咨询', '代理记账'],
};

const ENTRIES = Object.entries(KEYWORDS).flatMap(([industry, words]) => words.map((word) => ({ industry, word })));

/** The industry a business scope names first, or null when it names none of the list. */
export function industryFromScope(scope: string | null | undefined): string | null {
  if (!scope) return null;
  const text = scope.normalize('NFKC');
  let best: { industry: string; at: number; length: number } | null = null;
  for (const { industry, word } of ENTRIES) {
    const at = text.indexOf(word);
    if (at < 0) continue;
    if (!best || at < best.at || (at === best.at && word.length > best.length)) best = { industry, at, length: word.length };
  }
  return best?.industry ?? null;
}
