"""The team leader's pages: /leader and /leader/refer/<member_id>."""
