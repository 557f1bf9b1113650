/**
 * Word lists for company-name normalisation. Legal forms and group words say nothing about
 * which company it is; industry words say a little (华为技术 vs 华为终端), so they are kept
 * apart from the core name as weaker evidence. Drawn from common registry usage and the
 * suffix list of shibing624/companynameparser.
 */

const words = (list: string): string[] => list.split(/\s+/).filter(Boolean);

/** Chinese organisational forms, stripped from the end of a name. */
export const CN_LEGAL_FORMS = words(`
  股份有限公司 有限责任公司 有限公司 股份公司 集团公司 总公司 公司 有限合伙 特殊普通合伙 普通合伙 合伙企业
  专业合作社 合作社 个体工商户 独资企业 股份
`);

/** 集团/控股: people add and drop them freely (万科 / 万科集团), so they do not tell companies apart. */
export const CN_GROUP_WORDS = words('控股集团 集团股份 集团 控股');

/** Words that end a branch name after the parent's name (…有限公司合肥分公司). */
export const CN_BRANCH_WORDS = words('分公司 分行 支行 分厂 分店 营业部 办事处 分部 分社 分院 分所 分中心 门店');

/** Industry and business-type words: weaker evidence than the core name. */
export const CN_INDUSTRY_WORDS = words(`
  信息技术 信息科技 网络科技 网络技术 电子科技 生物科技 生物技术 医疗科技 智能科技 数字科技 新能源科技 环保科技
  科技 技术 信息 网络 互联网 物联网 电子商务 电子 电商 软件 数据 智能 数码 数字 通信 通讯 光电 半导体 集成电路
  文化传媒 文化传播 文化发展 传媒 传播 文化 广告 影视 娱乐 教育 培训 咨询 管理 企业管理 资产管理 投资管理 投资
  资本 金融 保险 银行 证券 基金 信托 租赁 贸易 商贸 国际贸易 进出口 外贸 实业 发展 产业 工业 企业 国际 工程
  建设 建筑 建材 装饰 装饰工程 房地产开发 房地产 地产 房产 置业 物业 物流 运输 货运 供应链 海运 航运 能源
  新能源 电力 电气 电器 电机 环保 环境 生物 医药 制药 药业 医疗 医疗器械 器械 健康 卫生 化工 化学 生化 石化 石油
  天然气 燃气 材料 新材料 机械 设备 机电 仪器 仪表 精密 自动化 重工 汽车 汽车零部件 零部件 食品 饮料 农业 农牧 酒业
  服饰 服装 纺织 家居 家具 印刷 包装 钢铁 特钢 矿业 水务 旅游 酒店 餐饮 体育 航空 船舶 港口 人力资源 服务
  技术服务 商务 商业 连锁 超市 百货 商行 经营部 门市部 经销部 服务部 工作室 中心 事务所 研究院 研究所 厂 店
`);

/**
 * Latin legal forms by family: "Acme Inc." and "Acme GmbH" are different legal entities of one brand.
 * "Limited" is used across the UK, Hong Kong, Singapore and Chinese companies' English names, so it is a
 * family of its own; "co"/"company" is neutral.
 */
export const LATIN_LEGAL_FORMS: ReadonlyMap<string, string | null> = new Map([
  ...words('inc incorporated corp corporation llc pllc lp pc').map((w) => [w, 'us'] as const),
  ...words('ltd limited plc pty pte pvt llp').map((w) => [w, 'ltd'] as const),
  ...words('gmbh ag kg ohg ug kgaa gbr').map((w) => [w, 'de'] as const),
  ...words('sa sas sasu sarl eurl').map((w) => [w, 'fr'] as const),
  ...words('srl spa sl').map((w) => [w, 'it'] as const),
  ...words('bv nv bvba').map((w) => [w, 'nl'] as const),
  ...words('ab asa oy oyj aps').map((w) => [w, 'nordic'] as const),
  ...words('kk').map((w) => [w, 'jp'] as const),
  ...words('co company cos').map((w) => [w, null] as const),
]);

/** Group and holding words at the end of a name, the Latin counterpart of 集团/控股. */
export const LATIN_GROUP_WORDS = new Set(words('group holding holdings grp hldgs'));

/** Generic business words: what kind of business, not which one. */
export const LATIN_INDUSTRY_WORDS = new Set(
  words(`
    technology technologies tech software systems system solutions services service international intl global
    industries industry industrial trading consulting consultants enterprises enterprise manufacturing electronics
    networks network digital partners associates labs laboratories pharmaceuticals pharma foods logistics
    engineering energy capital investments ventures media communications restaurant restaurants cafe bistro grill
    grille bar deli delicatessen kitchen diner hotel inn shop store stores center centre clinic studio
  `),
);

/** Words with no identifying value in a Latin name. */
export const LATIN_STOPWORDS = new Set(words('the a an and of at on'));

/** Common abbreviations written out, so "Intl" and "International" compare equal. */
export const LATIN_ABBREVIATIONS: ReadonlyMap<string, string> = new Map([
  ['intl', 'international'],
  ['tech', 'technology'],
  ['technologies', 'technology'],
  ['mfg', 'manufacturing'],
  ['svcs', 'services'],
  ['sys', 'systems'],
  ['natl', 'national'],
  ['mgmt', 'management'],
  ['bros', 'brothers'],
  ['assoc', 'associates'],
  ['ctr', 'center'],
  ['centre', 'center'],
  ['grille', 'grill'],
]);
