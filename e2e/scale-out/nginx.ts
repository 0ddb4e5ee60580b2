// Runs the shipped deploy/nginx.conf with Debian's nginx on loopback, for the failover test. Only the
// lines marked "substituted by the test" change: addresses, ports and file paths. Each must match
// exactly once, so a changed deploy config cannot silently escape the test.
import { execFileSync, spawn, type ChildProcess } from "node:child_process";
import { chmodSync, existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { ROOT } from "./harness.ts";

export const NGINX_BINARY = process.env.NGINX_BINARY ?? "/usr/sbin/nginx";

export interface NginxOptions {
  httpsPort: number;
  httpPort: number;
  /** the app processes' ports on 127.0.0.1, in place of app-1:3000 and app-2:3000 */
  upstreamPorts: [number, number];
}

export interface NginxProcess {
  httpsUrl: string;
  httpUrl: string;
  /** the self-signed certificate (PEM) a client trusts for this run */
  certificate: string;
  /** the generated configuration, for failure messages */
  config: string;
  log(): string;
  stop(): Promise<void>;
}

function substitute(config: string, from: string, to: string): string {
  const count = config.split(from).length - 1;
  if (count !== 1) throw new Error(`deploy/nginx.conf: expected "${from}" exactly once, found it ${count} times`);
  return config.replace(from, to);
}

/** deploy/nginx.conf with loopback addresses and paths below `dir`. */
export function testNginxConfig(dir: string, options: NginxOptions): string {
  let config = readFileSync(path.join(ROOT, "deploy", "nginx.conf"), "utf8");
  const [first, second] = options.upstreamPorts;
  const temp = ["client_body", "proxy", "fastcgi", "uwsgi", "scgi"].map((kind) => `${kind}_temp_path ${dir}/${kind};`).join(" ");
  for (const [from, to] of [
    ["pid /run/nginx.pid;", `pid ${dir}/nginx.pid;`],
    ["error_log /var/log/nginx/error.log warn;", `error_log ${dir}/error.log warn;`],
    ["access_log /var/log/nginx/access.log;", `access_log ${dir}/access.log; ${temp}`],
    ["server app-1:3000 ", `server 127.0.0.1:${first} `],
    ["server app-2:3000 ", `server 127.0.0.1:${second} `],
    ["listen 80;", `listen 127.0.0.1:${options.httpPort};`],
    ["listen 443 ssl http2;", `listen 127.0.0.1:${options.httpsPort} ssl http2;`],
    ["/etc/nginx/certs/fullchain.pem;", `${dir}/fullchain.pem;`],
    ["/etc/nginx/certs/privkey.pem;", `${dir}/privkey.pem;`],
  ]) {
    config = substitute(config, from, to);
  }
  return config;
}

/** A self-signed certificate for 127.0.0.1 (the test client trusts it explicitly). */
function writeCertificate(dir: string) {
  execFileSync("openssl", [
    "req", "-x509", "-newkey", "rsa:2048", "-nodes", "-days", "1", "-subj", "/CN=127.0.0.1",
    "-addext", "subjectAltName=IP:127.0.0.1",
    "-keyout", path.join(dir, "privkey.pem"), "-out", path.join(dir, "fullchain.pem"),
  ], { stdio: "ignore" });
}

/** nginx in the foreground as a child of the test, until stop(). */
export async function startNginx(options: NginxOptions): Promise<NginxProcess> {
  if (!existsSync(NGINX_BINARY)) throw new Error(`${NGINX_BINARY} fehlt: apt-get install -y nginx (oder NGINX_BINARY setzen)`);
  const dir = mkdtempSync(path.join(tmpdir(), "gdst-nginx-"));
  // the worker processes run as an unprivileged user and write their temp files here
  chmodSync(dir, 0o755);
  writeCertificate(dir);
  const config = testNginxConfig(dir, options);
  const configFile = path.join(dir, "nginx.conf");
  writeFileSync(configFile, config);
  const args = ["-p", dir, "-e", path.join(dir, "error.log"), "-c", configFile];
  try {
    execFileSync(NGINX_BINARY, [...args, "-t"], { stdio: "pipe" });
  } catch (error) {
    rmSync(dir, { recursive: true, force: true });
    throw new Error(`nginx -t refused the configuration from deploy/nginx.conf:\n${(error as { stderr?: Buffer }).stderr?.toString() ?? error}`);
  }

  const child: ChildProcess = spawn(NGINX_BINARY, [...args, "-g", "daemon off;"], { stdio: ["ignore", "inherit", "inherit"] });
  const exited = new Promise<void>((resolve) => child.once("exit", () => resolve()));
  const readLog = () => (existsSync(path.join(dir, "error.log")) ? readFileSync(path.join(dir, "error.log"), "utf8").split("\n").slice(-30).join("\n") : "");
  const nginx: NginxProcess = {
    httpsUrl: `https://127.0.0.1:${options.httpsPort}`,
    httpUrl: `http://127.0.0.1:${options.httpPort}`,
    certificate: readFileSync(path.join(dir, "fullchain.pem"), "utf8"),
    config,
    log: readLog,
    async stop() {
      if (child.exitCode === null && child.signalCode === null) {
        child.kill("SIGQUIT");
        await exited;
      }
      rmSync(dir, { recursive: true, force: true });
    },
  };
  // listening once the plain-HTTP server answers with its redirect
  const deadline = Date.now() + 15_000;
  for (;;) {
    try {
      const response = await fetch(`${nginx.httpUrl}/`, { redirect: "manual" });
      await response.body?.cancel();
      if (response.status === 301) return nginx;
    } catch {
      // not listening yet
    }
    if (child.exitCode !== null || Date.now() > deadline) {
      const log = readLog();
      await nginx.stop();
      throw new Error(`nginx did not start:\n${log}`);
    }
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}
