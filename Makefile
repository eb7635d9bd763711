# Two commands for a new user: `make demo` and `make test`. Everything else builds on `install`.
PY ?= python3
VENV := .venv
BIN := $(VENV)/bin
SHARED ?= ../shared
STAMP := $(VENV)/.installed

.PHONY: install demo test lint score gazetteers clean

install: $(STAMP)

$(STAMP): pyproject.toml
	@$(PY) -c 'import sys; sys.exit(sys.version_info < (3, 11))' || { echo "entente needs Python 3.11 or newer (PY=$(PY))"; exit 1; }
	test -x $(BIN)/python || $(PY) -m venv $(VENV)
	$(BIN)/pip install --quiet --upgrade pip
	$(BIN)/pip install --quiet -e '.[test]'
	touch $(STAMP)

demo: install
	rm -f samples/out/demo.db
	mkdir -p samples/out
	$(BIN)/entente ingest samples --db samples/out/demo.db
	$(BIN)/entente events --db samples/out/demo.db --format table
	$(BIN)/entente extract samples --format jsonl -o samples/out/records.jsonl
	@echo "Records written to samples/out/records.jsonl (database: samples/out/demo.db)"

lint: install
	$(BIN)/ruff check .
	$(BIN)/mypy

test: install lint
	sh scripts/install_chromium.sh
	ENTENTE_REQUIRE_PG=1 $(BIN)/pytest

score: install
	@test -d $(SHARED)/gold || { echo "no $(SHARED)/gold here: nothing to score against"; exit 1; }
	$(BIN)/entente extract $(SHARED)/seeds --format jsonl -o samples/out/seeds.jsonl
	$(BIN)/python $(SHARED)/tools/score.py --pred samples/out/seeds.jsonl --gold $(SHARED)/gold --articles $(SHARED)/seeds

gazetteers:
	$(BIN)/pip install --quiet -e '.[gazetteers]'
	$(BIN)/python scripts/build_gazetteers.py

clean:
	rm -rf $(VENV) samples/out .pytest_cache .mypy_cache .ruff_cache
