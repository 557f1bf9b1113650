/** A fictional Beijing B2B software company's customers, for the demo tenant (see JOURNEYS.md). */
export interface DemoAccount {
  name: string;
  /** First 17 characters of a credit code; the check character is computed. */
  code17: string;
  industry: string;
  capitalWan: number;
  headcount: number;
  province: string;
  city: string;
  region: 'north' | 'east' | 'south';
  address: string;
  website?: string;
  contacts: [name: string, title: string, phone: string, email: string][];
}

export const DEMO_REGIONS = {
  north: { 'zh-CN': '华北大区', 'en-US': 'North China' },
  east: { 'zh-CN': '华东大区', 'en-US': 'East China' },
  south: { 'zh-CN': '华南大区', 'en-US': 'South China' },
} as const;

export const DEMO_ACCOUNTS: DemoAccount[] = [
  { name: '北京星河智造科技有限公司', code17: '91110108MA0DEM001', industry: '制造业', capitalWan: 5000, headcount: 820, province: '北京', city: '北京', region: 'north', address: '北京市海淀区上地信息路 12 号', website: 'https://xinghe-demo.example.cn',
    contacts: [['王建国', '首席信息官 CIO', '13801012345', 'wangjg@xinghe-demo.example.cn'], ['李娜', '财务总监 CFO', '13801023456', 'lina@xinghe-demo.example.cn'], ['张伟', 'IT 经理', '13801034567', 'zhangw@xinghe-demo.example.cn']] },
  { name: '天津渤海精密机械股份有限公司', code17: '91120116MA0DEM002', industry: '制造业', capitalWan: 12000, headcount: 1500, province: '天津', city: '天津', region: 'north', address: '天津市滨海新区第三大街 88 号',
    contacts: [['刘洋', '总经理', '13902012345', 'liuyang@bohai-demo.example.cn'], ['陈静', '采购经理', '13902023456', 'chenjing@bohai-demo.example.cn']] },
  { name: '河北冀中医药集团有限公司', code17: '91130100MA0DEM003', industry: '医药', capitalWan: 30000, headcount: 3200, province: '河北', city: '石家庄', region: 'north', address: '石家庄市长安区中山东路 200 号',
    contacts: [['赵磊', '信息中心主任', '13703112345', 'zhaolei@jizhong-demo.example.cn']] },
  { name: '北京云帆物流有限公司', code17: '91110105MA0DEM004', industry: '物流', capitalWan: 2000, headcount: 260, province: '北京', city: '北京', region: 'north', address: '北京市朝阳区酒仙桥路 10 号',
    contacts: [['孙丽', '运营副总裁', '13601098765', 'sunli@yunfan-demo.example.cn']] },
  { name: '上海汇金融资租赁有限公司', code17: '91310115MA0DEM005', industry: '金融', capitalWan: 50000, headcount: 450, province: '上海', city: '上海', region: 'east', address: '上海市浦东新区世纪大道 100 号', website: 'https://huijin-demo.example.cn',
    contacts: [['周敏', '首席执行官 CEO', '13816612345', 'zhoumin@huijin-demo.example.cn'], ['吴强', '风控总监', '13816623456', 'wuqiang@huijin-demo.example.cn']] },
  { name: '杭州西溪电子商务有限公司', code17: '91330106MA0DEM006', industry: '互联网', capitalWan: 1000, headcount: 180, province: '浙江', city: '杭州', region: 'east', address: '杭州市西湖区文二西路 738 号',
    contacts: [['郑浩', '技术总监 CTO', '13757112345', 'zhenghao@xixi-demo.example.cn']] },
  { name: '苏州工业园区纳米新材料有限公司', code17: '91320594MA0DEM007', industry: '制造业', capitalWan: 8000, headcount: 640, province: '江苏', city: '苏州', region: 'east', address: '苏州工业园区星湖街 328 号',
    contacts: [['钱芳', '总经理助理', '13912612345', 'qianfang@nano-demo.example.cn'], ['冯军', '生产总监', '13912623456', 'fengjun@nano-demo.example.cn']] },
  { name: '南京金陵教育科技有限公司', code17: '91320102MA0DEM008', industry: '教育', capitalWan: 500, headcount: 90, province: '江苏', city: '南京', region: 'east', address: '南京市玄武区珠江路 88 号',
    contacts: [['何雪', '校长', '13851612345', 'hexue@jinling-demo.example.cn']] },
  { name: '深圳前海数联科技有限公司', code17: '91440300MA0DEM009', industry: '互联网', capitalWan: 3000, headcount: 350, province: '广东', city: '深圳', region: 'south', address: '深圳市南山区科技园南区 W1 栋', website: 'https://shulian-demo.example.cn',
    contacts: [['黄志强', '首席信息官 CIO', '13923412345', 'huangzq@shulian-demo.example.cn'], ['林小红', '采购主管', '13923423456', 'linxh@shulian-demo.example.cn']] },
  { name: '广州珠江能源集团有限公司', code17: '91440101MA0DEM010', industry: '能源', capitalWan: 100000, headcount: 5600, province: '广东', city: '广州', region: 'south', address: '广州市天河区珠江新城华夏路 16 号',
    contacts: [['梁伟明', '信息化部部长', '13802812345', 'liangwm@zhujiang-demo.example.cn']] },
  { name: '厦门鹭岛零售连锁有限公司', code17: '91350200MA0DEM011', industry: '零售', capitalWan: 1500, headcount: 1200, province: '福建', city: '厦门', region: 'south', address: '厦门市思明区湖滨南路 50 号',
    contacts: [['蔡雅婷', '运营总监', '13906012345', 'caiyt@ludao-demo.example.cn']] },
  { name: 'Lumen Analytics (Shanghai) Co., Ltd.', code17: '91310000MA0DEM012', industry: 'Software', capitalWan: 800, headcount: 120, province: '上海', city: '上海', region: 'east', address: 'No. 1000 Lujiazui Ring Road, Shanghai', website: 'https://lumen-demo.example.com',
    contacts: [['Emily Carter', 'VP Operations', '13611112222', 'emily.carter@lumen-demo.example.com']] },
];

export interface DemoUser {
  key: 'admin' | 'manager' | 'rep1' | 'rep2' | 'marketing' | 'finance';
  email: string;
  name: string;
  role: 'admin' | 'sales_manager' | 'sales_rep' | 'marketing' | 'finance';
  team: 'root' | 'north' | 'northBeijing' | 'east';
}

export const DEMO_PASSWORD = 'Lead2Cash!demo';

export const DEMO_USERS: DemoUser[] = [
  { key: 'admin', email: 'admin@demo.lead2cash.local', name: '系统管理员 Admin', role: 'admin', team: 'root' },
  { key: 'manager', email: 'manager@demo.lead2cash.local', name: '陈经理 Chen (North sales manager)', role: 'sales_manager', team: 'north' },
  { key: 'rep1', email: 'rep1@demo.lead2cash.local', name: '李明 Li Ming', role: 'sales_rep', team: 'northBeijing' },
  { key: 'rep2', email: 'rep2@demo.lead2cash.local', name: '王芳 Wang Fang', role: 'sales_rep', team: 'east' },
  { key: 'marketing', email: 'marketing@demo.lead2cash.local', name: '赵敏 Zhao Min (marketing)', role: 'marketing', team: 'root' },
  { key: 'finance', email: 'finance@demo.lead2cash.local', name: '周会计 Zhou (finance)', role: 'finance', team: 'root' },
];
