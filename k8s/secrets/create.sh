#!/usr/bin/env bash
# Creates the files the Secrets of k8s/ are built from: random passwords (no trailing newline) and a
# CA with a certificate for the in-cluster Elasticsearch. Leaves existing files alone.
set -euo pipefail
cd "$(dirname "$0")"
for name in redis-admin redis-ingest redis-query elasticsearch-admin elasticsearch-ingest elasticsearch-query spark-auth; do
  [ -s "$name" ] || { openssl rand -hex 24 | tr -d '\n' > "$name"; chmod 600 "$name"; }
done
tls=elasticsearch-tls
if [ ! -s "$tls/tls.crt" ]; then
  mkdir -p "$tls"
  openssl req -x509 -newkey rsa:3072 -nodes -days 3650 -subj "/CN=shoe-catalog elasticsearch CA" \
    -keyout "$tls/ca.key" -out "$tls/ca.crt" 2>/dev/null
  openssl req -newkey rsa:3072 -nodes -subj "/CN=shoe-catalog-elasticsearch" \
    -keyout "$tls/tls.key" -out "$tls/tls.csr" 2>/dev/null
  printf 'subjectAltName=DNS:shoe-catalog-elasticsearch,DNS:localhost,IP:127.0.0.1\nextendedKeyUsage=serverAuth\n' > "$tls/ext.cnf"
  openssl x509 -req -days 3650 -in "$tls/tls.csr" -CA "$tls/ca.crt" -CAkey "$tls/ca.key" -CAcreateserial \
    -extfile "$tls/ext.cnf" -out "$tls/tls.crt" 2>/dev/null
  rm -f "$tls/tls.csr" "$tls/ext.cnf" "$tls/ca.srl"
  chmod 600 "$tls/tls.key" "$tls/ca.key"
fi
echo "k8s/secrets: ready (keep $tls/ca.key offline or delete it)"
