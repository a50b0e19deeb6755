"""Worker entry point: `celery -A worker.main worker` / `celery -A worker.main beat`."""

from mentorship import create_app

flask_app = create_app()
celery_app = flask_app.extensions["celery"]
