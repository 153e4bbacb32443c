# Set-up happens on first use: `make demo` and `make test` create .venv and install lagebild.
VENV    := .venv
PYTHON  := $(VENV)/bin/python
STAMP   := $(VENV)/.installed-stamp

.PHONY: demo test bench clean

demo: $(STAMP)
	$(VENV)/bin/lagebild demo

test: $(STAMP)
	$(PYTHON) -m pytest

bench: $(STAMP)
	$(PYTHON) bench/throughput.py

$(STAMP): pyproject.toml
	python3 -m venv $(VENV)
	$(PYTHON) -m pip install --quiet --upgrade pip
	$(PYTHON) -m pip install --quiet -e '.[test]'
	touch $(STAMP)

clean:
	rm -rf $(VENV) lagebild.db lagebild.db-wal lagebild.db-shm
