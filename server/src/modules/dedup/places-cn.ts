/**
 * Chinese place names that appear in company names as a registration prefix (北京星河…),
 * a bracketed location (星河（北京）…) or a branch (…合肥分公司). Provinces carry their
 * one-character abbreviations, which stock short names use (皖新传媒 = 安徽新华传媒).
 */

interface Province {
  abbreviations: string;
  /** Prefecture-level cities and prefectures, plus county-level cities common in company names. */
  cities: string;
}

const PROVINCES: Readonly<Record<string, Province>> = {
  北京: { abbreviations: '京', cities: '' },
  天津: { abbreviations: '津', cities: '' },
  上海: { abbreviations: '沪申', cities: '浦东' },
  重庆: { abbreviations: '渝', cities: '' },
  河北: { abbreviations: '冀', cities: '石家庄 唐山 秦皇岛 邯郸 邢台 保定 张家口 承德 沧州 廊坊 衡水' },
  山西: { abbreviations: '晋', cities: '太原 大同 阳泉 长治 晋城 朔州 晋中 运城 忻州 临汾 吕梁' },
  内蒙古: { abbreviations: '蒙', cities: '呼和浩特 包头 乌海 赤峰 通辽 鄂尔多斯 呼伦贝尔 巴彦淖尔 乌兰察布' },
  辽宁: { abbreviations: '辽', cities: '沈阳 大连 鞍山 抚顺 本溪 丹东 锦州 营口 阜新 辽阳 盘锦 铁岭 朝阳 葫芦岛' },
  吉林: { abbreviations: '吉', cities: '长春 四平 辽源 通化 白山 松原 白城 延边' },
  黑龙江: { abbreviations: '黑', cities: '哈尔滨 齐齐哈尔 鸡西 鹤岗 双鸭山 大庆 伊春 佳木斯 七台河 牡丹江 黑河 绥化' },
  江苏: {
    abbreviations: '苏',
    cities: '南京 无锡 徐州 常州 苏州 南通 连云港 淮安 盐城 扬州 镇江 泰州 宿迁 昆山 江阴 张家港 常熟 太仓 宜兴',
  },
  浙江: {
    abbreviations: '浙',
    cities: '杭州 宁波 温州 嘉兴 湖州 绍兴 金华 衢州 舟山 台州 丽水 义乌 慈溪 余姚 诸暨 海宁 桐乡 瑞安 乐清 温岭 永康 萧山',
  },
  安徽: { abbreviations: '皖', cities: '合肥 芜湖 蚌埠 淮南 马鞍山 淮北 铜陵 安庆 黄山 滁州 阜阳 宿州 六安 亳州 池州 宣城' },
  福建: { abbreviations: '闽', cities: '福州 厦门 莆田 三明 泉州 漳州 南平 龙岩 宁德 晋江 石狮' },
  江西: { abbreviations: '赣', cities: '南昌 景德镇 萍乡 九江 新余 鹰潭 赣州 吉安 宜春 抚州 上饶' },
  山东: { abbreviations: '鲁', cities: '济南 青岛 淄博 枣庄 东营 烟台 潍坊 济宁 泰安 威海 日照 临沂 德州 聊城 滨州 菏泽' },
  河南: {
    abbreviations: '豫',
    cities: '郑州 开封 洛阳 平顶山 安阳 鹤壁 新乡 焦作 濮阳 许昌 漯河 三门峡 南阳 商丘 信阳 周口 驻马店 济源',
  },
  湖北: { abbreviations: '鄂', cities: '武汉 黄石 十堰 宜昌 襄阳 鄂州 荆门 孝感 荆州 黄冈 咸宁 随州 恩施 仙桃 潜江 天门' },
  湖南: { abbreviations: '湘', cities: '长沙 株洲 湘潭 衡阳 邵阳 岳阳 常德 张家界 益阳 郴州 永州 怀化 娄底 湘西' },
  广东: {
    abbreviations: '粤',
    cities: '广州 韶关 深圳 珠海 汕头 佛山 江门 湛江 茂名 肇庆 惠州 梅州 汕尾 河源 阳江 清远 东莞 中山 潮州 揭阳 云浮 顺德',
  },
  广西: { abbreviations: '桂', cities: '南宁 柳州 桂林 梧州 北海 防城港 钦州 贵港 玉林 百色 贺州 河池 来宾 崇左' },
  海南: { abbreviations: '琼', cities: '海口 三亚 儋州' },
  四川: {
    abbreviations: '川蜀',
    cities: '成都 自贡 攀枝花 泸州 德阳 绵阳 广元 遂宁 内江 乐山 南充 眉山 宜宾 广安 达州 雅安 巴中 资阳 阿坝 甘孜 凉山',
  },
  贵州: { abbreviations: '黔贵', cities: '贵阳 六盘水 遵义 安顺 毕节 铜仁' },
  云南: { abbreviations: '滇云', cities: '昆明 曲靖 玉溪 保山 昭通 丽江 普洱 临沧 楚雄 红河 文山 西双版纳 大理 德宏' },
  西藏: { abbreviations: '藏', cities: '拉萨 日喀则 林芝' },
  陕西: { abbreviations: '陕秦', cities: '西安 铜川 宝鸡 咸阳 渭南 延安 汉中 榆林 安康 商洛' },
  甘肃: { abbreviations: '甘陇', cities: '兰州 嘉峪关 金昌 白银 天水 武威 张掖 平凉 酒泉 庆阳 定西 陇南' },
  青海: { abbreviations: '青', cities: '西宁 海东' },
  宁夏: { abbreviations: '宁', cities: '银川 石嘴山 吴忠 固原 中卫' },
  新疆: { abbreviations: '新', cities: '乌鲁木齐 克拉玛依 吐鲁番 哈密 昌吉 阿克苏 喀什 和田 伊犁 石河子' },
  香港: { abbreviations: '港', cities: '' },
  澳门: { abbreviations: '澳', cities: '' },
  台湾: { abbreviations: '台', cities: '' },
};

/** Big-city abbreviations that are not simply the city's first character. */
const CITY_ABBREVIATIONS: Readonly<Record<string, string>> = {
  广州: '穗', 宁波: '甬', 成都: '蓉', 福州: '榕', 厦门: '鹭', 武汉: '汉',
};

/** The country itself, as in 中国石油化工 or (中国). */
const COUNTRY = '中国';

const PROVINCE_OF: ReadonlyMap<string, string> = new Map(
  Object.entries(PROVINCES).flatMap(([province, { cities }]) =>
    cities.split(' ').filter(Boolean).map((city) => [city, province] as const),
  ),
);

const PLACE_NAMES = [COUNTRY, ...Object.keys(PROVINCES), ...PROVINCE_OF.keys()].sort((a, b) => b.length - a.length);

/** Administrative suffixes that may follow a place name (北京市, 广西壮族自治区). */
const SUFFIX = '(?:维吾尔自治区|壮族自治区|回族自治区|特别行政区|自治区|自治州|地区|省|市)?';
const LEADING_PLACE = new RegExp(`^(${PLACE_NAMES.join('|')})${SUFFIX}`);
const TRAILING_PLACE = new RegExp(`(${PLACE_NAMES.join('|')})${SUFFIX}$`);
const WHOLE_PLACE = new RegExp(`^(${PLACE_NAMES.join('|')})${SUFFIX}$`);
/**
 * An unlisted "X区/X县/X市" at the start (天河区, 朝阳县), except where 区/市 is part of a word:
 * 超市, 门市, 城市, 社区, 园区, 景区, 小区, 校区, 厂区, 矿区, 区块链, 市场.
 */
const LEADING_ADMIN_UNIT = /^(\p{Script=Han}{2,3}?)(?<![超门城社园景小校厂矿片营])(?:新区|区(?!块)|县|市(?!场))/u;

/** Canonical place (no 省/市 suffix) when the whole text is a known place: "上海市" → "上海". */
export function placeOf(text: string): string | null {
  return WHOLE_PLACE.exec(text)?.[1] ?? null;
}

/** Splits one leading place: "北京市海淀区…" → { place: "北京", rest: "海淀区…" }. */
export function splitLeadingPlace(text: string): { place: string; rest: string } | null {
  const m = LEADING_PLACE.exec(text) ?? LEADING_ADMIN_UNIT.exec(text);
  return m ? { place: m[1], rest: text.slice(m[0].length) } : null;
}

/** Splits a trailing known place: "新月能源石家庄" → { place: "石家庄", rest: "新月能源" }. */
export function splitTrailingPlace(text: string): { place: string; rest: string } | null {
  const m = TRAILING_PLACE.exec(text);
  return m ? { place: m[1], rest: text.slice(0, m.index) } : null;
}

/** Abbreviations a name may use for the place or its province (安徽 → 皖, 广州 → 穗粤). */
export function placeAbbreviations(place: string): string {
  const province = PROVINCE_OF.get(place);
  return (CITY_ABBREVIATIONS[place] ?? '') + (PROVINCES[province ?? place]?.abbreviations ?? '');
}

const isKnown = (place: string) => place === COUNTRY || place in PROVINCES || PROVINCE_OF.has(place);

/**
 * Whether two places can name the same location: equal, a city and its own province, the country,
 * or a place we cannot locate (a district). Two different known cities, or a city and another province, cannot.
 */
export function placesCompatible(a: string, b: string): boolean {
  if (a === b || a === COUNTRY || b === COUNTRY || !isKnown(a) || !isKnown(b)) return true;
  return PROVINCE_OF.get(a) === b || PROVINCE_OF.get(b) === a;
}
