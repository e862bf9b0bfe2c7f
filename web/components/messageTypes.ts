/**
 * The shape of one area's texts (web/console/<area>/messages.ts, web/portal/messages.ts):
 * Chinese with every key under one of the area's prefixes, so that two areas cannot define
 * the same key, and English with exactly the keys of the Chinese.
 */
export type Texts<Prefix extends string> = Record<`${Prefix}.${string}`, string>;

/** The English of an area: every key of its Chinese, and no other. */
export type Translation<Zh> = Record<keyof Zh, string>;
