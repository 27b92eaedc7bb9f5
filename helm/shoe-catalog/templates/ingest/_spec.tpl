{{/*
The spec of one ingest run, shared by the one-off SparkApplication and the ScheduledSparkApplication's
template. Called with the chart's root context.
*/}}
{{- define "shoe-catalog.ingestSpec" -}}
{{- $fullname := include "shoe-catalog.fullname" . }}
{{- $pod := dict "root" . "component" "ingest" }}
type: Java
mode: cluster
image: {{ printf "%s:%s" .Values.images.ingestJob.repository .Values.images.ingestJob.tag | quote }}
imagePullPolicy: {{ .Values.images.pullPolicy }}
{{- with .Values.images.pullSecrets }}
imagePullSecrets:
  {{- range . }}
  - {{ .name | default . | quote }}
  {{- end }}
{{- end }}
mainClass: dev.shoecatalog.ingest.IngestJob
mainApplicationFile: local:///opt/shoe-catalog/ingest-job.jar
sparkVersion: {{ .Values.ingest.sparkVersion | quote }}
arguments:
  - --dataset
  {{- if .Values.dataset.existingClaim }}
  - /data/shoes
  {{- else }}
  - {{ .Values.dataset.uri | default "/opt/shoe-catalog/dataset/sample" | quote }}
  {{- end }}
  - --rejects
  - /data/rejects
  - --max-reject-ratio
  - {{ .Values.ingest.maxRejectRatio | quote }}
  {{- range .Values.ingest.extraArgs }}
  - {{ . | quote }}
  {{- end }}
restartPolicy:
  type: OnFailure
  onFailureRetries: {{ .Values.ingest.onFailureRetries }}
  # Past the job's 60 s lease: a retry after a driver died finds the catalog free again.
  onFailureRetryInterval: 75
  onSubmissionFailureRetries: 3
  onSubmissionFailureRetryInterval: 20
volumes:
  {{- with .Values.dataset.existingClaim }}
  - name: dataset
    persistentVolumeClaim:
      claimName: {{ . }}
      readOnly: true
  {{- end }}
  - name: rejects
    persistentVolumeClaim:
      claimName: {{ $fullname }}-rejects
  {{- if .Values.elasticsearch.external.caSecret }}
  - name: elasticsearch-ca
    secret:
      secretName: {{ .Values.elasticsearch.external.caSecret }}
  {{- end }}
{{- range $role := list "driver" "executor" }}
{{ $role }}:
  {{- if eq $role "driver" }}
  cores: {{ $.Values.ingest.driver.cores }}
  memory: {{ $.Values.ingest.driver.memory | quote }}
  serviceAccount: {{ $fullname }}-spark
  {{- else }}
  instances: {{ $.Values.ingest.executorInstances }}
  cores: {{ $.Values.ingest.executor.cores }}
  memory: {{ $.Values.ingest.executor.memory | quote }}
  {{- end }}
  labels:
    {{- include "shoe-catalog.selectorLabels" $pod | nindent 4 }}
  envFrom:
    {{- include "shoe-catalog.storeEnvFrom" $ | nindent 4 }}
  {{- if $.Values.elasticsearch.external.caSecret }}
  env:
    - name: ELASTICSEARCH_CA_CERT
      value: /etc/shoe-catalog/elasticsearch-ca/ca.crt
  {{- end }}
  volumeMounts:
    {{- if $.Values.dataset.existingClaim }}
    - name: dataset
      mountPath: /data/shoes
      readOnly: true
    {{- end }}
    - name: rejects
      mountPath: /data/rejects
    {{- if $.Values.elasticsearch.external.caSecret }}
    - name: elasticsearch-ca
      mountPath: /etc/shoe-catalog/elasticsearch-ca
      readOnly: true
    {{- end }}
  podSecurityContext:
    fsGroup: 185
  securityContext:
    runAsNonRoot: true
    runAsUser: 185
    {{- include "shoe-catalog.containerSecurityContext" $ | nindent 4 }}
{{- end }}
{{- end }}
