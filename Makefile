# Leeway — every target installs what it needs first (`make deps`, idempotent and cached).
SHELL := /bin/bash
.SHELLFLAGS := -eu -o pipefail -c
.DEFAULT_GOAL := help

ENV := [ -f .deps/rdkafka.env ] && source .deps/rdkafka.env;
TEST_RUN_DIR := .run/test
SWIFT_TEST_FLAGS ?=
BENCH_FLAGS ?=
CHAOS_FLAGS ?=
EVALUATE_FLAGS ?=

.PHONY: help deps build test run bench chaos evaluate lint broker-up broker-down clean

help: ## List the targets
	@grep -E '^[a-z-]+:.*## ' $(MAKEFILE_LIST) | awk -F ':.*## ' '{printf "  make %-12s %s\n", $$1, $$2}'

deps: ## Install Debian packages, librdkafka >= 2.8 and the Tansu dev broker into .deps/
	@scripts/deps.sh

build: deps ## Build everything (zero warnings expected)
	@$(ENV) swift build --build-tests

test: deps ## Start a private dev broker, run the whole suite, stop the broker
	@$(ENV) swift build --build-tests
	@export LEEWAY_RUN_DIR=$(TEST_RUN_DIR); \
	  trap 'scripts/broker.sh down' EXIT; trap 'exit 143' TERM; trap 'exit 130' INT; \
	  export LEEWAY_BROKERS=$$(scripts/broker.sh up); \
	  echo "==> dev broker at $$LEEWAY_BROKERS"; \
	  $(ENV) swift test --skip-build $(SWIFT_TEST_FLAGS)

run: deps ## The demo: dev broker, topics, processor, a simulated fleet streaming, real AIS; Ctrl-C stops it all
	@$(ENV) swift build -c release --product leeway
	@$(ENV) scripts/demo.sh

bench: deps broker-up ## Core, decode, Kafka layer and end-to-end processor throughput against the dev broker
	@$(ENV) swift build -c release --product leeway-bench
	@B=$$(scripts/broker.sh status); \
	  export LEEWAY_RDKAFKA_PERFORMANCE=$${LEEWAY_RDKAFKA_PERFORMANCE:-$$PWD/.deps/librdkafka/bin/rdkafka_performance}; \
	  $(ENV) .build/release/leeway-bench --brokers $$B $(BENCH_FLAGS)

chaos: deps broker-up ## Faults against the dev broker: kill -9 x10 in a 1M-record run, the broker paused 30 s, 10,000 hostile records; one table
	@$(ENV) swift build -c release --product leeway && $(ENV) swift build -c release --product leeway-chaos
	@$(ENV) .build/release/leeway-chaos --brokers $$(scripts/broker.sh status) --broker-pid $$(cat .run/broker.pid) $(CHAOS_FLAGS)

evaluate: deps ## Models against simulated ground truth, with each physics: checks, error, false alerts, fault delays (docs/models.md)
	@$(ENV) swift build -c release --product leeway
	@for physics in variant baseline; do .build/release/leeway evaluate models --physics $$physics $(EVALUATE_FLAGS); echo; done

lint: deps ## Validate docker-compose.yml, the Prometheus rules (promtool check and test) and configs (promtool, amtool) and openapi.yaml; check the module rule and that the build has no warnings in this repository's code
	@docker-compose -f docker-compose.yml config -q && echo "docker-compose.yml: valid"
	@.deps/schemathesis/bin/python -c 'import sys, yaml; [yaml.safe_load(open(f)) for f in sys.argv[1:]]' \
	  deploy/prometheus/prometheus.yml deploy/prometheus/alerts.yml deploy/alertmanager/alertmanager.yml openapi.yaml \
	  && echo "deploy/prometheus/*.yml, deploy/alertmanager/alertmanager.yml, openapi.yaml: parse"
	@promtool check rules deploy/prometheus/alerts.yml >/dev/null && promtool test rules deploy/prometheus/alerts.test.yml >/dev/null \
	  && echo "deploy/prometheus/alerts.yml: promtool check rules, promtool test rules (alerts.test.yml)"
	@promtool check config deploy/prometheus/prometheus.local.yml >/dev/null && echo "deploy/prometheus/prometheus.local.yml: promtool check config"
	@amtool check-config deploy/alertmanager/alertmanager.yml >/dev/null && echo "deploy/alertmanager/alertmanager.yml: amtool check-config"
	@scripts/module-rule.sh
	@mkdir -p .run; $(ENV) swift build --build-tests 2>&1 | tee .run/build.log >/dev/null || { cat .run/build.log; exit 1; }
	@# SwiftPM also warns about files in dependencies' checkouts (swift-distributed-tracing's
	@# CMakeLists); only warnings about this repository's sources count.
	@if grep -E "^$(CURDIR)/(Sources|Tests|Benchmarks|Chaos)/.*warning:|^warning: 'leeway'" .run/build.log; then exit 1; else echo "swift build: no warnings in Sources, Tests, Benchmarks, Chaos"; fi

broker-up: deps ## Start the dev broker (Tansu) on a free loopback port
	@scripts/broker.sh up

broker-down: ## Stop the dev broker
	@scripts/broker.sh down

clean: ## Remove build output (keeps .deps/)
	rm -rf .build .run
