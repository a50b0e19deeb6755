FROM python:3.12-slim

ENV PYTHONDONTWRITEBYTECODE=1 PYTHONUNBUFFERED=1 PIP_NO_CACHE_DIR=1
WORKDIR /app
RUN useradd --create-home --uid 1000 app

COPY pyproject.toml README.md ./
COPY mentorship ./mentorship
COPY matching ./matching
COPY scheduling ./scheduling
COPY worker ./worker
RUN pip install .

COPY templates ./templates
COPY static ./static
COPY migrations ./migrations
RUN mkdir -p /app/instance && chown app:app /app/instance
USER app

ENV FLASK_APP=mentorship
EXPOSE 8000
CMD ["gunicorn", "--workers", "3", "--bind", "0.0.0.0:8000", "--access-logfile", "-", "mentorship:create_app()"]
