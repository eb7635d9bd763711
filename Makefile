# Two commands for a new user: `make demo` and `make test`. Everything else builds on `install`.
PY ?= python3
VENV := .venv
BIN := $(VENV)/bin
SHARED ?= ../shared
STAMP := $(VENV)/.installed

.PHONY: install demo test lint score gazetteers lexicons event-dictionaries train clean

install: $(STAMP)

$(STAMP): pyproject.toml
	@$(PY) -c 'import sys; sys.exit(sys.version_info < (3, 11))' || { echo "entente needs Python 3.11 or newer (PY=$(PY))"; exit 1; }
	test -x $(BIN)/python || $(PY) -m venv $(VENV)
	$(BIN)/pip install --quiet --upgrade pip
	$(BIN)/pip install --quiet -e '.[test]'
	touch $(STAMP)

# the demo writes beside the samples, never among them: `ingest samples` must read only articles
OUT := out
demo: install
	rm -rf $(OUT)/demo && mkdir -p $(OUT)/demo
	$(BIN)/entente ingest samples --db $(OUT)/demo/demo.db
	$(BIN)/entente extract samples -o $(OUT)/demo/records.jsonl
	$(BIN)/entente brief --between RUS VNM --db $(OUT)/demo/demo.db -o $(OUT)/demo/brief.md
	$(BIN)/entente events --between RUS VNM --db $(OUT)/demo/demo.db --limit 12
	$(BIN)/entente relations RUS VNM --db $(OUT)/demo/demo.db
	@echo
	@echo "Stored in $(OUT)/demo/demo.db; records in $(OUT)/demo/records.jsonl; a cited briefing in $(OUT)/demo/brief.md."
	@echo "Browse it: $(BIN)/entente serve --db $(OUT)/demo/demo.db  (then open http://127.0.0.1:8000)"

lint: install
	$(BIN)/ruff check .
	$(BIN)/mypy

test: install lint
	sh scripts/install_chromium.sh
	ENTENTE_REQUIRE_PG=1 $(BIN)/pytest

score: install
	@test -d $(SHARED)/gold || { echo "no $(SHARED)/gold here: the seeds are not scored"; }
	$(BIN)/python scripts/score_sets.py
	$(BIN)/python scripts/score_sentences.py

gazetteers:
	$(BIN)/pip install --quiet -e '.[gazetteers]'
	$(BIN)/python scripts/build_gazetteers.py
	$(BIN)/python scripts/build_dollar_homes.py

lexicons:
	$(BIN)/pip install --quiet -e '.[lexicons]'
	$(BIN)/python scripts/build_name_lexicons.py

event-dictionaries:
	$(BIN)/python scripts/build_agents.py
	$(BIN)/python scripts/build_triggers.py
	$(BIN)/python scripts/build_quad.py

# the PLOVER type classifier (issue 19): its training sentences, then the model shipped in
# entente/data/models/types; seeded, so the same files give the same model
train: install
	$(BIN)/python scripts/make_type_data.py
	$(BIN)/python scripts/train_types.py --report training/types/report.json

clean:
	rm -rf $(VENV) $(OUT) samples/out .pytest_cache .mypy_cache .ruff_cache
