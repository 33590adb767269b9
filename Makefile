# ClusterPlan: `make demo` and `make test` do everything on a fresh machine.
SWIFT ?= swift
DB ?= clusterplan.sqlite
BIN = .build/debug/clusterplan
RELEASE_BIN = .build/release/clusterplan

.PHONY: deps build test demo bench clean

deps:
	@scripts/install-deps.sh build

build: deps
	$(SWIFT) build

test:
	@scripts/install-deps.sh test
	$(SWIFT) build --build-tests
	$(SWIFT) test --skip-build

demo: deps
	$(SWIFT) build -c release --product clusterplan
	rm -f $(DB) $(DB)-wal $(DB)-shm
	$(RELEASE_BIN) --db $(DB) import plans
	$(RELEASE_BIN) --db $(DB) events

bench:
	@scripts/install-deps.sh bench
	$(SWIFT) build -c release
	.build/release/clusterplan-bench all

clean:
	rm -rf .build
