/** Who performs a write: a named user, or the system itself (init, migrations, scans). */
export interface Actor {
  id: number | null;
  name: string;
}

export const systemActor: Actor = { id: null, name: 'system' };
