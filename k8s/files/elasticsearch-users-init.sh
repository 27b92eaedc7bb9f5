#!/bin/bash
# Prepares Elasticsearch's config directory on a writable volume: the image's own files, the
# catalog's roles, and a file-realm user per program with the password mounted from a Secret.
set -euo pipefail
cp -a /usr/share/elasticsearch/config/. /config/
cp /etc/shoe-catalog/elasticsearch/elasticsearch-roles.yml /config/roles.yml
export ES_PATH_CONF=/config
users=/usr/share/elasticsearch/bin/elasticsearch-users
"$users" useradd shoes-ingest -r shoe_catalog_writer -p "$(cat /etc/shoe-catalog/store-users/elasticsearch-ingest)"
"$users" useradd shoes-query -r shoe_catalog_reader -p "$(cat /etc/shoe-catalog/store-users/elasticsearch-query)"
