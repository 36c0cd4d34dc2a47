/**
 * Preload (`node --import ./test/support/no-network.mjs …`) that makes every
 * way out of the process fail loudly and leave a trace: fetch, XMLHttpRequest,
 * WebSocket, EventSource, net/tls/http/https/http2 connections, DNS lookups and
 * UDP sockets. Each attempt is appended as one JSON line to the file named by
 * CE_NET_LOG (else written to stderr) and then throws, so a test can assert
 * that the log stays empty while the code under test still runs normally.
 */
import { appendFileSync } from 'node:fs';
import { syncBuiltinESMExports } from 'node:module';
import dgram from 'node:dgram';
import dns from 'node:dns';
import http from 'node:http';
import http2 from 'node:http2';
import https from 'node:https';
import net from 'node:net';
import tls from 'node:tls';

const LOG = process.env.CE_NET_LOG;

function attempt(what, args) {
  let detail = '';
  try {
    detail = JSON.stringify(args, (_k, v) => (typeof v === 'function' ? '[fn]' : v instanceof URL ? v.href : v)).slice(0, 300);
  } catch {
    detail = String(args?.[0]).slice(0, 300);
  }
  const line = JSON.stringify({ what, detail, pid: process.pid, stack: new Error().stack?.split('\n').slice(2, 8).join('\n') }) + '\n';
  if (LOG) appendFileSync(LOG, line);
  else process.stderr.write(`NETWORK ATTEMPT ${line}`);
  const err = new Error(`network access blocked in tests: ${what}`);
  err.code = 'ENETBLOCKED';
  throw err;
}

const block = (what) =>
  function blocked(...args) {
    return attempt(what, args);
  };

globalThis.fetch = block('fetch');
for (const name of ['XMLHttpRequest', 'WebSocket', 'EventSource']) {
  globalThis[name] = class {
    constructor(...args) {
      attempt(name, args);
    }
  };
}

/**
 * The one local connection allowed: tsx's loader (`--import tsx`) connects to
 * its launcher's IPC pipe, /tmp/tsx-<uid>/<ppid>.pipe, a Unix socket on this
 * machine (not the network, not our code). Anything else is blocked.
 */
const TSX_PIPE = /[\\/]tsx-\d+[\\/]\d+\.pipe$/;
const isTsxPipe = (args) => {
  const a = Array.isArray(args[0]) ? args[0][0] : args[0];
  const path = typeof a === 'string' ? a : a && typeof a === 'object' ? a.path : undefined;
  return typeof path === 'string' && TSX_PIPE.test(path);
};
const guardConnect = (what, original) =>
  function guarded(...args) {
    if (isTsxPipe(args)) return original.apply(this, args);
    return attempt(what, args);
  };
net.Socket.prototype.connect = guardConnect('net.Socket.connect', net.Socket.prototype.connect);
net.connect = guardConnect('net.connect', net.connect);
net.createConnection = guardConnect('net.createConnection', net.createConnection);
tls.connect = block('tls.connect');
http.request = block('http.request');
http.get = block('http.get');
https.request = block('https.request');
https.get = block('https.get');
http2.connect = block('http2.connect');
dgram.createSocket = block('dgram.createSocket');
for (const fn of ['lookup', 'lookupService', 'resolve', 'resolve4', 'resolve6', 'resolveAny', 'resolveCname', 'resolveMx', 'resolveTxt', 'resolveSrv', 'reverse']) {
  if (typeof dns[fn] === 'function') dns[fn] = block(`dns.${fn}`);
  if (typeof dns.promises?.[fn] === 'function') dns.promises[fn] = block(`dns.promises.${fn}`);
}
// ESM `import { request } from 'node:http'` must see the patched functions too
syncBuiltinESMExports();
