// The flat's figures, as call sites read them: `figures.forFlat(db, flat)`, `figures.csv(…)`.
export * from './model';
export { bars, CHART, type Bar } from './chart';
export { counts } from './counts';
export { csv, type CsvWords } from './csv';
export { forFlat } from './report';
export { figures, shown } from './shown';
export { exactTotals, totals } from './totals';
export { addMonths, rollingWindow } from './window';
