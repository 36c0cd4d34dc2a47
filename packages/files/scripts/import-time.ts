export {};
const t = performance.now();
await import('../src/index.js');
console.log(`import @ce/files: ${Math.round(performance.now() - t)} ms`);
