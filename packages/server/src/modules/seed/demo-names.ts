/**
 * Source material for demo customer names, places and contact details. The seeder passes
 * these arrays to PostgreSQL as parameters and picks from them there, so every list is
 * plain data. Parallel arrays (a character and its pinyin, a place and its region) are
 * kept as tuples here so they cannot drift apart.
 */

/** Common surnames, most frequent first: the seeder favours the head of the list. */
export const CN_SURNAMES: readonly (readonly [string, string])[] = [
  ['王', 'wang'], ['李', 'li'], ['张', 'zhang'], ['刘', 'liu'], ['陈', 'chen'], ['杨', 'yang'],
  ['黄', 'huang'], ['赵', 'zhao'], ['吴', 'wu'], ['周', 'zhou'], ['徐', 'xu'], ['孙', 'sun'],
  ['马', 'ma'], ['朱', 'zhu'], ['胡', 'hu'], ['郭', 'guo'], ['何', 'he'], ['高', 'gao'],
  ['林', 'lin'], ['罗', 'luo'], ['郑', 'zheng'], ['梁', 'liang'], ['谢', 'xie'], ['宋', 'song'],
  ['唐', 'tang'], ['许', 'xu'], ['韩', 'han'], ['冯', 'feng'], ['邓', 'deng'], ['曹', 'cao'],
  ['彭', 'peng'], ['曾', 'zeng'], ['肖', 'xiao'], ['田', 'tian'], ['董', 'dong'], ['袁', 'yuan'],
  ['潘', 'pan'], ['于', 'yu'], ['蒋', 'jiang'], ['蔡', 'cai'], ['余', 'yu'], ['杜', 'du'],
  ['叶', 'ye'], ['程', 'cheng'], ['苏', 'su'], ['魏', 'wei'], ['吕', 'lv'], ['丁', 'ding'],
  ['任', 'ren'], ['沈', 'shen'], ['姚', 'yao'], ['卢', 'lu'], ['欧阳', 'ouyang'], ['司马', 'sima'],
];

/** Characters for given names (one or two of them). */
export const CN_GIVEN: readonly (readonly [string, string])[] = [
  ['伟', 'wei'], ['芳', 'fang'], ['娜', 'na'], ['敏', 'min'], ['静', 'jing'], ['丽', 'li'],
  ['强', 'qiang'], ['磊', 'lei'], ['军', 'jun'], ['洋', 'yang'], ['勇', 'yong'], ['艳', 'yan'],
  ['杰', 'jie'], ['娟', 'juan'], ['涛', 'tao'], ['明', 'ming'], ['超', 'chao'], ['秀', 'xiu'],
  ['霞', 'xia'], ['平', 'ping'], ['刚', 'gang'], ['桂', 'gui'], ['英', 'ying'], ['华', 'hua'],
  ['文', 'wen'], ['玉', 'yu'], ['建', 'jian'], ['国', 'guo'], ['海', 'hai'], ['志', 'zhi'],
  ['晓', 'xiao'], ['鹏', 'peng'], ['宇', 'yu'], ['浩', 'hao'], ['欣', 'xin'], ['婷', 'ting'],
  ['雪', 'xue'], ['琳', 'lin'], ['慧', 'hui'], ['子', 'zi'], ['梓', 'zi'], ['涵', 'han'],
  ['轩', 'xuan'], ['睿', 'rui'], ['思', 'si'], ['佳', 'jia'], ['俊', 'jun'], ['博', 'bo'],
  ['怡', 'yi'], ['诗', 'shi'], ['雨', 'yu'], ['泽', 'ze'], ['晨', 'chen'], ['一', 'yi'],
  ['嘉', 'jia'], ['宁', 'ning'], ['振', 'zhen'], ['春', 'chun'], ['红', 'hong'], ['云', 'yun'],
];

/** Characters for the distinctive part of a company name (字号), combined in pairs. */
export const CN_BRAND: readonly (readonly [string, string])[] = [
  ['华', 'hua'], ['信', 'xin'], ['达', 'da'], ['恒', 'heng'], ['瑞', 'rui'], ['鑫', 'xin'],
  ['泰', 'tai'], ['安', 'an'], ['德', 'de'], ['盛', 'sheng'], ['隆', 'long'], ['宏', 'hong'],
  ['金', 'jin'], ['源', 'yuan'], ['通', 'tong'], ['力', 'li'], ['新', 'xin'], ['联', 'lian'],
  ['博', 'bo'], ['嘉', 'jia'], ['创', 'chuang'], ['远', 'yuan'], ['科', 'ke'], ['中', 'zhong'],
  ['海', 'hai'], ['天', 'tian'], ['东', 'dong'], ['方', 'fang'], ['长', 'chang'], ['城', 'cheng'],
  ['光', 'guang'], ['明', 'ming'], ['立', 'li'], ['诚', 'cheng'], ['汇', 'hui'], ['丰', 'feng'],
  ['润', 'run'], ['和', 'he'], ['启', 'qi'], ['辰', 'chen'], ['百', 'bai'], ['川', 'chuan'],
  ['云', 'yun'], ['鼎', 'ding'], ['晟', 'sheng'], ['迅', 'xun'], ['卓', 'zhuo'], ['越', 'yue'],
];

export const CN_SUFFIX_SMB = ['有限公司', '有限公司', '有限公司', '股份有限公司'] as const;
export const CN_SUFFIX_ENTERPRISE = ['股份有限公司', '集团有限公司', '集团', '有限公司'] as const;

export const EN_FIRST = [
  'James', 'Mary', 'John', 'Patricia', 'Robert', 'Jennifer', 'Michael', 'Linda', 'William', 'Elizabeth',
  'David', 'Barbara', 'Richard', 'Susan', 'Joseph', 'Jessica', 'Thomas', 'Sarah', 'Daniel', 'Karen',
  'Matthew', 'Emily', 'Anthony', 'Laura', 'Mark', 'Olivia', 'Paul', 'Emma', 'Steven', 'Sophie',
  'Andrew', 'Hannah', 'Peter', 'Charlotte', 'George', 'Anna', 'Lukas', 'Lena', 'Felix', 'Julia',
  'Hiroshi', 'Yuki', 'Kenji', 'Aiko', 'Wei Ming', 'Mei Ling', 'Rajesh', 'Priya', 'Oliver', 'Grace',
] as const;

export const EN_LAST = [
  'Smith', 'Johnson', 'Williams', 'Brown', 'Jones', 'Miller', 'Davis', 'Wilson', 'Anderson', 'Taylor',
  'Thomas', 'Moore', 'Martin', 'Jackson', 'Thompson', 'White', 'Harris', 'Clark', 'Lewis', 'Walker',
  'Hall', 'Young', 'King', 'Wright', 'Scott', 'Green', 'Baker', 'Adams', 'Nelson', 'Carter',
  'Mitchell', 'Roberts', 'Turner', 'Phillips', 'Campbell', 'Parker', 'Evans', 'Edwards', 'Collins', 'Stewart',
  'Mueller', 'Schmidt', 'Schneider', 'Fischer', 'Weber', 'Tanaka', 'Suzuki', 'Sato', 'Tan', 'Lim',
] as const;

/** Halves of coined English company names: "North" + "wind" gives "Northwind". */
export const EN_BRAND_HEAD = [
  'North', 'South', 'East', 'West', 'Blue', 'Silver', 'Green', 'Red', 'Bright', 'Clear',
  'Iron', 'Stone', 'Oak', 'Pine', 'Sun', 'Star', 'Lake', 'River', 'Summit', 'Eagle',
  'Falcon', 'Harbor', 'Golden', 'Maple', 'Cedar', 'Crystal', 'Ever', 'Swift', 'True', 'Prime',
] as const;
export const EN_BRAND_TAIL = [
  'wind', 'field', 'stone', 'bridge', 'water', 'gate', 'ridge', 'wood', 'point', 'line',
  'view', 'crest', 'vale', 'port', 'mark', 'light', 'path', 'way', 'haven', 'brook',
] as const;

/**
 * Where customers are. `streets` hold three streets per place in each language (the
 * seeder indexes them as a rectangular 2-D array). Phone numbers are `phone` followed by
 * `digits` random digits; mainland numbers are mobiles built separately.
 */
export interface DemoPlace {
  region: string;
  zh: string;
  en: string;
  tld: string;
  phone: string;
  digits: number;
  /** Administrative division code used in unified social credit codes (mainland only). */
  division?: string;
  zhStreets: readonly [string, string, string];
  enStreets: readonly [string, string, string];
}

export const PLACES: readonly DemoPlace[] = [
  { region: 'CN-SH', zh: '上海', en: 'Shanghai', tld: 'com.cn', phone: '+86 ', digits: 0, division: '310000',
    zhStreets: ['浦东新区世纪大道', '静安区南京西路', '徐汇区漕溪北路'],
    enStreets: ['Century Avenue, Pudong', 'West Nanjing Road, Jing\'an', 'North Caoxi Road, Xuhui'] },
  { region: 'CN-BJ', zh: '北京', en: 'Beijing', tld: 'com.cn', phone: '+86 ', digits: 0, division: '110000',
    zhStreets: ['朝阳区建国路', '海淀区中关村大街', '东城区东长安街'],
    enStreets: ['Jianguo Road, Chaoyang', 'Zhongguancun Street, Haidian', 'East Chang\'an Avenue, Dongcheng'] },
  { region: 'CN-GD', zh: '深圳', en: 'Shenzhen', tld: 'com.cn', phone: '+86 ', digits: 0, division: '440300',
    zhStreets: ['南山区深南大道', '福田区益田路', '宝安区宝安大道'],
    enStreets: ['Shennan Boulevard, Nanshan', 'Yitian Road, Futian', 'Bao\'an Avenue, Bao\'an'] },
  { region: 'CN-GD', zh: '广州', en: 'Guangzhou', tld: 'com.cn', phone: '+86 ', digits: 0, division: '440100',
    zhStreets: ['天河区天河路', '越秀区环市东路', '海珠区新港东路'],
    enStreets: ['Tianhe Road, Tianhe', 'East Huanshi Road, Yuexiu', 'East Xingang Road, Haizhu'] },
  { region: 'CN-ZJ', zh: '杭州', en: 'Hangzhou', tld: 'com.cn', phone: '+86 ', digits: 0, division: '330100',
    zhStreets: ['西湖区文三路', '滨江区江南大道', '上城区解放路'],
    enStreets: ['Wensan Road, Xihu', 'Jiangnan Avenue, Binjiang', 'Jiefang Road, Shangcheng'] },
  { region: 'CN-JS', zh: '苏州', en: 'Suzhou', tld: 'com.cn', phone: '+86 ', digits: 0, division: '320500',
    zhStreets: ['工业园区星湖街', '姑苏区人民路', '高新区狮山路'],
    enStreets: ['Xinghu Street, SIP', 'Renmin Road, Gusu', 'Shishan Road, SND'] },
  { region: 'CN-JS', zh: '南京', en: 'Nanjing', tld: 'com.cn', phone: '+86 ', digits: 0, division: '320100',
    zhStreets: ['鼓楼区中山北路', '玄武区珠江路', '建邺区江东中路'],
    enStreets: ['North Zhongshan Road, Gulou', 'Zhujiang Road, Xuanwu', 'Middle Jiangdong Road, Jianye'] },
  { region: 'CN-SC', zh: '成都', en: 'Chengdu', tld: 'com.cn', phone: '+86 ', digits: 0, division: '510100',
    zhStreets: ['高新区天府大道', '锦江区春熙路', '武侯区人民南路'],
    enStreets: ['Tianfu Avenue, Gaoxin', 'Chunxi Road, Jinjiang', 'South Renmin Road, Wuhou'] },
  { region: 'CN-HB', zh: '武汉', en: 'Wuhan', tld: 'com.cn', phone: '+86 ', digits: 0, division: '420100',
    zhStreets: ['江汉区解放大道', '武昌区中南路', '洪山区光谷大道'],
    enStreets: ['Jiefang Avenue, Jianghan', 'Zhongnan Road, Wuchang', 'Optics Valley Avenue, Hongshan'] },
  { region: 'CN-SN', zh: '西安', en: 'Xi\'an', tld: 'com.cn', phone: '+86 ', digits: 0, division: '610100',
    zhStreets: ['雁塔区高新路', '碑林区南大街', '未央区凤城八路'],
    enStreets: ['Gaoxin Road, Yanta', 'South Street, Beilin', 'Fengcheng 8th Road, Weiyang'] },
  { region: 'HK', zh: '香港', en: 'Hong Kong', tld: 'com.hk', phone: '+852 2', digits: 7,
    zhStreets: ['中环皇后大道中', '湾仔告士打道', '尖沙咀广东道'],
    enStreets: ['Queen\'s Road Central, Central', 'Gloucester Road, Wan Chai', 'Canton Road, Tsim Sha Tsui'] },
  { region: 'SG', zh: '新加坡', en: 'Singapore', tld: 'com.sg', phone: '+65 6', digits: 7,
    zhStreets: ['莱佛士坊', '乌节路', '珊顿道'],
    enStreets: ['Raffles Place', 'Orchard Road', 'Shenton Way'] },
  { region: 'US-CA', zh: '旧金山', en: 'San Francisco, CA', tld: 'com', phone: '+1 415 555 ', digits: 4,
    zhStreets: ['市场街', '米慎街', '加州街'],
    enStreets: ['Market Street', 'Mission Street', 'California Street'] },
  { region: 'US-NY', zh: '纽约', en: 'New York, NY', tld: 'com', phone: '+1 212 555 ', digits: 4,
    zhStreets: ['百老汇', '第五大道', '麦迪逊大道'],
    enStreets: ['Broadway', 'Fifth Avenue', 'Madison Avenue'] },
  { region: 'DE-BE', zh: '柏林', en: 'Berlin', tld: 'de', phone: '+49 30 ', digits: 8,
    zhStreets: ['弗里德里希大街', '选帝侯大街', '菩提树下大街'],
    enStreets: ['Friedrichstrasse', 'Kurfuerstendamm', 'Unter den Linden'] },
  { region: 'GB-LND', zh: '伦敦', en: 'London', tld: 'co.uk', phone: '+44 20 7', digits: 7,
    zhStreets: ['摄政街', '牛津街', '河岸街'],
    enStreets: ['Regent Street', 'Oxford Street', 'Strand'] },
  { region: 'JP-13', zh: '东京', en: 'Tokyo', tld: 'co.jp', phone: '+81 3 ', digits: 8,
    zhStreets: ['千代田区丸之内', '港区六本木', '涩谷区道玄坂'],
    enStreets: ['Marunouchi, Chiyoda-ku', 'Roppongi, Minato-ku', 'Dogenzaka, Shibuya-ku'] },
];

/** 1-based indexes into PLACES, repeated to weight them: Chinese-named customers sit
 * mostly on the mainland, English-named ones mostly abroad with some in China. */
export const CN_PLACE_PICKS = [1, 1, 1, 2, 2, 2, 3, 3, 4, 4, 5, 5, 6, 7, 8, 9, 10, 11, 12] as const;
export const EN_PLACE_PICKS = [13, 13, 13, 14, 14, 14, 15, 15, 16, 16, 16, 17, 17, 11, 11, 12, 12, 1, 2] as const;

/** English legal-form suffixes by place (same order as PLACES), three each. */
export function englishSuffixes(region: string): readonly [string, string, string] {
  if (region.startsWith('US-')) return ['Inc.', 'LLC', 'Corp.'];
  if (region.startsWith('DE-')) return ['GmbH', 'AG', 'GmbH & Co. KG'];
  if (region.startsWith('GB-')) return ['Ltd', 'plc', 'Ltd'];
  if (region.startsWith('JP-')) return ['K.K.', 'Co., Ltd.', 'Inc.'];
  if (region === 'SG') return ['Pte. Ltd.', 'Pte. Ltd.', 'Ltd'];
  if (region === 'HK') return ['Limited', 'Ltd', 'Holdings Limited'];
  return ['Co., Ltd.', 'Ltd', 'Co., Ltd.'];
}

export const CN_MOBILE_PREFIXES = ['138', '139', '137', '136', '135', '150', '158', '186', '188', '131', '177', '199'] as const;

export const CN_FREE_MAIL = ['qq.com', '163.com', '126.com', 'foxmail.com', 'sina.com', 'gmail.com'] as const;
export const EN_FREE_MAIL = ['gmail.com', 'outlook.com', 'yahoo.com', 'icloud.com', 'proton.me', 'hotmail.com'] as const;
export const COMPANY_MAILBOXES = ['info', 'sales', 'contact', 'service', 'office', 'purchasing', 'hello', 'admin'] as const;

/** Characters allowed in a unified social credit code (GB 32100-2015: no I, O, S, V, Z). */
export const USCC_ALPHABET = '0123456789ABCDEFGHJKLMNPQRTUWXY';
