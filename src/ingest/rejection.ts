/** Why a value was refused: a stable code and the sentence a clerk reads. */
export class Rejection {
  constructor(
    readonly code: string,
    readonly zh: string,
    readonly en: string,
  ) {}
}

export function rejection(code: string, zh: string, en: string): Rejection {
  return new Rejection(code, zh, en);
}
