import type { NetworkNode, PersonNetwork } from '../api/warnings.js';
import { inScope, type Scope } from '../auth/scope.js';
import { maskIdNumber, maskName } from '../core/redact.js';
import { maskNumbers } from '../rules/maskNumbers.js';
import type { RawNetwork } from './personNetwork.js';

/**
 * A person's network as a reader in `scope` may see it: people by references of this answer
 * only, ID numbers masked, and the names of people outside the reader's jurisdiction masked too
 * (the link is the point, not who).
 */
export function maskedNetwork(network: RawNetwork, scope: Scope): PersonNetwork {
  // A masked number is not unique (the hidden birth date is what tells apart two people of one
  // county with the same last four), so people get references instead.
  const refs = new Map<string, string>([[network.center, 'P0']]);
  const refOf = (id: string): string => {
    let ref = refs.get(id);
    if (!ref) {
      ref = `P${refs.size}`;
      refs.set(id, ref);
    }
    return ref;
  };
  const nodes: NetworkNode[] = network.nodes.map((n) => {
    // The subject is the warning's, in scope whatever village the registry gives.
    const outside = n.id !== network.center && !inScope(scope, n.village);
    const name = maskNumbers(n.name === n.id ? '' : n.name);
    return {
      id: refOf(n.id),
      id_number: maskIdNumber(n.id),
      name: outside ? maskName(name) : name,
      village: n.village,
      official: n.official,
      depth: n.depth,
      outside,
    };
  });
  return {
    center: refOf(network.center),
    nodes,
    edges: network.edges.map((e) => ({
      ...e,
      from: refOf(e.from),
      to: refOf(e.to),
      detail: maskNumbers(e.detail),
      source: maskNumbers(e.source),
    })),
  };
}
