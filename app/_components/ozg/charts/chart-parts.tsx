import Link from "next/link";
import type { ReactNode } from "react";
import { ozgPhaseInfo, ozgPhases, type OzgPhase } from "@/server/schemas/ozg";
import { phaseColors } from "../phase-colors";

/**
 * Pieces every OZG chart shares. The charts are plain SVG rendered on the server: bars are laid out in
 * percent of the chart's width and in pixels of height, so they re-flow to any width instead of
 * shrinking their text, and print without scripts.
 */

/** The fill of a phase in an SVG that holds `<PhasePatterns id={chartId} />`. */
export const phaseFill = (phase: OzgPhase, chartId: string) => (phaseColors[phase].hatched ? `url(#${chartId}-hatch)` : phaseColors[phase].fill);

/** Depriorisiert's hatching: it must stay apart from "0 Nicht gestartet" in grey print too. */
export function PhasePatterns({ id }: { id: string }) {
  return (
    <defs>
      <pattern id={`${id}-hatch`} width="6" height="6" patternUnits="userSpaceOnUse" patternTransform="rotate(45)">
        <rect width="6" height="6" fill={phaseColors.DEPRIORITIZED.fill} />
        <line x1="0" y1="0" x2="0" y2="6" stroke="#52525b" strokeWidth="2" />
      </pattern>
    </defs>
  );
}

/** A count on a segment, with a halo of the segment's colour so it stays readable over hatching. */
export function SegmentLabel({ phase, children, ...props }: { phase: OzgPhase; children: ReactNode } & React.SVGProps<SVGTextElement>) {
  const colour = phaseColors[phase];
  return (
    <text
      fill={colour.ink}
      stroke={colour.fill}
      strokeWidth={3}
      paintOrder="stroke"
      fontSize={12}
      fontWeight={600}
      textAnchor="middle"
      dominantBaseline="central"
      pointerEvents="none"
      {...props}
    >
      {children}
    </text>
  );
}

export interface LinkBox {
  href: string;
  title: string;
  /** percent of the chart's width */
  left: number;
  width: number;
  /** pixels */
  top: number;
  height: number;
}

/**
 * Bars that open the table filtered to them, for the mouse: links laid over the graphic, because
 * links inside an SVG with role="img" would be hidden from screen readers. Keyboards and screen readers
 * get the same links in the data table below each chart.
 */
export function ChartLinks({ boxes }: { boxes: LinkBox[] }) {
  return (
    <div aria-hidden="true">
      {boxes.map((box) => (
        <Link
          key={`${box.href}|${box.top}|${box.left}`}
          href={box.href}
          tabIndex={-1}
          title={box.title}
          data-chart-link=""
          className="absolute hover:outline-2 hover:outline-slate-900"
          style={{ left: `${box.left}%`, width: `${box.width}%`, top: box.top, height: box.height }}
        />
      ))}
    </div>
  );
}

export function PhaseLegend({ phases = ozgPhases }: { phases?: readonly OzgPhase[] }) {
  return (
    <ul aria-label="Legende" className="mt-3 flex flex-wrap gap-x-4 gap-y-1 text-sm text-slate-700">
      {phases.map((phase) => (
        <li key={phase} className="inline-flex items-center gap-1.5">
          <svg aria-hidden="true" width="14" height="14" className="shrink-0">
            <PhasePatterns id={`legend-${phase}`} />
            <rect x="0.5" y="0.5" width="13" height="13" rx="2" fill={phaseFill(phase, `legend-${phase}`)} stroke="#64748b" />
          </svg>
          {ozgPhaseInfo[phase].label}
        </li>
      ))}
    </ul>
  );
}

/**
 * A chart's frame: heading, the one-sentence summary (what a screen reader hears for the graphic),
 * the graphic, the legend and the same numbers as a table behind a disclosure.
 */
export function ChartFigure({
  id,
  title,
  summary,
  legend = true,
  table,
  children,
  className = "",
}: {
  id: string;
  title: string;
  summary: string;
  legend?: boolean;
  table: ReactNode;
  children: ReactNode;
  className?: string;
}) {
  return (
    <section aria-labelledby={`${id}-titel`} className={`min-w-0 rounded-lg border border-slate-200 bg-white p-4 shadow-sm print:break-inside-avoid print:shadow-none sm:p-5 ${className}`}>
      <h2 id={`${id}-titel`} className="text-lg font-semibold text-slate-900">
        {title}
      </h2>
      <p id={`${id}-zusammenfassung`} className="mt-1 text-sm text-slate-700">
        {summary}
      </p>
      <div className="mt-4">{children}</div>
      {legend && <PhaseLegend />}
      <details className="mt-4 print:hidden">
        <summary className="cursor-pointer text-sm font-semibold text-brand-700 underline-offset-2 hover:underline">Als Tabelle anzeigen</summary>
        <div className="mt-3">{table}</div>
      </details>
    </section>
  );
}

/** The props that tie a chart's graphic to its heading and summary. */
export const graphicLabels = (id: string) => ({ role: "img", "aria-labelledby": `${id}-titel`, "aria-describedby": `${id}-zusammenfassung` }) as const;

export const percent = (part: number, whole: number) => (whole ? Math.round((part / whole) * 100) : 0);
