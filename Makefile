# The two commands of the README. Each installs what is missing first (scripts/setup.sh).
.PHONY: examples test setup benchmark browser-test

setup:
	./scripts/setup.sh

examples: setup
	./scripts/render-examples.sh

test:
	AMICUS_WITH_BROWSER=1 ./scripts/setup.sh
	swift build --build-tests
	swift test --skip-build
	./scripts/browser-test.sh

# The web app in headless Chromium; screenshots in out/screenshots/. Needs a debug build (make test builds it).
browser-test:
	AMICUS_WITH_BROWSER=1 ./scripts/setup.sh
	swift build
	./scripts/browser-test.sh

benchmark:
	AMICUS_EXTRA_PACKAGES="python3-venv time" ./scripts/setup.sh
	./Benchmarks/run.sh
