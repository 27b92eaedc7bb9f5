{{/* Chart name, 63 characters at most. */}}
{{- define "shoe-catalog.name" -}}
{{- default .Chart.Name .Values.nameOverride | trunc 63 | trimSuffix "-" }}
{{- end }}

{{/* Prefix of every object name. */}}
{{- define "shoe-catalog.fullname" -}}
{{- if .Values.fullnameOverride }}
{{- .Values.fullnameOverride | trunc 63 | trimSuffix "-" }}
{{- else if contains (include "shoe-catalog.name" .) .Release.Name }}
{{- .Release.Name | trunc 63 | trimSuffix "-" }}
{{- else }}
{{- printf "%s-%s" .Release.Name (include "shoe-catalog.name" .) | trunc 63 | trimSuffix "-" }}
{{- end }}
{{- end }}

{{/* Labels of every object; pass a dict with "root" and "component". */}}
{{- define "shoe-catalog.labels" -}}
helm.sh/chart: {{ printf "%s-%s" .root.Chart.Name .root.Chart.Version | replace "+" "_" }}
app.kubernetes.io/managed-by: {{ .root.Release.Service }}
app.kubernetes.io/part-of: shoe-catalog
app.kubernetes.io/version: {{ .root.Chart.AppVersion | quote }}
{{ include "shoe-catalog.selectorLabels" . }}
{{- end }}

{{/* Selector labels of a component; pass a dict with "root" and "component". */}}
{{- define "shoe-catalog.selectorLabels" -}}
app.kubernetes.io/name: {{ include "shoe-catalog.name" .root }}
app.kubernetes.io/instance: {{ .root.Release.Name }}
app.kubernetes.io/component: {{ .component }}
{{- end }}

{{/*
"true" when the chart renders its own Secrets (secrets.mode=generate); with secrets.mode=existing the
same Secrets are made beforehand, and a password given in values, which would be ignored, is refused.
*/}}
{{- define "shoe-catalog.secretsGenerated" -}}
{{- if eq .Values.secrets.mode "existing" }}
{{- range $store := list "redis" "elasticsearch" }}
{{- $values := index $.Values $store }}
{{- range $key, $password := dict "password" $values.password "users.ingestPassword" $values.users.ingestPassword "users.queryPassword" $values.users.queryPassword }}
{{- if $password }}
{{- fail (printf "%s.%s is not read with secrets.mode=existing: put it in the Secret %s-store-users instead" $store $key (include "shoe-catalog.fullname" $)) }}
{{- end }}
{{- end }}
{{- end }}
{{- range $key := list "password" "apiKey" }}
{{- if index $.Values.elasticsearch.external $key }}
{{- fail (printf "elasticsearch.external.%s is not read with secrets.mode=existing: put it in the Secret elasticsearch.external.existingSecret names" $key) }}
{{- end }}
{{- end }}
{{- "false" }}
{{- else }}
{{- "true" }}
{{- end }}
{{- end }}

{{/*
A value kept across upgrades: read back from an existing Secret, else random. Pass a dict with
"root", "secret", "key" and "length".
*/}}
{{- define "shoe-catalog.keptValue" -}}
{{- $existing := lookup "v1" "Secret" .root.Release.Namespace .secret }}
{{- if and $existing $existing.data (hasKey $existing.data .key) }}
{{- index $existing.data .key | b64dec }}
{{- else }}
{{- randAlphaNum .length }}
{{- end }}
{{- end }}

{{/*
Passwords of the in-cluster stores' users, as YAML: the administrators' from values (required), the
programs' from values or generated once and kept.
*/}}
{{- define "shoe-catalog.storeUserPasswords" -}}
{{- $secret := printf "%s-store-users" (include "shoe-catalog.fullname" .) }}
{{- if .Values.redis.enabled }}
redis-admin: {{ required "redis.password is required for the in-cluster Redis (e.g. --set redis.password=$(openssl rand -hex 16))" .Values.redis.password | quote }}
{{- range $program := list "ingest" "query" }}
redis-{{ $program }}: {{ index $.Values.redis.users (printf "%sPassword" $program) | default (include "shoe-catalog.keptValue" (dict "root" $ "secret" $secret "key" (printf "redis-%s" $program) "length" 32)) | quote }}
{{- end }}
{{- end }}
{{- if .Values.elasticsearch.enabled }}
elasticsearch-admin: {{ required "elasticsearch.password is required for the in-cluster Elasticsearch (e.g. --set elasticsearch.password=$(openssl rand -hex 16))" .Values.elasticsearch.password | quote }}
{{- range $program := list "ingest" "query" }}
elasticsearch-{{ $program }}: {{ index $.Values.elasticsearch.users (printf "%sPassword" $program) | default (include "shoe-catalog.keptValue" (dict "root" $ "secret" $secret "key" (printf "elasticsearch-%s" $program) "length" 32)) | quote }}
{{- end }}
{{- end }}
{{- end }}

{{/*
The existing Secret an external store's settings come from for one program: its own
(ingestSecret/querySecret), else the shared existingSecret, else none. Pass "store" and "program".
*/}}
{{- define "shoe-catalog.externalSecret" -}}
{{- if not .store.enabled }}
{{- index .store.external (printf "%sSecret" .program) | default .store.external.existingSecret }}
{{- end }}
{{- end }}

{{/* The Secret holding the CA to trust for Elasticsearch (key ca.crt), or nothing. */}}
{{- define "shoe-catalog.elasticsearchCaSecret" -}}
{{- if .Values.elasticsearch.enabled }}
{{- .Values.elasticsearch.tls.existingSecret | default (printf "%s-elasticsearch-tls" (include "shoe-catalog.fullname" .)) }}
{{- else }}
{{- .Values.elasticsearch.external.caSecret }}
{{- end }}
{{- end }}

{{/* One program's store settings: its own Secret, then any existing Secrets of external stores. Pass "root" and "program". */}}
{{- define "shoe-catalog.storeEnvFrom" -}}
- secretRef:
    name: {{ include "shoe-catalog.fullname" .root }}-{{ .program }}-stores
{{- with include "shoe-catalog.externalSecret" (dict "store" .root.Values.redis "program" .program) }}
- secretRef:
    name: {{ . }}
{{- end }}
{{- with include "shoe-catalog.externalSecret" (dict "store" .root.Values.elasticsearch "program" .program) }}
- secretRef:
    name: {{ . }}
{{- end }}
{{- end }}

{{/* The Pod Security "restricted" profile for a container: non-root, no privilege escalation, no capabilities, RuntimeDefault seccomp. */}}
{{- define "shoe-catalog.containerSecurityContext" -}}
runAsNonRoot: true
allowPrivilegeEscalation: false
capabilities:
  drop: ["ALL"]
seccompProfile:
  type: RuntimeDefault
{{- end }}

{{/*
Bytes of a Kubernetes quantity in whole units: 4Gi, 512Mi, 2G, 500M, or plain bytes.
*/}}
{{- define "shoe-catalog.bytes" -}}
{{- $q := toString . -}}
{{- if hasSuffix "Gi" $q -}}{{ mul (trimSuffix "Gi" $q | atoi) 1073741824 }}
{{- else if hasSuffix "Mi" $q -}}{{ mul (trimSuffix "Mi" $q | atoi) 1048576 }}
{{- else if hasSuffix "G" $q -}}{{ mul (trimSuffix "G" $q | atoi) 1000000000 }}
{{- else if hasSuffix "M" $q -}}{{ mul (trimSuffix "M" $q | atoi) 1000000 }}
{{- else if regexMatch "^[0-9]+$" $q -}}{{ $q }}
{{- else -}}{{ fail (printf "redis.resources.limits.memory %q: use whole Gi, Mi, G, M or bytes" $q) }}
{{- end -}}
{{- end }}

{{/*
Redis's maxmemory: redis.maxmemoryPercent of the container's memory limit, the rest left for the
copy-on-write pages of an AOF rewrite or snapshot, buffers and fragmentation.
*/}}
{{- define "shoe-catalog.redisMaxmemory" -}}
{{- $limit := include "shoe-catalog.bytes" .Values.redis.resources.limits.memory | atoi -}}
{{- div (mul $limit (int .Values.redis.maxmemoryPercent)) 100 -}}
{{- end }}

{{/* A project image: its repository and its tag, the chart's appVersion unless a value sets one. Pass the images entry. */}}
{{- define "shoe-catalog.image" -}}
{{- printf "%s:%s" .image.repository (.image.tag | default .root.Chart.AppVersion) | quote }}
{{- end }}
