import type { Random } from './random.js';

/** The characters of a string of Chinese characters (all in the basic plane). */
const chars = (text: string): string[] => Array.from(text);

/** Common surnames, the most frequent repeated so that they come up more often. */
const surnames = [
  ...chars('王李张刘陈杨黄赵吴周'.repeat(3)),
  ...chars(
    '徐孙马朱胡郭何高林罗郑梁谢宋唐许韩冯邓曹彭曾肖田董袁潘蒋蔡余杜叶程苏魏吕丁任沈姚卢姜崔钟谭陆汪范金石廖贾夏韦付方白邹孟熊秦邱江尹薛段雷侯龙史陶黎贺顾毛郝龚邵万覃武戴莫向汤舒滕麻',
  ),
];

const maleChars = chars('建国明华军伟强平志勇文斌海林峰波辉刚永德春生成龙金家俊涛福荣祥清正光');
const femaleChars = chars('秀英兰芳丽玉梅红珍凤霞燕桂琴华敏静娟艳莲萍云婷慧琼翠菊香');
const youngChars = chars('子涵浩宇轩梓欣怡雨晨博一可诗思佳泽睿嘉宁雪瑶铭杰悦彤');

/** Simplified → traditional for the characters the near misses write in traditional form. */
const traditionalOf: Record<string, string> = {
  陈: '陳',
  张: '張',
  刘: '劉',
  黄: '黃',
  赵: '趙',
  杨: '楊',
  吴: '吳',
  华: '華',
  国: '國',
  兰: '蘭',
  凤: '鳳',
  红: '紅',
  军: '軍',
  强: '強',
  伟: '偉',
  丽: '麗',
  龙: '龍',
  云: '雲',
};

/** Traditional → simplified: the folding a matcher applies before comparing names. */
export const simplifiedOf: Readonly<Record<string, string>> = Object.fromEntries(
  Object.entries(traditionalOf).map(([simplified, traditional]) => [traditional, simplified]),
);

/** Surnames that have a traditional form (for the traditional-name near miss). */
export const surnamesWithTraditionalForm = ['陈', '张', '刘', '黄', '赵', '杨', '吴'] as const;

export function traditionalForm(name: string): string {
  let out = '';
  for (const char of name) out += traditionalOf[char] ?? char;
  return out;
}

/** Removes spaces and folds the traditional characters above: how R11 compares names. */
export function comparableName(name: string): string {
  let out = '';
  for (const char of name.replace(/[\s\u3000]/g, '')) out += simplifiedOf[char] ?? char;
  return out;
}

export function randomSurname(random: Random): string {
  return random.pick(surnames);
}

/** A given name of one or two characters, in the style of the person's generation. */
export function givenName(random: Random, sex: '男' | '女', birthYear: number): string {
  const pool = birthYear >= 1995 ? youngChars : sex === '男' ? maleChars : femaleChars;
  const first = random.pick(pool);
  if (random.chance(0.25)) return first;
  let second = random.pick(pool);
  if (second === first && random.chance(0.7)) second = random.pick(pool);
  return first + second;
}
