# uitvoering-assistent: `make run` sets everything up and starts the assistant on the bundled
# corpus; `make test` sets everything up and runs the tests.
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed
CORPUS := corpus/uitvoering
export HF_HUB_OFFLINE := 1
export TRANSFORMERS_OFFLINE := 1
export ANONYMIZED_TELEMETRY := False

.PHONY: install chromium run ingest lint test test-fast eval bench bench-retrieval bench-answers bench-scale bench-ingest clean

$(BIN)/python:
	$(PYTHON) -m venv $(VENV)
	$(BIN)/pip install --quiet --upgrade pip

# torch first, pinned to the CPU build that lies on this machine's disk; otherwise
# sentence-transformers pulls a multi-GB CUDA build.
$(STAMP): pyproject.toml | $(BIN)/python
	$(BIN)/pip install --quiet torch==2.13.0
	$(BIN)/pip install --quiet -e ".[test]"
	touch $(STAMP)

install: $(STAMP)

ingest: install
	$(BIN)/uitvoering ingest $(CORPUS)

run: ingest
	$(BIN)/uitvoering chat

# The browser test drives Debian's chromium; install it when it is missing.
chromium:
	@command -v chromium >/dev/null 2>&1 || apt-get install -y chromium \
		|| (apt-get update && apt-get install -y chromium)

# The tests, then the regression gate: the known-facts set answered in extractive mode from
# the bundled corpus must not fall below evals/baselines/known_facts.json.
# The formatter and linter own the layout; import-linter checks that imports only go down.
lint: install
	$(BIN)/ruff format --check .
	$(BIN)/ruff check .
	$(BIN)/lint-imports --no-logo

test: install chromium lint
	$(BIN)/python -m pytest
	$(BIN)/uitvoering eval --mode extractive --ingest $(CORPUS) --quiet \
		--baseline evals/baselines/known_facts.json --report .eval-report

# The unit tier only (seconds): no model, no store, no server.
test-fast: install
	$(BIN)/python -m pytest -m unit -q

# The known-facts eval with its report (no gate): `make eval`; compare set-ups with
# `uitvoering eval --compare a.toml b.toml`.
eval: ingest
	$(BIN)/uitvoering eval --report .eval-report

clean:
	rm -rf $(VENV) .pytest_cache .eval-report

bench: bench-retrieval bench-answers

# Retrieval quality and latency on the dev set; `CALIBRATE=1` also grid-searches fusion weights.
bench-retrieval: install
	$(BIN)/python -m bench.retrieval $(if $(CALIBRATE),--calibrate)

# What the sentence index costs at ingest: cold ingests with it off and on, alternating, and an
# unchanged re-ingest; run it on an otherwise quiet machine (the load is printed with each run).
bench-ingest: install
	$(BIN)/python -m bench.ingest_timing --rounds 2

# Answer quality on the dev set (fact accuracy, refusals, citations) with the configured mode.
bench-answers: install
	$(BIN)/python -m bench.answers

# Synthetic corpus of 10k/50k/100k chunks in a Chroma server on 127.0.0.1: ingest throughput,
# query latency, memory; writes bench/results/scale.json and docs/scale.png (about 15 minutes).
bench-scale: install
	$(BIN)/pip install --quiet -e ".[bench]"
	$(BIN)/python -m bench.scale
