## harness: the platform runners and the guest init. See harness/DESIGN.md.
EXTRA_DIST += harness/DESIGN.md
