"""The lead's programme pages: programmes, their modules, enrolments and ideas."""
