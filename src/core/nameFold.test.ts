import { describe, expect, it } from 'vitest';
import { foldName, namePinyin } from './nameFold.js';

describe('name keys', () => {
  it('folds spaces, full-width forms and traditional characters', () => {
    expect(foldName(' 陳 國華 ')).toBe('陈国华');
    expect(foldName('张\u3000三')).toBe('张三');
    expect(foldName('ＺＨＡＮＧ San')).toBe('zhangsan');
    expect(foldName('劉德華')).toBe(foldName('刘德华'));
  });

  it('reads surnames as surnames for near matches', () => {
    expect(namePinyin('单雄信')).toBe('shanxiongxin');
    expect(namePinyin('张三')).toBe(namePinyin('章三'));
    expect(namePinyin('张三')).not.toBe(namePinyin('张四'));
  });
});
