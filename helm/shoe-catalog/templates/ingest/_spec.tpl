{{/*
The spec of one ingest run, shared by the one-off SparkApplication and the ScheduledSparkApplication's
template. Called with (dict "root" <the chart's root context> "rollback" <whether this run rolls back>):
only the one-off run ever rolls back (ingest.rollback), so the schedule goes on loading.
*/}}
{{- define "shoe-catalog.ingestSpec" -}}
{{- $root := .root }}
{{- $rollback := .rollback }}
{{- with $root }}
{{- if has "--rollback" .Values.ingest.extraArgs }}
{{- fail "ingest.extraArgs must not hold --rollback, which the schedule would repeat: set ingest.rollback=true for a one-off rollback" }}
{{- end }}
{{- $fullname := include "shoe-catalog.fullname" . }}
{{- $pod := dict "root" . "component" "ingest" }}
{{- $ca := include "shoe-catalog.elasticsearchCaSecret" . }}
type: Java
mode: cluster
image: {{ include "shoe-catalog.image" (dict "root" . "image" .Values.images.ingestJob) }}
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
  - {{ .Values.dataset.rejectsUri | default "/data/rejects" | quote }}
  - --max-reject-ratio
  - {{ .Values.ingest.maxRejectRatio | quote }}
  {{- range .Values.ingest.extraArgs }}
  - {{ . | quote }}
  {{- end }}
  {{- if $rollback }}
  - --rollback
  {{- end }}
# Driver and executors authenticate each other and encrypt their RPC (which carries the store
# credentials) with a key from a Secret, mounted as a file: never an environment variable of the pods.
sparkConf:
  spark.authenticate: "true"
  spark.authenticate.secret.file: /etc/shoe-catalog/spark-auth/secret
  spark.network.crypto.enabled: "true"
  spark.kubernetes.executor.deleteOnTermination: "true"
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
  {{- if not .Values.dataset.rejectsUri }}
  - name: rejects
    persistentVolumeClaim:
      claimName: {{ $fullname }}-rejects
  {{- end }}
  {{- if $ca }}
  - name: elasticsearch-ca
    secret:
      secretName: {{ $ca }}
      items:
        - {key: ca.crt, path: ca.crt}
  {{- end }}
  - name: spark-auth
    secret:
      secretName: {{ $fullname }}-spark-auth
{{- range $role := list "driver" "executor" }}
{{ $role }}:
  {{- if eq $role "driver" }}
  cores: {{ $root.Values.ingest.driver.cores }}
  memory: {{ $root.Values.ingest.driver.memory | quote }}
  # The driver creates its executor pods: the one pod with an API token.
  serviceAccount: {{ $fullname }}-spark
  {{- else }}
  instances: {{ $root.Values.ingest.executorInstances }}
  cores: {{ $root.Values.ingest.executor.cores }}
  memory: {{ $root.Values.ingest.executor.memory | quote }}
  # No rights and no token: executors never talk to the API server.
  serviceAccount: {{ $fullname }}-spark-executor
  template:
    spec:
      automountServiceAccountToken: false
  {{- end }}
  labels:
    {{- include "shoe-catalog.selectorLabels" $pod | nindent 4 }}
  envFrom:
    {{- include "shoe-catalog.storeEnvFrom" (dict "root" $root "program" "ingest") | nindent 4 }}
  {{- if $ca }}
  env:
    - name: ELASTICSEARCH_CA_CERT
      value: /etc/shoe-catalog/elasticsearch-ca/ca.crt
  {{- end }}
  volumeMounts:
    {{- if $root.Values.dataset.existingClaim }}
    - name: dataset
      mountPath: /data/shoes
      readOnly: true
    {{- end }}
    {{- if and (eq $role "driver") (not $root.Values.dataset.rejectsUri) }}
    # The driver alone writes the rejects: executors never need the claim, on however many nodes.
    - name: rejects
      mountPath: /data/rejects
    {{- end }}
    {{- if $ca }}
    - name: elasticsearch-ca
      mountPath: /etc/shoe-catalog/elasticsearch-ca
      readOnly: true
    {{- end }}
    - name: spark-auth
      mountPath: /etc/shoe-catalog/spark-auth
      readOnly: true
  podSecurityContext:
    fsGroup: 185
    runAsNonRoot: true
    seccompProfile:
      type: RuntimeDefault
  securityContext:
    runAsUser: 185
    {{- include "shoe-catalog.containerSecurityContext" $root | nindent 4 }}
{{- end }}
{{- end }}
{{- end }}
