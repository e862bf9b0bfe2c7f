/**
 * A warning subject's relationship network (GET /api/warnings/:id/network) as the nodes,
 * links and categories of an ECharts force graph. Pure, so that it is tested without a
 * canvas; the chart itself is NetworkGraph.tsx, loaded only on the warning page. The server
 * names people by references of its answer, with their ID numbers masked.
 */
import type {
  NetworkEdge,
  NetworkNode,
  PersonNetwork as PersonNetworkResponse,
} from '../../../src/api/warnings';
import type { MessageKey } from '../../components/messages';

export const edgeKinds = [
  'household',
  'declared',
  'account',
  'handler',
  'phone',
  'address',
] as const;
export type EdgeKind = (typeof edgeKinds)[number];

export function isEdgeKind(value: string): value is EdgeKind {
  return (edgeKinds as readonly string[]).includes(value);
}

export const edgeColours: Record<EdgeKind, string> = {
  household: '#2563eb',
  declared: '#dc2626',
  account: '#16a34a',
  handler: '#7c3aed',
  phone: '#0891b2',
  address: '#a16207',
};
/** A kind the screen does not know yet. */
export const otherEdgeColour = '#64748b';

export const edgeKindKeys: Record<EdgeKind, MessageKey> = {
  household: 'network.kind.household',
  declared: 'network.kind.declared',
  account: 'network.kind.account',
  handler: 'network.kind.handler',
  phone: 'network.kind.phone',
  address: 'network.kind.address',
};

/** Node categories, in legend order: the person asked about, officials, others, outsiders. */
export const nodeCategories = ['center', 'official', 'person', 'outside'] as const;
export type NodeCategory = (typeof nodeCategories)[number];

export const nodeColours: Record<NodeCategory, string> = {
  center: '#1d4ed8',
  official: '#c2410c',
  person: '#94a3b8',
  outside: '#e2e8f0',
};

export const nodeCategoryKeys: Record<NodeCategory, MessageKey> = {
  center: 'network.node.center',
  official: 'network.node.official',
  person: 'network.node.person',
  outside: 'network.node.outside',
};

export function nodeCategory(node: NetworkNode, center: string): NodeCategory {
  if (node.id === center) return 'center';
  if (node.outside) return 'outside';
  return node.official ? 'official' : 'person';
}

export interface GraphLabels {
  /** A category's name, e.g. 公职人员. */
  category: (category: NodeCategory) => string;
  /** An edge kind's name, e.g. 同户; an unknown kind as the server spells it. */
  kind: (kind: string) => string;
  /** Words of the tooltips. */
  village: string;
  source: string;
}

export interface GraphNode {
  /** The server's reference of the person (P0…): links refer to it. */
  id: string;
  name: string;
  category: number;
  symbol: string;
  symbolSize: number;
  /** Shown ID number: masked, but the centre's in full once the warning is revealed. */
  idText: string;
  itemStyle: { color: string; borderColor: string; borderWidth: number; borderType?: 'dashed' };
  label: { show: boolean; fontWeight?: 'bold'; fontSize?: number };
  /** Tooltip HTML, escaped. */
  tooltip: string;
}

export interface GraphLink {
  source: string;
  target: string;
  kinds: string[];
  lineStyle: { color: string; width: number; curveness: number; type?: 'dashed' };
  label: { show: boolean; formatter: string };
  /** Tooltip HTML, escaped. */
  tooltip: string;
}

export interface GraphData {
  nodes: GraphNode[];
  links: GraphLink[];
  categories: { name: string; itemStyle: { color: string } }[];
  /** Edge kinds present, in legend order (unknown ones last). */
  kinds: string[];
}

const htmlEscapes: Record<string, string> = {
  '&': '&amp;',
  '<': '&lt;',
  '>': '&gt;',
  '"': '&quot;',
  "'": '&#39;',
};

/** Text made safe for the tooltip's HTML: names and details come from imported data. */
export function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => htmlEscapes[c] ?? c);
}

/**
 * A person's ID number as the graph shows it: as the server sent it (masked), except the
 * centre's once the warning was revealed (`centerId`, the full number the reveal returned).
 */
export function nodeIdText(
  node: Pick<NetworkNode, 'id' | 'id_number'>,
  center: string,
  centerId: string | null,
): string {
  return node.id === center && centerId ? centerId : node.id_number;
}

/**
 * Curvature of the n-th of `count` links between the same two people, spread evenly on both
 * sides of the straight line, so that none hides another. ECharts bends a link relative to
 * its direction: `reversed` links (drawn from the later id to the earlier) bend the other way.
 */
export function curvenessOf(index: number, count: number, reversed = false): number {
  if (count <= 1) return 0;
  const value = Math.round((index - (count - 1) / 2) * 0.24 * 1000) / 1000;
  return reversed ? -value : value;
}

interface MergedEdge {
  from: string;
  to: string;
  kind: string;
  parts: { detail: string; source: string }[];
}

/**
 * One link per pair of people and kind (the household query finds A–B and B–A alike), its
 * details and sources gathered; links to people the answer does not list are dropped.
 */
export function mergeEdges(edges: readonly NetworkEdge[], ids: ReadonlySet<string>): MergedEdge[] {
  const merged = new Map<string, MergedEdge>();
  for (const edge of edges) {
    if (edge.from === edge.to || !ids.has(edge.from) || !ids.has(edge.to)) continue;
    const [a, b] = edge.from < edge.to ? [edge.from, edge.to] : [edge.to, edge.from];
    const key = `${a}\u0000${b}\u0000${edge.kind}`;
    let entry = merged.get(key);
    if (!entry) {
      entry = { from: edge.from, to: edge.to, kind: edge.kind, parts: [] };
      merged.set(key, entry);
    }
    if (!entry.parts.some((p) => p.detail === edge.detail && p.source === edge.source)) {
      entry.parts.push({ detail: edge.detail, source: edge.source });
    }
  }
  return [...merged.values()];
}

function kindOrder(kind: string): number {
  const index = (edgeKinds as readonly string[]).indexOf(kind);
  return index < 0 ? edgeKinds.length : index;
}

/** The network as ECharts graph data: the centre large and blue, officials as diamonds. */
export function toGraphData(
  network: PersonNetworkResponse,
  options: { centerId: string | null; labels: GraphLabels },
): GraphData {
  const { centerId, labels } = options;
  const seen = new Set<string>();
  const people = network.nodes.filter((n) => (seen.has(n.id) ? false : (seen.add(n.id), true)));
  if (!seen.has(network.center)) {
    // The answer always lists its centre; should it not, the graph still has one.
    people.unshift({
      id: network.center,
      id_number: '',
      name: '',
      village: null,
      official: false,
      depth: 0,
      outside: false,
    });
    seen.add(network.center);
  }

  const nodes: GraphNode[] = people.map((node) => {
    const category = nodeCategory(node, network.center);
    const idText = nodeIdText(node, network.center, centerId);
    const center = category === 'center';
    const size = center ? 52 : node.depth <= 1 ? 34 : 24;
    const tags: NodeCategory[] = [
      ...(center ? (['center'] as const) : []),
      ...(node.official ? (['official'] as const) : []),
      ...(category === 'outside' ? (['outside'] as const) : []),
    ];
    const lines = [
      `<strong>${escapeHtml(node.name)}</strong>`,
      idText ? escapeHtml(idText) : null,
      node.village ? `${escapeHtml(labels.village)}：${escapeHtml(node.village)}` : null,
      tags.length > 0 ? tags.map((tag) => escapeHtml(labels.category(tag))).join(' · ') : null,
    ].filter((line): line is string => line !== null);
    return {
      id: node.id,
      // ECharts labels a node by its name: someone known only by number shows the number.
      name: node.name || idText,
      category: nodeCategories.indexOf(category),
      symbol: node.official ? 'diamond' : 'circle',
      symbolSize: node.official ? size + 6 : size,
      idText,
      itemStyle: {
        color: nodeColours[category],
        borderColor: center ? '#0f172a' : category === 'outside' ? '#64748b' : '#ffffff',
        borderWidth: center ? 3 : 1.5,
        ...(category === 'outside' ? { borderType: 'dashed' as const } : {}),
      },
      label: center
        ? { show: true, fontWeight: 'bold', fontSize: 15 }
        : { show: people.length <= 40 || node.depth <= 1 },
      tooltip: lines.join('<br/>'),
    };
  });

  const merged = mergeEdges(network.edges, seen).sort(
    (a, b) => kindOrder(a.kind) - kindOrder(b.kind),
  );
  // Links between the same two people bend apart.
  const pairCounts = new Map<string, number>();
  const pairKey = (e: MergedEdge): string => [e.from, e.to].sort().join('\u0000');
  for (const edge of merged)
    pairCounts.set(pairKey(edge), (pairCounts.get(pairKey(edge)) ?? 0) + 1);
  const pairSeen = new Map<string, number>();
  const links: GraphLink[] = merged.map((edge) => {
    const key = pairKey(edge);
    const index = pairSeen.get(key) ?? 0;
    pairSeen.set(key, index + 1);
    const kindName = labels.kind(edge.kind);
    const colour = isEdgeKind(edge.kind) ? edgeColours[edge.kind] : otherEdgeColour;
    const parts = edge.parts.map(
      (p) =>
        `${escapeHtml(p.detail)}<br/><span style="color:#64748b">${escapeHtml(labels.source)}：${escapeHtml(p.source)}</span>`,
    );
    return {
      source: edge.from,
      target: edge.to,
      kinds: [edge.kind],
      lineStyle: {
        color: colour,
        width: edge.kind === 'declared' || edge.kind === 'account' ? 2.5 : 1.8,
        curveness: curvenessOf(index, pairCounts.get(key) ?? 1, edge.from > edge.to),
        ...(edge.kind === 'phone' || edge.kind === 'address' ? { type: 'dashed' as const } : {}),
      },
      label: { show: false, formatter: kindName },
      tooltip: [`<strong>${escapeHtml(kindName)}</strong>`, ...parts].join('<br/>'),
    };
  });

  const kinds = [...new Set(merged.map((e) => e.kind))].sort((a, b) => kindOrder(a) - kindOrder(b));
  return {
    nodes,
    links,
    categories: nodeCategories.map((category) => ({
      name: labels.category(category),
      itemStyle: { color: nodeColours[category] },
    })),
    kinds,
  };
}
