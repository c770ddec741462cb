import { layoutBars, type BarChartData } from '@/lib/charts/bars';

/** A horizontal grouped bar chart in SVG (the layout is shared with `kpack report`'s report.html). */
export function BarChart({ data, testId }: { data: BarChartData; testId?: string }) {
  const layout = layoutBars(data);
  return (
    <figure className="chart" data-testid={testId}>
      <figcaption>{data.title}</figcaption>
      <svg
        role="img"
        aria-label={data.title}
        width={layout.width}
        height={layout.height}
        viewBox={`0 0 ${layout.width} ${layout.height}`}
      >
        {layout.legend.map((l) => (
          <g key={l.text}>
            <rect x={l.x} y={l.y} width={12} height={10} fill={l.color} />
            <text x={l.x + 16} y={l.y + 9} fontSize={11}>
              {l.text}
            </text>
          </g>
        ))}
        {layout.bars.map((b, i) => (
          <rect key={i} data-testid="chart-bar" x={b.x} y={b.y} width={b.width} height={b.height} fill={b.color}>
            <title>{b.title}</title>
          </rect>
        ))}
        {layout.labels.map((l, i) => (
          <text key={i} x={l.x} y={l.y} fontSize={l.size} textAnchor={l.anchor}>
            {l.text}
          </text>
        ))}
      </svg>
    </figure>
  );
}
