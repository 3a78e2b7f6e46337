# Two entry points: `make run` (headline analysis) and `make test` (everything CI checks).
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed

.PHONY: run test install lint typecheck pytest system-deps bench clean

$(BIN)/python:
	$(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip==25.3

$(STAMP): $(BIN)/python pyproject.toml constraints.txt
	$(BIN)/python -m pip install --quiet -c constraints.txt -e ".[dev]"
	touch $(STAMP)

install: $(STAMP)

system-deps:
	bash scripts/system-deps.sh

## The headline analysis: the indivisibility test of one move (Iskander-M in Kaliningrad, 2018),
## then the erosion of the arms-control architecture between Russia and the United States.
run: install
	mkdir -p out
	$(BIN)/indivisible assess examples/actions/baselines/europe-2018-02-04.yaml --action examples/actions/iskander-kaliningrad-2018.yaml --report out/iskander-kaliningrad-2018.html --map out/iskander-kaliningrad-2018.png
	$(BIN)/indivisible timeline RUS USA --from 1972 --category arms_control --plot out/rus-usa-timeline.png --out out/rus-usa-timeline.csv
	@echo "Wrote out/iskander-kaliningrad-2018.html, .png and out/rus-usa-timeline.csv, .png"

lint: install
	$(BIN)/ruff check src tests benchmarks scripts
	$(BIN)/ruff format --check src tests benchmarks scripts
	$(BIN)/lint-imports

typecheck: install
	$(BIN)/mypy

pytest: install system-deps
	$(BIN)/python -m pytest

test: install system-deps lint typecheck pytest

bench: install
	$(BIN)/python benchmarks/run.py

clean:
	rm -rf $(VENV) out .pytest_cache .mypy_cache .ruff_cache
