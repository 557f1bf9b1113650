/**
 * Chinese place names that appear in company names as a registration prefix (北京星河…),
 * a bracketed location (星河（北京）…) or a branch (…合肥分公司). Provinces carry their
 * one-character abbreviations, which stock short names use (皖新传媒 = 安徽新华传媒).
 */

const PROVINCES: ReadonlyArray<readonly [name: string, abbreviations: string]> = [
  ['北京', '京'], ['天津', '津'], ['上海', '沪申'], ['重庆', '渝'], ['河北', '冀'], ['山西', '晋'],
  ['内蒙古', '蒙'], ['辽宁', '辽'], ['吉林', '吉'], ['黑龙江', '黑'], ['江苏', '苏'], ['浙江', '浙'],
  ['安徽', '皖'], ['福建', '闽'], ['江西', '赣'], ['山东', '鲁'], ['河南', '豫'], ['湖北', '鄂'],
  ['湖南', '湘'], ['广东', '粤'], ['广西', '桂'], ['海南', '琼'], ['四川', '川蜀'], ['贵州', '黔贵'],
  ['云南', '滇云'], ['西藏', '藏'], ['陕西', '陕秦'], ['甘肃', '甘陇'], ['青海', '青'], ['宁夏', '宁'],
  ['新疆', '新'], ['香港', '港'], ['澳门', '澳'], ['台湾', '台'],
];

/** Big-city abbreviations that are not simply the city's first character. */
const CITY_ABBREVIATIONS: ReadonlyArray<readonly [name: string, abbreviations: string]> = [
  ['广州', '穗'], ['宁波', '甬'], ['成都', '蓉'], ['福州', '榕'], ['厦门', '鹭'], ['武汉', '汉'],
];

/** Prefecture-level cities, autonomous prefectures and county-level cities common in company names. */
const CITIES = `
石家庄 唐山 秦皇岛 邯郸 邢台 保定 张家口 承德 沧州 廊坊 衡水 太原 大同 阳泉 长治 晋城 朔州 晋中 运城 忻州 临汾 吕梁
呼和浩特 包头 乌海 赤峰 通辽 鄂尔多斯 呼伦贝尔 巴彦淖尔 乌兰察布 沈阳 大连 鞍山 抚顺 本溪 丹东 锦州 营口 阜新 辽阳
盘锦 铁岭 朝阳 葫芦岛 长春 四平 辽源 通化 白山 松原 白城 延边 哈尔滨 齐齐哈尔 鸡西 鹤岗 双鸭山 大庆 伊春 佳木斯
七台河 牡丹江 黑河 绥化 南京 无锡 徐州 常州 苏州 南通 连云港 淮安 盐城 扬州 镇江 泰州 宿迁 杭州 宁波 温州 嘉兴 湖州
绍兴 金华 衢州 舟山 台州 丽水 合肥 芜湖 蚌埠 淮南 马鞍山 淮北 铜陵 安庆 黄山 滁州 阜阳 宿州 六安 亳州 池州 宣城
福州 厦门 莆田 三明 泉州 漳州 南平 龙岩 宁德 南昌 景德镇 萍乡 九江 新余 鹰潭 赣州 吉安 宜春 抚州 上饶 济南 青岛
淄博 枣庄 东营 烟台 潍坊 济宁 泰安 威海 日照 临沂 德州 聊城 滨州 菏泽 郑州 开封 洛阳 平顶山 安阳 鹤壁 新乡 焦作
濮阳 许昌 漯河 三门峡 南阳 商丘 信阳 周口 驻马店 济源 武汉 黄石 十堰 宜昌 襄阳 鄂州 荆门 孝感 荆州 黄冈 咸宁 随州
恩施 仙桃 潜江 天门 长沙 株洲 湘潭 衡阳 邵阳 岳阳 常德 张家界 益阳 郴州 永州 怀化 娄底 湘西 广州 韶关 深圳 珠海
汕头 佛山 江门 湛江 茂名 肇庆 惠州 梅州 汕尾 河源 阳江 清远 东莞 中山 潮州 揭阳 云浮 南宁 柳州 桂林 梧州 北海
防城港 钦州 贵港 玉林 百色 贺州 河池 来宾 崇左 海口 三亚 儋州 成都 自贡 攀枝花 泸州 德阳 绵阳 广元 遂宁 内江 乐山
南充 眉山 宜宾 广安 达州 雅安 巴中 资阳 阿坝 甘孜 凉山 贵阳 六盘水 遵义 安顺 毕节 铜仁 昆明 曲靖 玉溪 保山 昭通
丽江 普洱 临沧 楚雄 红河 文山 西双版纳 大理 德宏 拉萨 日喀则 林芝 西安 铜川 宝鸡 咸阳 渭南 延安 汉中 榆林 安康 商洛
兰州 嘉峪关 金昌 白银 天水 武威 张掖 平凉 酒泉 庆阳 定西 陇南 西宁 海东 银川 石嘴山 吴忠 固原 中卫 乌鲁木齐
克拉玛依 吐鲁番 哈密 昌吉 阿克苏 喀什 和田 伊犁 石河子 昆山 江阴 张家港 常熟 太仓 宜兴 义乌 慈溪 余姚 诸暨 海宁
桐乡 瑞安 乐清 温岭 永康 晋江 石狮 顺德 萧山 浦东`;

/** Administrative suffixes that may follow a place name (北京市, 广西壮族自治区). */
const PLACE_SUFFIX = '(?:维吾尔自治区|壮族自治区|回族自治区|特别行政区|自治区|自治州|地区|省|市|盟)?';

/** The country itself, as in 中国石油化工 or (中国). */
const COUNTRY = '中国';

const PLACE_NAMES: ReadonlySet<string> = new Set([
  ...PROVINCES.map(([name]) => name),
  ...CITIES.split(/\s+/).filter(Boolean),
  COUNTRY,
]);

const ABBREVIATIONS: ReadonlyMap<string, string> = new Map(
  [...PROVINCES, ...CITY_ABBREVIATIONS].map(([name, abbreviations]) => [name, abbreviations]),
);

const byLengthDesc = [...PLACE_NAMES].sort((a, b) => b.length - a.length);
const LEADING_PLACE = new RegExp(`^(${byLengthDesc.join('|')})${PLACE_SUFFIX}`);
const TRAILING_PLACE = new RegExp(`(${byLengthDesc.join('|')})${PLACE_SUFFIX}$`);
const WHOLE_PLACE = new RegExp(`^(${byLengthDesc.join('|')})${PLACE_SUFFIX}$`);
/** Any "X市/X区/X县" at the start, except words where 市/区 is not administrative (超市, 社区…). */
const LEADING_ADMIN_UNIT = /^(\p{Script=Han}{2,3}?)(?<![超门城社园景小校厂矿片营])(?:新区|区|县|市|旗)/u;

/** Canonical place (no 省/市 suffix) when the whole string is a known place, e.g. "上海市" → "上海". */
export function placeOf(text: string): string | null {
  return WHOLE_PLACE.exec(text)?.[1] ?? null;
}

/** Splits a leading place ("北京市海淀区星河…" → ["北京", "星河…"]); consumes a following district too. */
export function splitLeadingPlace(text: string): { place: string; rest: string } | null {
  const known = LEADING_PLACE.exec(text);
  if (known) {
    const rest = text.slice(known[0].length);
    const district = LEADING_ADMIN_UNIT.exec(rest);
    return { place: known[1], rest: district ? rest.slice(district[0].length) : rest };
  }
  const unit = LEADING_ADMIN_UNIT.exec(text);
  return unit ? { place: unit[1], rest: text.slice(unit[0].length) } : null;
}

/** Splits a trailing known place ("新月能源石家庄" → ["石家庄", "新月能源"]). */
export function splitTrailingPlace(text: string): { place: string; rest: string } | null {
  const m = TRAILING_PLACE.exec(text);
  return m ? { place: m[1], rest: text.slice(0, m.index) } : null;
}

/** Abbreviations a name may use for the place (安徽 → 皖); empty when none are known. */
export const placeAbbreviations = (place: string): string => ABBREVIATIONS.get(place) ?? '';
