#!/usr/bin/env bash
# The module rule (docs/architecture.md): arrows point down the data flow. Each module may
# import only the Leeway modules listed here; `make lint` fails on any other import.
set -euo pipefail
cd "$(dirname "$0")/.."
declare -A allowed=(
  [CRdKafka]=""
  [COnnxRuntime]=""
  [Kafka]="CRdKafka"
  [LeewayCore]=""
  [LeewayModels]="LeewayCore"
  [LeewaySimulator]="LeewayCore"
  [LeewayTraining]="LeewayCore LeewayModels"
  [LeewayInference]="COnnxRuntime LeewayCore LeewayModels"
  [LeewayEvaluation]="LeewayCore LeewayModels LeewayTraining LeewaySimulator"
  [LeewayTopics]="Kafka LeewayCore LeewayModels"
  [LeewayPipeline]="Kafka LeewayCore LeewayModels LeewayInference LeewayTopics"
  [LeewayServer]="Kafka LeewayCore LeewayModels LeewayTopics"
  [leeway]="*"
)
status=0
for dir in Sources/*/; do
  module=$(basename "$dir")
  [[ -v "allowed[$module]" ]] || { echo "module rule: $module is not listed in scripts/module-rule.sh"; status=1; continue; }
  [[ "${allowed[$module]}" == "*" ]] && continue
  while read -r imported; do
    [[ -z "$imported" ]] && continue
    [[ " ${allowed[$module]} " == *" $imported "* ]] || { echo "module rule: $module imports $imported"; status=1; }
  done < <(grep -rhoE '^(@testable )?import (Leeway[A-Za-z]*|Kafka|CRdKafka|COnnxRuntime)\b' "$dir" | awk '{print $NF}' | sort -u)
done
# The Kafka layer is a general client: it names nothing of Leeway (topics, ids, hints).
if named=$(grep -rniE 'leeway|fleet\.|make deps' Sources/Kafka Sources/CRdKafka); then
  echo "module rule: the Kafka layer names Leeway:"; echo "$named"; status=1
fi
[[ $status == 0 ]] && echo "module rule: every import points down the data flow; the Kafka layer names nothing of Leeway"
exit $status
