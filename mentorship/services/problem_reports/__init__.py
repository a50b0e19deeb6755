"""A member's report of a problem in a private thread, once for every kind of thread.

A mentorship's and a partner introduction's messages are private to their members: the lead sees
that they flow, never what they say. A report changes that for as long as it is open: the lead
may read the thread (read-only), and every reading is written to the audit trail. Resolving the
last open report ends it.

`workflow.ProblemReports` holds the workflow; `thread.ReportedThread` is what each kind of thread
supplies (services.mentorships.problem_reports, services.partnerships.problem_reports); `notices`
says who is told; `overview` counts and lists the open reports of every kind for the lead.
"""
