#!/usr/bin/env bash
# The deploy workflow's three AWS steps, also runnable by hand with the same credentials:
#   deployment/aws/deploy.sh infrastructure     foundation stack (network, data stores, repositories)
#   deployment/aws/deploy.sh images TAG         build both images and push them to ECR as TAG
#   deployment/aws/deploy.sh application TAG    both services on TAG, then a smoke test; when the
#                                               new version does not come up, the previous serves
# Settings from the environment: DOMAIN_NAME (required), STAGE (prod), AWS_REGION, and optionally
# CERTIFICATE_ARN, HOSTED_ZONE_ID with HOSTED_ZONE_NAME, ALARM_EMAIL, WORKER_MAX.
set -euo pipefail
self="$(realpath "$0")"
cd "$(dirname "$self")"

STAGE="${STAGE:-prod}"
: "${DOMAIN_NAME:?set DOMAIN_NAME, the public host name of the API}"
CDK=(npx --yes "aws-cdk@${CDK_CLI_VERSION:-2.1148.1}")
context=(-c "stage=$STAGE" -c "domainName=$DOMAIN_NAME")
[ -n "${CERTIFICATE_ARN:-}" ] && context+=(-c "certificateArn=$CERTIFICATE_ARN")
[ -n "${HOSTED_ZONE_ID:-}" ] && context+=(-c "hostedZoneId=$HOSTED_ZONE_ID" -c "hostedZoneName=${HOSTED_ZONE_NAME:?with HOSTED_ZONE_ID}")
[ -n "${ALARM_EMAIL:-}" ] && context+=(-c "alarmEmail=$ALARM_EMAIL")
[ -n "${WORKER_MAX:-}" ] && context+=(-c "workerMax=$WORKER_MAX")

stack() { echo "Clipgen-$STAGE-$1"; }

# The tag the services stack runs now (its ImageTag output), or nothing before the first deploy.
serving_tag() {
  aws cloudformation describe-stacks --stack-name "$(stack Services)" \
    --query "Stacks[0].Outputs[?OutputKey=='ImageTag'].OutputValue" --output text 2>/dev/null |
    grep -v '^None$' || true
}

# Readiness through the load balancer: database, Redis, storage and a live worker.
smoke_test() {
  for _ in $(seq 1 30); do
    curl -fsS --max-time 10 "https://$DOMAIN_NAME/api/health" >/dev/null && return 0
    sleep 10
  done
  return 1
}

deploy_services() {
  "${CDK[@]}" deploy "$(stack Services)" "${context[@]}" -c "imageTag=$1" --require-approval never
}

case "${1:-}" in
  infrastructure)
    "${CDK[@]}" deploy "$(stack Foundation)" "${context[@]}" --require-approval never
    ;;
  images)
    tag="${2:?usage: deploy.sh images TAG}"
    account="$(aws sts get-caller-identity --query Account --output text)"
    registry="$account.dkr.ecr.${AWS_REGION:?set AWS_REGION}.amazonaws.com"
    aws ecr get-login-password | docker login --username AWS --password-stdin "$registry"
    docker build -f ../docker/api.Dockerfile -t "$registry/clipgen-$STAGE-api:$tag" ../..
    docker build -f ../docker/worker.Dockerfile --target worker -t "$registry/clipgen-$STAGE-worker:$tag" ../..
    docker push "$registry/clipgen-$STAGE-api:$tag"
    docker push "$registry/clipgen-$STAGE-worker:$tag"
    ;;
  application)
    tag="${2:?usage: deploy.sh application TAG}"
    previous="$(serving_tag)"
    if ! deploy_services "$tag"; then
      # ECS's circuit breaker stopped the new tasks and CloudFormation rolled the stack back.
      echo "deploy of $tag failed and was rolled back; ${previous:-nothing} still serves" >&2
      exit 1
    fi
    if ! smoke_test; then
      echo "$tag deployed but https://$DOMAIN_NAME/api/health is not ready" >&2
      if [ -n "$previous" ] && [ "$previous" != "$tag" ]; then
        echo "restoring $previous" >&2
        deploy_services "$previous"
      fi
      exit 1
    fi
    echo "$tag serves at https://$DOMAIN_NAME"
    ;;
  *)
    sed -n '2,8p' "$self" >&2
    exit 2
    ;;
esac
