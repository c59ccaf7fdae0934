import { startPgServer } from './support/postgres';
import { openDeskStore } from '../electron/desk/store';
import { fileKeySecretBox } from '../electron/desk/secrets';
import { fakeCases } from '../bench/fake-cases';
import fs from 'node:fs';
const s = await startPgServer();
const url = await s.createDatabase('x');
const store = await openDeskStore({
  dataDir: '/tmp/pgx',
  databaseUrl: url,
  secrets: fileKeySecretBox('/tmp/pgx'),
});
const { makeCase } = fakeCases({ seed: 0x5eed, numbersPerCase: 3, wirelessEvery: 3, focShare: 0.5 });
for (let i = 0; i < 100000; i += 2000)
  await store.createCases(
    Array.from({ length: 2000 }, (_, k) => makeCase(i + k)),
    'b',
  );
await store.close();
fs.writeFileSync('/tmp/pgx/url', url);
console.log(url);
setInterval(() => {}, 1e6);
