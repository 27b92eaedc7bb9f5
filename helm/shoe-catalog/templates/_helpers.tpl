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

{{/* Secret with REDIS_URL (and REDIS_PASSWORD in-cluster). */}}
{{- define "shoe-catalog.redisSecret" -}}
{{- if and (not .Values.redis.enabled) .Values.redis.external.existingSecret }}
{{- .Values.redis.external.existingSecret }}
{{- else }}
{{- printf "%s-redis" (include "shoe-catalog.fullname" .) }}
{{- end }}
{{- end }}

{{/* Secret with the ELASTICSEARCH_* variables. */}}
{{- define "shoe-catalog.elasticsearchSecret" -}}
{{- if and (not .Values.elasticsearch.enabled) .Values.elasticsearch.external.existingSecret }}
{{- .Values.elasticsearch.external.existingSecret }}
{{- else }}
{{- printf "%s-elasticsearch" (include "shoe-catalog.fullname" .) }}
{{- end }}
{{- end }}

{{/* Environment shared by the job's pods and the service: both stores' connection settings. */}}
{{- define "shoe-catalog.storeEnvFrom" -}}
- secretRef:
    name: {{ include "shoe-catalog.redisSecret" . }}
- secretRef:
    name: {{ include "shoe-catalog.elasticsearchSecret" . }}
{{- end }}

{{/* Non-root, no privilege escalation, no capabilities. */}}
{{- define "shoe-catalog.containerSecurityContext" -}}
allowPrivilegeEscalation: false
capabilities:
  drop: ["ALL"]
{{- end }}
