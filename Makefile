# The two commands of the README. Each installs what is missing first (scripts/setup.sh).
.PHONY: examples test setup benchmark

setup:
	./scripts/setup.sh

examples: setup
	./scripts/render-examples.sh

test: setup
	swift build --build-tests
	swift test --skip-build

benchmark:
	AMICUS_EXTRA_PACKAGES="python3-venv time" ./scripts/setup.sh
	./Benchmarks/run.sh
