import { describe, expect, it } from 'vitest';
import type { PersonNetwork as PersonNetworkResponse } from '../../../src/api/warnings';
import {
  curvenessOf,
  edgeColours,
  escapeHtml,
  mergeEdges,
  nodeCategories,
  nodeColours,
  nodeIdText,
  toGraphData,
  type GraphLabels,
} from './networkGraph';

// The server names people by references of its answer and sends their ID numbers masked.
const center = 'P0';
const official = 'P1';
const member = 'P2';
const holder = 'P3';
const outsider = 'P4';
const centerId = '431226197008210246';

const person = (id: string, id_number: string, name: string, village: string | null) => ({
  id,
  id_number,
  name,
  village,
  official: false,
  depth: 1,
  outside: false,
});

const network: PersonNetworkResponse = {
  center,
  nodes: [
    { ...person(center, '431226********0246', '李秀英', '431226101203'), depth: 0 },
    { ...person(official, '431226********0216', '李德明', '431226101203'), official: true },
    person(member, '431226********0014', '王志强', '431226101203'),
    person(holder, '431226********0294', '陈<b>明</b>', '431226101204'),
    { ...person(outsider, '430102********0334', '李*华', null), depth: 2, outside: true },
  ],
  edges: [
    {
      from: center,
      to: member,
      kind: 'household',
      source: '户籍人口（同户）',
      detail: '同户，与户主关系：配偶',
    },
    // The household query finds the pair from both ends.
    {
      from: member,
      to: center,
      kind: 'household',
      source: '户籍人口（同户）',
      detail: '同户，与户主关系：配偶',
    },
    {
      from: official,
      to: center,
      kind: 'declared',
      source: '亲属关系申报',
      detail: '申报关系：兄弟姐妹',
    },
    {
      from: official,
      to: center,
      kind: 'handler',
      source: '民生资金发放明细（经办人）',
      detail: '经办 DB 项目发放',
    },
    {
      from: center,
      to: holder,
      kind: 'account',
      source: '民生资金发放明细（收款账户）',
      detail: '发放款打入对方账户 6217****4567',
    },
    {
      from: center,
      to: holder,
      kind: 'phone',
      source: '户籍人口（相同联系电话）',
      detail: '相同联系电话',
    },
    {
      from: official,
      to: outsider,
      kind: 'declared',
      source: '亲属关系申报',
      detail: '申报关系：兄弟姐妹',
    },
    // A link to someone the answer does not list is dropped.
    { from: center, to: 'P9', kind: 'address', source: 'x', detail: 'y' },
  ],
};

const labels: GraphLabels = {
  category: (c) =>
    ({ center: '关注对象', official: '公职人员', person: '其他人员', outside: '辖区外人员' })[c],
  kind: (k) =>
    (
      ({
        household: '同户',
        declared: '申报亲属',
        account: '收款账户',
        handler: '经办',
        phone: '同电话',
        address: '同住址',
      }) as Record<string, string>
    )[k] ?? k,
  village: '村（社区）',
  source: '来源',
};

describe('the relationship network as an ECharts graph', () => {
  const graph = toGraphData(network, { centerId: null, labels });
  const node = (id: string) => graph.nodes.find((n) => n.id === id)!;

  it('makes one node per person, in the categories of the legend', () => {
    expect(graph.nodes.map((n) => n.id)).toEqual([center, official, member, holder, outsider]);
    expect(graph.categories.map((c) => c.name)).toEqual([
      '关注对象',
      '公职人员',
      '其他人员',
      '辖区外人员',
    ]);
    expect(graph.categories.map((c) => c.itemStyle.color)).toEqual(
      nodeCategories.map((c) => nodeColours[c]),
    );
    expect(node(center).category).toBe(0);
    expect(node(official).category).toBe(1);
    expect(node(member).category).toBe(2);
    expect(node(outsider).category).toBe(3);
  });

  it('highlights the centre and marks officials with another symbol', () => {
    expect(node(center).symbolSize).toBeGreaterThan(node(member).symbolSize);
    expect(node(center).label).toMatchObject({ show: true, fontWeight: 'bold' });
    expect(node(center).itemStyle.color).toBe(nodeColours.center);
    expect(node(official).symbol).toBe('diamond');
    expect(node(member).symbol).toBe('circle');
    expect(node(outsider).itemStyle.borderType).toBe('dashed');
    expect(node(official).tooltip).toContain('公职人员');
  });

  it('masks ID numbers unless revealed; outsiders stay masked either way', () => {
    expect(node(center).idText).toBe('431226********0246');
    expect(node(outsider).idText).toBe('430102********0334');
    const revealed = toGraphData(network, { centerId, labels });
    expect(revealed.nodes[0]?.idText).toBe(centerId);
    expect(revealed.nodes.find((n) => n.id === outsider)?.idText).toBe('430102********0334');
    expect(nodeIdText({ id: 'P5', id_number: '锦和镇人民政府' }, center, centerId)).toBe(
      '锦和镇人民政府',
    );
  });

  it('merges a pair found from both ends, and drops links to people not listed', () => {
    expect(graph.links).toHaveLength(6);
    const household = graph.links.filter((l) => l.kinds[0] === 'household');
    expect(household).toHaveLength(1);
    expect(graph.links.some((l) => l.target === 'P9')).toBe(false);
    expect(mergeEdges(network.edges, new Set([center, member]))).toHaveLength(1);
  });

  it('colours links by kind and shows their detail and source in the tooltip', () => {
    const account = graph.links.find((l) => l.kinds[0] === 'account')!;
    expect(account.lineStyle.color).toBe(edgeColours.account);
    expect(account.label.formatter).toBe('收款账户');
    expect(account.tooltip).toContain('发放款打入对方账户 6217****4567');
    expect(account.tooltip).toContain('来源：民生资金发放明细（收款账户）');
    const phone = graph.links.find((l) => l.kinds[0] === 'phone')!;
    expect(phone.lineStyle.type).toBe('dashed');
    expect(graph.kinds).toEqual(['household', 'declared', 'account', 'handler', 'phone']);
  });

  it('bends the links between the same two people apart, and leaves single ones straight', () => {
    const between = (a: string, b: string) =>
      graph.links.filter(
        (l) => (l.source === a && l.target === b) || (l.source === b && l.target === a),
      );
    const twoLinks = between(official, center).map((l) => l.lineStyle.curveness);
    expect(twoLinks).toHaveLength(2);
    expect(twoLinks[0]).not.toBe(twoLinks[1]);
    expect(between(center, member)[0]?.lineStyle.curveness).toBe(0);
    expect(curvenessOf(0, 1)).toBe(0);
    expect(curvenessOf(0, 3)).toBe(-curvenessOf(2, 3));
    expect(curvenessOf(1, 3)).toBe(0);
    // A link drawn the other way bends the other way, so that the pair still parts.
    expect(curvenessOf(0, 2, true)).toBe(-curvenessOf(0, 2));
  });

  it('escapes names and details in the tooltips', () => {
    expect(escapeHtml(`<img src=x onerror="a">&'`)).toBe(
      '&lt;img src=x onerror=&quot;a&quot;&gt;&amp;&#39;',
    );
    expect(node(holder).tooltip).toContain('陈&lt;b&gt;明&lt;/b&gt;');
    expect(node(holder).tooltip).not.toContain('<b>');
  });

  it('still has its centre when the answer lists no one', () => {
    const lonely = toGraphData({ center, nodes: [], edges: [] }, { centerId: null, labels });
    expect(lonely.nodes.map((n) => n.id)).toEqual([center]);
    expect(lonely.links).toEqual([]);
    expect(lonely.kinds).toEqual([]);
  });
});
