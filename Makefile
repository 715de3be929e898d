# Convenience wrappers around scripts/run (the README's commands work without make).
TARGETS := setup demo test lint bench bench-identify bench-blocks styles layouts models guide \
	projects sample qgis screenshot screenshots package
.PHONY: $(TARGETS)
$(TARGETS):
	bash scripts/run $@
