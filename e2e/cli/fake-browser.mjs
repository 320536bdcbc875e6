#!/usr/bin/env node
// A browser for the console tests (BROWSER=this file): follows the hand-off address to the
// sign-in URL, lets the emulated endpoint log in, and records where the console would open.
// It records the sign-in host only, never the URL: that is a secret.

import { appendFileSync } from 'node:fs';

const [handoff] = process.argv.slice(2);
const first = await fetch(handoff, { redirect: 'manual' });
const login = first.headers.get('location') ?? '';
const second = await fetch(login, { redirect: 'manual' });
const record = { handoffHost: new URL(handoff).host, signinHost: new URL(login).host, status: second.status, landed: second.headers.get('location') };
appendFileSync(process.env.FAKE_BROWSER_LOG ?? '/dev/null', `${JSON.stringify(record)}\n`);
