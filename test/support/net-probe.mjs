/** Self-test of no-network.mjs: every way out must be recorded. Prints how many attempts threw. */
import { request } from 'node:http';
import { get } from 'node:https';
import { connect } from 'node:net';
import { lookup } from 'node:dns/promises';
import dns from 'node:dns';
import tls from 'node:tls';
import net from 'node:net';

const tries = [
  () => fetch('http://127.0.0.1:9/'),
  () => new XMLHttpRequest(),
  () => request('http://127.0.0.1:9/'),
  () => get('https://127.0.0.1:9/'),
  () => connect(9, '127.0.0.1'),
  () => new net.Socket().connect(9, '127.0.0.1'),
  () => lookup('example.invalid'),
  () => dns.lookup('example.invalid', () => {}),
  () => tls.connect(9, '127.0.0.1'),
];
let threw = 0;
for (const t of tries) {
  try {
    await t();
  } catch (e) {
    if (e && e.code === 'ENETBLOCKED') threw++;
  }
}
process.stdout.write(`${threw}/${tries.length}\n`);
