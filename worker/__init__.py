"""Celery glue: turns ids into service calls; holds no business rules."""
