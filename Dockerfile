FROM python:3.11-slim-bookworm

# What WeasyPrint, the six languages' fonts, message compilation and ICU (collation) need.
RUN apt-get update \
    && apt-get install -y --no-install-recommends gettext libpango-1.0-0 libpangoft2-1.0-0 \
       libicu-dev pkg-config g++ \
       libharfbuzz-subset0 fonts-noto-core fonts-noto-cjk fonts-noto-mono \
    && rm -rf /var/lib/apt/lists/*

WORKDIR /app
COPY . .
# Static files are collected as production serves them (DEBUG=0: hashed names and a manifest);
# the key only satisfies the settings during the build and signs nothing.
RUN pip install --no-cache-dir . \
    && python manage.py compilemessages --ignore=var \
    && DEBUG=0 SECRET_KEY=image-build-only python manage.py collectstatic --noinput

# Folders the volumes mount on exist before, so that they belong to the portal's user.
RUN useradd --create-home wgportal && mkdir -p var/media var/pdf && chown -R wgportal var
USER wgportal
EXPOSE 8000
