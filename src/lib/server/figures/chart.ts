import { FEWER, THRESHOLD, type Shown } from './model';

/** The chart's drawing box (SVG user units): it scales to the width of the page. */
export const CHART = { width: 320, height: 170, top: 22, bottom: 26, gap: 10 } as const;

/** One month's bar, ready to draw: where it stands, how tall, and what it says above it. */
export type Bar = {
	x: number;
	y: number;
	width: number;
	height: number;
	/** Where the value above and the month below are centred. */
	middle: number;
	/** The number, or "<3": then the bar is an outline of the threshold's height, hatched. */
	value: string;
	fewer: boolean;
};

/**
 * Six bars, drawn on the server so the page needs no script. The oldest month stands at the
 * start of the line as the reader reads: on the left, and on the right in Arabic. A month of
 * "fewer than 3" gets a hatched outline as tall as 3, so its height gives nothing away.
 */
export function bars(months: Shown[], rtl: boolean): Bar[] {
	const top = Math.max(THRESHOLD, ...months.map((m) => (m === FEWER ? 0 : m)));
	const plot = CHART.height - CHART.top - CHART.bottom;
	const slot = CHART.width / months.length;
	const width = slot - CHART.gap;
	return months.map((m, i) => {
		const fewer = m === FEWER;
		const height = Math.max(1, Math.round((plot * (fewer ? THRESHOLD : m)) / top));
		const place = rtl ? months.length - 1 - i : i;
		const x = place * slot + CHART.gap / 2;
		return {
			x,
			y: CHART.top + plot - height,
			width,
			height,
			middle: x + width / 2,
			value: String(m),
			fewer
		};
	});
}
