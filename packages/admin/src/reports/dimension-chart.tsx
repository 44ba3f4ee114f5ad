import { BarChart } from '@mui/x-charts/BarChart';
import { PieChart } from '@mui/x-charts/PieChart';
import type { CustomerDimension, StatsRequest } from './reports.api.ts';
import { totalsBy } from './reports.api.ts';
import { useDimensionLabels } from './labels.ts';
import { ReportCard } from './report-card.tsx';
import { useCustomerStats } from './use-report.ts';

interface DimensionChartProps {
  dimension: CustomerDimension;
  title: string;
  hint?: string;
  kind: 'bar' | 'pie';
  includeVoided?: boolean;
  /** A fixed filter (voids by reason); the include-voided switch does not apply then. */
  filter?: Record<string, unknown>;
  /** Long tails (tags, owners) are cut to the largest groups. */
  limit?: number;
  testId: string;
}

/** Customers counted by one dimension, as a pie (few values) or horizontal bars (many). */
export function DimensionChart({ dimension, title, hint, kind, includeVoided, filter, limit = 15, testId }: DimensionChartProps) {
  const labelOf = useDimensionLabels();
  const request: StatsRequest = { groupBy: [dimension], ...(filter ? { filter } : { includeVoided: !!includeVoided }) };
  const { data, isPending, error } = useCustomerStats(request);
  // The server sends groups largest first.
  const groups = [...totalsBy(data ?? []).entries()].map(([key, count]) => ({ key, count, label: labelOf(dimension, key) }));
  const shown = groups.slice(0, limit);
  const total = groups.reduce((sum, g) => sum + g.count, 0);
  return (
    <ReportCard title={title} hint={hint} isPending={isPending} error={error} empty={groups.length === 0} testId={testId} total={data ? total : undefined}>
      {kind === 'pie' ? (
        <PieChart
          height={240}
          series={[{
            data: shown.map((g, i) => ({ id: i, value: g.count, label: g.label })),
            arcLabel: 'value',
            arcLabelMinAngle: 20,
            innerRadius: 40,
            highlightScope: { fade: 'global', highlight: 'item' },
          }]}
        />
      ) : (
        <BarChart
          height={Math.max(160, 34 * shown.length + 40)}
          layout="horizontal"
          yAxis={[{ scaleType: 'band', data: shown.map((g) => g.label), width: 130 }]}
          xAxis={[{ tickMinStep: 1 }]}
          series={[{ data: shown.map((g) => g.count), barLabel: 'value' }]}
          hideLegend
          margin={{ right: 24 }}
        />
      )}
      {/* The numbers as text too: for screen readers, copying and the browser tests. */}
      <ul hidden data-testid={`${testId}-values`}>
        {groups.map((g) => <li key={String(g.key)} data-key={g.key ?? ''} data-count={g.count}>{g.label}: {g.count}</li>)}
      </ul>
    </ReportCard>
  );
}
