# Convenience wrappers around scripts/run (the README's commands work without make).
.PHONY: setup demo test lint bench sample qgis screenshot
setup demo test lint bench sample qgis screenshot:
	bash scripts/run $@
