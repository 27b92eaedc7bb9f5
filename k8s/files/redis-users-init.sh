#!/bin/sh
# Writes Redis's ACL file from the users template and the passwords mounted from a Secret: each
# password becomes its SHA-256 (of the file's exact bytes), so the ACL file holds no password.
set -eu
passwords=${STORE_USERS_DIR:-/etc/shoe-catalog/store-users}
template=${ACL_TEMPLATE:-/etc/shoe-catalog/redis/redis-users.acl.template}
hash() { sha256sum < "$passwords/$1" | cut -d' ' -f1; }
grep -v -e '^#' -e '^$' "$template" \
  | sed -e "s/@ADMIN_PASSWORD_SHA256@/$(hash redis-admin)/" \
        -e "s/@INGEST_PASSWORD_SHA256@/$(hash redis-ingest)/" \
        -e "s/@QUERY_PASSWORD_SHA256@/$(hash redis-query)/" > "${ACL_FILE:-/acl/users.acl}"
