// `npm run demo`: starts pm-server with demo users and clients, adds demo profiles in a separate settings
// folder (with the pmtoken CLI), then opens Token Tray pointed at them. Ctrl+C stops both.
import { spawn, spawnSync } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { homedir, tmpdir } from 'node:os';
import { join } from 'node:path';
import { createInterface } from 'node:readline';

const secret = () => randomBytes(20).toString('hex');
const password = () => randomBytes(6).toString('base64url');
const clients = {
  code: {
    id: 1,
    name: 'Token Tray',
    secret: secret(),
    redirect: 'pmtokentray://oauth/callback,http://127.0.0.1/oauth/callback',
    types: ['authorization_code_grant'],
  },
  password: { id: 2, name: 'Token Tray (password)', secret: secret(), redirect: '', types: ['password_client'] },
  pat: { id: 3, name: 'Personal Access Client', secret: secret(), redirect: '', types: ['personal_access_client'] },
};
const users = [
  {
    id: 1,
    username: 'admin',
    password: password(),
    email: 'admin@example.com',
    firstname: 'Admin',
    lastname: 'User',
    is_administrator: true,
  },
  { id: 2, username: 'jane', password: password(), email: 'jane@example.com', firstname: 'Jane', lastname: 'Doe' },
];
const work = join(tmpdir(), `token-tray-demo-${process.pid}`);
mkdirSync(work, { recursive: true });
const serverConfig = join(work, 'pm-server.json');
writeFileSync(serverConfig, JSON.stringify({ users, clients: Object.values(clients) }, null, 2), { mode: 0o600 });

const server = spawn(process.execPath, ['dist/pm-server.js', '--port', '0', '--config', serverConfig], {
  stdio: ['ignore', 'pipe', 'inherit'],
});
const url = await new Promise((resolve, reject) => {
  createInterface({ input: server.stdout }).on('line', (line) => {
    const match = /^pm-server listening on (\S+)/.exec(line);
    if (match) resolve(match[1]);
  });
  server.on('exit', (code) => reject(new Error(`pm-server stopped (exit ${code})`)));
});

// The demo keeps its profiles apart from your own.
const configDir = process.env.TOKEN_TRAY_DEMO_DIR ?? join(homedir(), '.token-tray-demo');
mkdirSync(configDir, { recursive: true });
const pmtoken = (args, input) =>
  spawnSync(process.execPath, ['dist/cli/pmtoken.js', '--config-dir', configDir, ...args], { input, encoding: 'utf8' });
const add = (name, args, input) => {
  const result = pmtoken(['add', name, '--url', url, ...args], input);
  if (result.status !== 0 && !/already/i.test(result.stderr)) process.stderr.write(result.stderr);
};
add(
  'Demo (browser sign-in)',
  ['--client-id', String(clients.code.id), '--grant', 'code', '--redirect', 'app', '--client-secret-stdin'],
  clients.code.secret,
);
add(
  'Demo (password)',
  ['--client-id', String(clients.password.id), '--grant', 'password', '--client-secret-stdin'],
  clients.password.secret,
);

console.log(`\npm-server: ${url}`);
for (const u of users) console.log(`  user ${u.username.padEnd(6)} password ${u.password}`);
console.log(`Demo settings folder: ${configDir}\n`);

// Where `npm install` put the Electron binary (requiring 'electron' would try to download it).
const electronBin = (() => {
  try {
    const binary = join(
      'node_modules',
      'electron',
      'dist',
      readFileSync(join('node_modules', 'electron', 'path.txt'), 'utf8').trim(),
    );
    return existsSync(binary) ? binary : null;
  } catch {
    return null;
  }
})();
if (!electronBin) {
  console.error(
    'The Electron binary is not installed (run `npm install` without ELECTRON_SKIP_BINARY_DOWNLOAD). pm-server keeps running; press Ctrl+C to stop it.',
  );
} else {
  const app = spawn(electronBin, ['.'], { stdio: 'inherit', env: { ...process.env, PMTOKEN_CONFIG_DIR: configDir } });
  app.on('exit', () => server.kill());
}
const stop = () => {
  server.kill();
  process.exit(0);
};
process.on('SIGINT', stop);
process.on('exit', () => server.kill());
process.on('SIGTERM', stop);
