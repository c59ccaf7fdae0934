// `npm run bench -- store-pg`: bench/store.ts on a throwaway PostgreSQL (the same queries).
process.argv.push('--postgres');
await import('./store');
export {};
