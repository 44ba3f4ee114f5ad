#!/usr/bin/env bash
# Runs docker/Dockerfile's steps on this machine, without Docker: the same COPY layout,
# the same install and build commands, the same `pnpm deploy` of the server, then starts
# the result as the image would (NODE_ENV=production, only production dependencies)
# against a throwaway PostgreSQL and checks /readyz, /graphql and /admin/.
# Usage: docker/build-outside-container.sh   (about a minute with a warm pnpm store)
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$root"
. scripts/bootstrap.sh
work="$(mktemp -d /tmp/custos-image-XXXXXX)"
trap 'kill ${server_pid:-} ${pg_pid:-} 2>/dev/null || true; rm -rf "$work"' EXIT
src="$work/src" out="$work/app"
mkdir -p "$src"

echo "== build stage: COPY manifests, pnpm install --frozen-lockfile"
cp package.json pnpm-lock.yaml pnpm-workspace.yaml .npmrc "$src/"
for pkg in packages/server packages/admin packages/schema bench; do mkdir -p "$src/$pkg" && cp "$pkg/package.json" "$src/$pkg/"; done
(cd "$src" && pnpm install --frozen-lockfile --reporter=silent)

echo "== build stage: COPY packages (tracked files, as .dockerignore leaves them), build"
git ls-files -z packages | (cd "$root" && xargs -0 cp --parents -t "$src")
(cd "$src" && pnpm --filter @custos/admin build >/dev/null && pnpm --filter @custos/server build >/dev/null)

echo "== build stage: pnpm deploy --prod"
(cd "$src" && pnpm --filter @custos/server deploy --prod --legacy "$out/packages/server" >/dev/null)
mkdir -p "$out/packages/admin" && cp -r "$src/packages/admin/dist" "$out/packages/admin/dist"
mkdir -p "$out/packages/schema" && cp "$src/packages/schema/persisted-operations.json" "$out/packages/schema/"
if [ -d "$out/packages/server/node_modules/typescript" ] || [ -d "$out/packages/server/node_modules/jest" ]; then
  echo "development dependencies leaked into the runtime image" >&2; exit 1
fi
echo "runtime tree: $(du -sh "$out" | cut -f1)"

echo "== runtime stage: start against a throwaway PostgreSQL"
pg_dir="$work/pg"; mkdir -p "$pg_dir"; chmod 755 "$work" "$pg_dir"
(cd "$root/packages/server" && exec node --input-type=module -e "
  import { startEmbeddedPostgres } from './dist/db/embedded-postgres.js';
  const db = await startEmbeddedPostgres({ dataDir: '$pg_dir', database: 'custos', persistent: false });
  process.stdout.write(db.url + '\n');
  process.on('SIGTERM', async () => { await db.stop(); process.exit(0); });
  setInterval(() => {}, 1 << 30);
" > "$work/pg.url") &
pg_pid=$!
for _ in $(seq 1 100); do [ -s "$work/pg.url" ] && break; sleep 0.2; done
metrics_token="$(head -c 24 /dev/urandom | base64)"
port=$(node -e "const s=require('net').createServer().listen(0,()=>{console.log(s.address().port);s.close()})")
(cd "$out/packages/server" && exec env -i PATH="$PATH" NODE_ENV=production HOST=127.0.0.1 PORT="$port" DATA_DIR="$work/data" \
  DATABASE_URL="$(cat "$work/pg.url")" JWT_SECRET="$(head -c 48 /dev/urandom | base64)" \
  ENCRYPTION_KEY="k1:$(head -c 32 /dev/urandom | base64)" METRICS_TOKEN="$metrics_token" LOG_LEVEL=warn node dist/main.js > "$work/server.log" 2>&1) &
server_pid=$!
for _ in $(seq 1 100); do curl -sf "http://127.0.0.1:$port/readyz" >/dev/null && break; sleep 0.2; done
check() { if eval "$2"; then echo "ok: $1"; else echo "FAILED: $1" >&2; cat "$work/server.log" >&2; exit 1; fi; }
cat > "$work/login.json" <<'JSON'
{"query":"mutation { login(input: { email: \"x@example.com\", password: \"wrong-password\" }) { token } }"}
JSON
cat > "$work/introspect.json" <<'JSON'
{"query":"{ __schema { types { name } } }"}
JSON
gql() { curl -s "http://127.0.0.1:$port/graphql" -H 'content-type: application/json' -d "@$work/$1.json"; }
check "readiness" 'curl -sf "http://127.0.0.1:$port/readyz" | grep -q ready'
check "dashboard served at /admin/" 'curl -sf "http://127.0.0.1:$port/admin/" | grep -q "id=.root"'
check "GraphQL answers (a wrong password is UNAUTHENTICATED)" 'gql login | grep -q UNAUTHENTICATED'
check "introspection off in production" '! gql introspect | grep -q "\"types\""'
check "/metrics refused without the token" '[ "$(curl -s -o /dev/null -w "%{http_code}" "http://127.0.0.1:$port/metrics")" = 401 ]'
check "/metrics with the token" 'curl -sf -H "authorization: Bearer $metrics_token" "http://127.0.0.1:$port/metrics" | grep -q custos_'
kill -TERM "$server_pid"; wait "$server_pid" || true
check "stopped cleanly on SIGTERM" 'grep -q "stopped cleanly" "$work/server.log"'
echo "ok: the Dockerfile's steps build and run outside a container"
