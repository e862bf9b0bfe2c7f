import { describe, expect, it } from 'vitest';
import { en, messageAreas, zh } from './messages';

describe('messages', () => {
  it('take every key from exactly one area', () => {
    const keys = messageAreas.flatMap((area) => Object.keys(area.zh));
    expect(new Set(keys).size).toBe(keys.length);
    expect(keys.length).toBe(Object.keys(zh).length);
    expect(Object.keys(en).length).toBe(Object.keys(zh).length);
  });
});
