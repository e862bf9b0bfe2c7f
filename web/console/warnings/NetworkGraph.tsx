/**
 * The relationship network as an ECharts force graph. Loaded lazily (React.lazy) by the
 * warning page, so that ECharts is downloaded only there; only the parts the graph needs
 * are imported (the graph chart, tooltip, legend and the canvas renderer).
 */
import { Collapse, Table } from 'antd';
import type { TableColumnsType } from 'antd';
import type { GraphSeriesOption } from 'echarts/charts';
import { GraphChart } from 'echarts/charts';
import type { LegendComponentOption, TooltipComponentOption } from 'echarts/components';
import { LegendComponent, TooltipComponent } from 'echarts/components';
import * as echarts from 'echarts/core';
import type { ComposeOption } from 'echarts/core';
import { CanvasRenderer } from 'echarts/renderers';
import ReactEChartsCore from 'echarts-for-react/esm/core';
import { useMemo, useState } from 'react';
import type { ReactNode } from 'react';
import type { PersonNetwork as PersonNetworkResponse } from '../../../src/api/warnings';
import { useI18n } from '../../components/i18n';
import { useMediaQuery } from '../../components/useMediaQuery';
import {
  edgeColours,
  edgeKindKeys,
  edgeKinds,
  isEdgeKind,
  mergeEdges,
  nodeCategoryKeys,
  nodeIdText,
  toGraphData,
  type GraphLabels,
} from './networkGraph';

echarts.use([GraphChart, TooltipComponent, LegendComponent, CanvasRenderer]);

type GraphOption = ComposeOption<
  GraphSeriesOption | TooltipComponentOption | LegendComponentOption
>;

interface LinkRow {
  key: string;
  from: string;
  to: string;
  kind: string;
  detail: string;
  source: string;
}

function tooltipOf(params: unknown): string {
  const data = (params as { data?: { tooltip?: unknown } } | null)?.data;
  return typeof data?.tooltip === 'string' ? data.tooltip : '';
}

export default function NetworkGraph(props: {
  network: PersonNetworkResponse;
  /** The centre's full ID number once the warning was revealed; everyone else stays masked. */
  centerId: string | null;
}): ReactNode {
  const { t } = useI18n();
  const narrow = useMediaQuery('(max-width: 640px)');
  const [rendered, setRendered] = useState(false);
  const { network, centerId } = props;

  const labels = useMemo<GraphLabels>(
    () => ({
      category: (category) => t(nodeCategoryKeys[category]),
      kind: (kind) => (isEdgeKind(kind) ? t(edgeKindKeys[kind]) : kind),
      village: t('network.village'),
      source: t('network.source'),
    }),
    [t],
  );
  const graph = useMemo(
    () => toGraphData(network, { centerId, labels }),
    [network, centerId, labels],
  );

  const option = useMemo<GraphOption>(
    () => ({
      tooltip: { trigger: 'item', confine: true, formatter: tooltipOf },
      legend: [
        {
          data: graph.categories.map((c) => c.name),
          top: 4,
          left: 'center',
          itemWidth: 14,
          itemHeight: 10,
          textStyle: { fontSize: 12 },
        },
      ],
      animationDuration: 500,
      series: [
        {
          type: 'graph',
          layout: 'force',
          top: narrow ? 64 : 40,
          bottom: 16,
          left: 16,
          right: 16,
          roam: true,
          draggable: true,
          data: graph.nodes,
          links: graph.links,
          categories: graph.categories,
          // A small network spreads out; a large one packs closer.
          force: {
            repulsion: narrow ? 180 : graph.nodes.length <= 12 ? 420 : 280,
            edgeLength: narrow ? [50, 110] : graph.nodes.length <= 12 ? [120, 200] : [80, 160],
            gravity: 0.08,
            friction: 0.25,
          },
          label: { position: 'bottom', fontSize: 12, color: '#0f172a' },
          edgeLabel: { show: false, fontSize: 11, color: '#334155' },
          lineStyle: { opacity: 0.85 },
          emphasis: {
            focus: 'adjacency',
            lineStyle: { width: 4 },
            edgeLabel: { show: true },
          },
        },
      ],
    }),
    [graph, narrow],
  );

  const rows = useMemo<LinkRow[]>(() => {
    const people = new Map(
      network.nodes.map((n) => [
        n.id,
        [n.name, nodeIdText(n, network.center, centerId)].filter(Boolean).join(' '),
      ]),
    );
    return mergeEdges(network.edges, new Set(people.keys())).flatMap((edge, i) =>
      edge.parts.map((part, j) => ({
        key: `${i}-${j}`,
        from: people.get(edge.from) ?? '',
        to: people.get(edge.to) ?? '',
        kind: isEdgeKind(edge.kind) ? t(edgeKindKeys[edge.kind]) : edge.kind,
        detail: part.detail,
        source: part.source,
      })),
    );
  }, [network, centerId, t]);
  const columns: TableColumnsType<LinkRow> = [
    { title: t('network.col.from'), dataIndex: 'from' },
    { title: t('network.col.kind'), dataIndex: 'kind', className: 'nowrap' },
    { title: t('network.col.to'), dataIndex: 'to' },
    { title: t('network.col.detail'), dataIndex: 'detail' },
    { title: t('network.col.source'), dataIndex: 'source' },
  ];

  const present = new Set(graph.kinds);
  return (
    <div className="network-graph">
      <ul className="network-legend" aria-label={t('warning.network')}>
        {edgeKinds.map((kind) => (
          <li
            key={kind}
            className={present.has(kind) ? undefined : 'network-legend-absent'}
            data-testid={`network-legend-${kind}`}
          >
            <span
              className={`network-legend-line${kind === 'phone' || kind === 'address' ? ' network-legend-dashed' : ''}`}
              style={{ borderColor: edgeColours[kind] }}
            />
            {t(edgeKindKeys[kind])}
          </li>
        ))}
      </ul>
      <div
        className="network-canvas"
        data-testid="warning-network"
        data-nodes={graph.nodes.length}
        data-links={graph.links.length}
        data-rendered={rendered ? 'true' : 'false'}
      >
        <ReactEChartsCore
          echarts={echarts}
          option={option}
          notMerge
          style={{ height: narrow ? 360 : 480, width: '100%' }}
          onChartReady={() => setRendered(true)}
        />
      </div>
      {rows.length > 0 ? (
        <Collapse
          size="small"
          className="network-list"
          items={[
            {
              key: 'list',
              label: t('warning.networkList', { count: rows.length }),
              children: (
                <Table<LinkRow>
                  rowKey="key"
                  size="small"
                  columns={columns}
                  dataSource={rows}
                  pagination={rows.length > 20 ? { pageSize: 20, size: 'small' } : false}
                  scroll={{ x: 'max-content' }}
                  data-testid="network-list"
                />
              ),
            },
          ]}
        />
      ) : null}
    </div>
  );
}
