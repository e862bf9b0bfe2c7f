import { Type, type Static } from '@sinclair/typebox';
import { divisionSummary } from './me.js';

export const portalHomeResponse = Type.Object({
  jurisdiction: divisionSummary,
  areas: Type.Array(
    Type.Object({ code: Type.String(), name: Type.String(), villages: Type.Integer() }),
  ),
});
export type PortalHomeResponse = Static<typeof portalHomeResponse>;
