# Two commands: `make run` serves the demo portal, `make test` passes the whole suite.
# Both set everything up first and are safe to run again.

# Debian's own interpreter, built with profile-guided and link-time optimisation: the portal's
# requests cost about a seventh less CPU on it than on a plain build from source.
PYTHON ?= /usr/bin/python3
VENV := .venv
PY := $(VENV)/bin/python
DEBIAN_PACKAGES := python3 python3-venv gettext libpango-1.0-0 libpangoft2-1.0-0 libharfbuzz-subset0 \
	fonts-noto-core fonts-noto-cjk fonts-noto-mono poppler-utils chromium \
	default-jre-headless nodejs npm \
	libicu-dev pkg-config g++
HDX_COUNTRY := hdx-python-country==4.2.5

.PHONY: run test setup system-packages python-packages node-packages bench lint member-states messages clean

run: setup
	$(PY) manage.py load_demo
	@scripts/serve.sh

test: setup
	$(VENV)/bin/ruff check .
	$(VENV)/bin/ruff format --check .
	$(VENV)/bin/pytest

setup: system-packages python-packages node-packages
	mkdir -p var
	$(PY) manage.py compilemessages --ignore=.venv --ignore=var -v0
	$(PY) manage.py migrate --noinput -v0

system-packages:
	@scripts/system-packages.sh $(DEBIAN_PACKAGES)

python-packages: $(VENV)/.installed

$(VENV)/.installed: pyproject.toml
	rm -rf $(VENV)
	$(PYTHON) -m venv $(VENV)
	$(VENV)/bin/pip install -q --upgrade pip
	$(VENV)/bin/pip install -q -e '.[test]'
	touch $@

# The browser tests' checkers, axe-core and the Nu HTML Checker (run by Debian's Java), at the
# versions package-lock.json pins. Their install scripts are not run: vnu-jar's would download
# a Java runtime.
node-packages: node_modules/.installed

node_modules/.installed: package-lock.json
	npm ci --no-audit --no-fund --ignore-scripts
	touch $@

lint: python-packages
	$(VENV)/bin/ruff check .
	$(VENV)/bin/ruff format --check .

bench: setup
	@for script in benchmarks/*.py; do echo "== $$script"; $(PY) $$script || exit 1; done

# Extract the UI strings into locale/: English is filled from the source strings, the five
# other languages keep their translations and list what is new, to be translated.
messages: python-packages
	rm -f locale/en/LC_MESSAGES/django.po
	$(PY) manage.py makemessages --ignore=.venv --ignore=var --ignore=tests --ignore=node_modules \
		--no-obsolete \
		$(foreach code,ar zh_Hans en fr ru es,-l $(code))
	msgen --no-wrap locale/en/LC_MESSAGES/django.po | msgattrib --clear-fuzzy --no-wrap \
		-o locale/en/LC_MESSAGES/django.po
	sed -i 's/^"Language: \\n"/"Language: en\\n"/' locale/en/LC_MESSAGES/django.po

# Regenerate meetings/fixtures/member_states.csv from UN terminology, as shipped by OCHA's
# taxonomy in hdx-python-country. The wheel is read, not installed: none of its dependencies
# enter the portal.
member-states: python-packages
	$(VENV)/bin/pip download -q --no-deps --dest var/hdx "$(HDX_COUNTRY)"
	$(PY) manage.py build_member_states var/hdx/hdx_python_country-*.whl

clean:
	rm -rf var/broker var/static var/celerybeat-schedule
