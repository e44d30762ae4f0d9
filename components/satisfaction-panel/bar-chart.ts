// A bar chart drawn by uPlot (canvas) into a container the element renders.
// It is decoration for sighted readers: the element gives the container
// role="img" with a text alternative and puts the same numbers in a table.
// Only this element's chunk imports uPlot, so the core bundle never carries it.
import uPlot from 'uplot';

export interface BarChartData {
  /** One label per bar, under its bar (some are left out when the chart is narrow). */
  labels: string[];
  /** One value per bar; null draws no bar (a month without ratings). */
  values: (number | null)[];
  /** The top of the value axis. */
  max: number;
  /** How a value reads on the axis ("4,5"). */
  format: (v: number) => string;
  /** Whole numbers only on the value axis (counts). */
  integers?: boolean;
}

/** Colours with enough contrast on white: bars #1351B4 (8.6:1), text #333, grid #ccc. */
const BAR = '#1351b4';
const TEXT = '#333';
const GRID = '#ccc';
const HEIGHT = 220;

export class BarChart {
  private readonly plot: uPlot;
  private readonly resize: ResizeObserver;
  /** The bars uPlot drew in its last pass, in canvas pixels (the container's `data-bars` says them to tests). */
  drawn: { i: number; x: number; y: number; w: number; h: number }[] = [];

  constructor(
    private readonly container: HTMLElement,
    readonly data: BarChartData,
  ) {
    const xs = data.values.map((_, i) => i);
    const bars = uPlot.paths.bars!({ size: [0.7, 64], align: 0, each: (_u, _s, i, x, y, w, h) => this.drawn.push({ i, x, y, w, h }) });
    const font = `14px ${getComputedStyle(container).fontFamily || 'sans-serif'}`;
    const opts: uPlot.Options = {
      width: this.width(),
      height: HEIGHT,
      padding: [12, 28, 0, 0],
      legend: { show: false },
      cursor: { show: false },
      select: { show: false, left: 0, top: 0, width: 0, height: 0 },
      scales: {
        x: { time: false, range: () => [-0.5, data.values.length - 0.5] },
        y: { range: () => [0, data.max] },
      },
      axes: [
        {
          stroke: TEXT,
          font,
          grid: { show: false },
          ticks: { stroke: GRID },
          splits: () => xs,
          values: (u, splits) => {
            // Room for each label (about 8 px a character at 14 px): a narrow chart names every second or third bar, the newest always.
            const room = Math.max(...data.labels.map((l) => l.length)) * 8 + 16;
            const every = Math.max(1, Math.ceil((data.labels.length * room) / Math.max(1, u.bbox.width / devicePixelRatio)));
            const last = data.labels.length - 1;
            return splits.map((i) => ((last - i) % every === 0 ? (data.labels[i] ?? '') : ''));
          },
        },
        {
          stroke: TEXT,
          font,
          size: 44,
          grid: { stroke: GRID, width: 1 },
          ticks: { stroke: GRID },
          ...(data.integers ? { incrs: [1, 2, 5, 10, 20, 50, 100, 200, 500, 1000, 2000, 5000, 10000] } : {}),
          values: (_u, splits) => splits.map((v) => data.format(v)),
        },
      ],
      hooks: { draw: [() => (container.dataset.bars = JSON.stringify(this.drawn))] },
      series: [
        {},
        {
          stroke: BAR,
          fill: BAR,
          width: 0,
          points: { show: false },
          paths: (u, seriesIdx, idx0, idx1) => {
            this.drawn = [];
            return bars(u, seriesIdx, idx0, idx1);
          },
        },
      ],
    };
    this.plot = new uPlot(opts, [xs, data.values] as uPlot.AlignedData, container);
    this.resize = new ResizeObserver(() => {
      const width = this.width();
      if (width !== this.plot.width) this.plot.setSize({ width, height: HEIGHT });
    });
    this.resize.observe(container);
  }

  /** The canvas uPlot draws on. */
  get canvas(): HTMLCanvasElement | null {
    return this.plot.root.querySelector('canvas');
  }

  private width(): number {
    return Math.max(200, Math.floor(this.container.clientWidth));
  }

  destroy(): void {
    this.resize.disconnect();
    delete this.container.dataset.bars;
    this.plot.destroy();
  }
}
