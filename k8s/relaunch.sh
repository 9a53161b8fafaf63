#!/usr/bin/env bash
# Relaunch one profile's run for a given date, e.g. to restart a failed or stopped night:
#   k8s/relaunch.sh example-acme 2026-11-26
# Same parameters, same job instance: Seatkeeper resumes a FAILED/STOPPED run from its last commit and reports a
# COMPLETED one (exit 4). `kubectl create job --from=cronjob/...` cannot change args, so the Job is rendered from
# the CronJob's jobTemplate, given `run --profile PROFILE --run-date RUN_DATE`, and then created.
# Environment: NAMESPACE (default: kubectl's current one), KUBECTL (default: kubectl), DRY_RUN=1 prints the Job.
set -euo pipefail

usage() {
	echo "usage: $0 PROFILE RUN_DATE   (RUN_DATE as YYYY-MM-DD)" >&2
	exit 64
}

[ $# -eq 2 ] || usage
profile=$1
run_date=$2
[[ $profile =~ ^[a-z0-9]([-a-z0-9]*[a-z0-9])?$ ]] || { echo "not a profile name: $profile" >&2; usage; }
[[ $run_date =~ ^[0-9]{4}-[0-9]{2}-[0-9]{2}$ ]] || { echo "not a date (YYYY-MM-DD): $run_date" >&2; usage; }
command -v jq >/dev/null || { echo "jq is needed to render the Job" >&2; exit 1; }

kubectl=${KUBECTL:-kubectl}
namespace=()
if [ -n "${NAMESPACE:-}" ]; then
	namespace=(--namespace "$NAMESPACE")
fi
job="seatkeeper-$profile-manual-$run_date"
if [ ${#job} -gt 63 ]; then
	echo "job name $job is longer than 63 characters; shorten the profile name" >&2
	exit 64
fi

rendered=$("$kubectl" ${namespace[@]+"${namespace[@]}"} create job "$job" --from="cronjob/seatkeeper-$profile" --dry-run=client -o json \
	| jq --arg profile "$profile" --arg date "$run_date" '
		.metadata.labels["seatkeeper.dev/run-date"] = $date
		| .spec.template.spec.containers |= map(
			if .name == "seatkeeper" then .args = ["run", "--profile", $profile, "--run-date", $date] else . end)')

if [ "${DRY_RUN:-0}" = 1 ]; then
	printf '%s\n' "$rendered"
	exit 0
fi
# create, not apply: an existing Job for this date means a relaunch already ran; look at it, or delete it first.
printf '%s\n' "$rendered" | "$kubectl" ${namespace[@]+"${namespace[@]}"} create -f -
echo "follow it with: kubectl logs -f job/$job${NAMESPACE:+ --namespace $NAMESPACE}"
