FROM python:3.11-slim-bookworm

# What WeasyPrint, the six languages' fonts and message compilation need.
RUN apt-get update \
    && apt-get install -y --no-install-recommends gettext libpango-1.0-0 libpangoft2-1.0-0 \
       libharfbuzz-subset0 fonts-noto-core fonts-noto-cjk fonts-noto-mono \
    && rm -rf /var/lib/apt/lists/*

WORKDIR /app
COPY . .
RUN pip install --no-cache-dir . \
    && python manage.py compilemessages --ignore=var \
    && python manage.py collectstatic --noinput

RUN useradd --create-home wgportal && mkdir -p var && chown -R wgportal var
USER wgportal
EXPOSE 8000
