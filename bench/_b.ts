import { routeBundle } from './first-visit';
const b = await routeBundle();
for (const f of b.files.sort((x, y) => y.brotli - x.brotli)) console.log(String(f.brotli).padStart(6), String(f.bytes).padStart(7), f.file);
console.log(b.brotli, b.bytes, b.files.length);
