# ClusterPlan: `make demo` and `make test` do everything on a fresh machine.
SWIFT ?= swift
DB ?= clusterplan.sqlite
BIN = .build/debug/clusterplan
RELEASE_BIN = .build/release/clusterplan

.PHONY: deps build test demo bench fuzz soak clean

deps:
	@scripts/install-deps.sh build

build: deps
	$(SWIFT) build

test:
	@scripts/install-deps.sh test
	$(SWIFT) build --build-tests
	scripts/with-postgres.sh $(SWIFT) test --skip-build

demo: deps
	$(SWIFT) build -c release --product clusterplan
	rm -f $(DB) $(DB)-wal $(DB)-shm
	$(RELEASE_BIN) --db $(DB) import plans
	$(RELEASE_BIN) --db $(DB) schedule
	$(RELEASE_BIN) --db $(DB) events
	@# Demo accounts with a fresh random password (the store keeps only its bcrypt hash).
	@pw=$$(head -c 12 /dev/urandom | od -An -tx1 | tr -d ' \n'); \
	  printf '%s\n' "$$pw" | $(RELEASE_BIN) --db $(DB) user add methodist --role methodist --password-stdin && \
	  printf '%s\n' "$$pw" | $(RELEASE_BIN) --db $(DB) user add coordinator --role coordinator --cluster nevsky-exact --password-stdin && \
	  echo "Вход:      http://localhost:8080/login — логин methodist (методист) или coordinator (координатор nevsky-exact), пароль $$pw"
	@echo "Страницы:  http://localhost:8080/"
	@echo "Кластер:   http://localhost:8080/clusters/nevsky-exact"
	@echo "Календарь: webcal://localhost:8080/feeds/clusters/nevsky-exact.ics"
	@echo "API:       http://localhost:8080/api/clusters"
	@echo "Отчёт:     http://localhost:8080/reports/2019-2020"
	$(RELEASE_BIN) --db $(DB) serve --host 127.0.0.1 --port 8080 --base-url http://localhost:8080

bench:
	@scripts/install-deps.sh bench
	$(SWIFT) build -c release
	@# A throwaway PostgreSQL server for the PostgreSQL rows (country import and schedule, two instances).
	scripts/with-postgres.sh .build/release/clusterplan-bench all

# Not part of `make test`: libFuzzer over the file readers (FUZZ_SECONDS per target), see RELIABILITY.md.
FUZZ_SECONDS ?= 60
fuzz:
	@scripts/install-deps.sh build
	scripts/fuzz.sh $(FUZZ_SECONDS)

# Not part of `make test`: kill -9 during writes, slow clients against `serve`, see RELIABILITY.md.
soak:
	@scripts/install-deps.sh bench
	$(SWIFT) build -c release --product clusterplan
	scripts/soak.sh

clean:
	rm -rf .build
