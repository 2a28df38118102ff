# fake-runner.sh - a stand-in vc-native for the vc-suite tests that need
# a runner to say something hostile. Sourced after tap.sh.
#
#   fake_runner FILE [RUNNER]
#                       RUNNER (default vc-native) passes its probe
#                       (exit 0, no output) and answers each measurement
#                       (-o json) with a line of FILE on stdout, exit 0:
#                       its Nth measurement with line N, from the first
#                       again after the last; each call appends its
#                       arguments, one line, to $tap_tmp/runner-args
fake_runner() {
	r=${2:-vc-native}
	mkdir -p "$tap_tmp/bin"
	cat >"$tap_tmp/bin/$r" <<FAKE
#!/bin/sh
printf '%s\n' "\$*" >>'$tap_tmp/runner-args'
case " \$* " in
*" -o json "*)
	n=\$((\$(cat '$tap_tmp/runner-n.$r' 2>/dev/null || echo 0) + 1))
	echo "\$n" >'$tap_tmp/runner-n.$r'
	lines=\$(wc -l <'$1')
	[ "\$lines" -gt 0 ] || lines=1
	sed -n "\$(((n - 1) % lines + 1))p" '$1' ;;
esac
exit 0
FAKE
	chmod +x "$tap_tmp/bin/$r"
	PATH="$tap_tmp/bin:$PATH"
	export PATH
}

#   no_platform RUNNER...
#                       stand-in RUNNERs whose check fails as a platform
#                       that is not there does: "RUNNER: no such platform
#                       here: ARGS" on stderr, exit 125; and a vc-image
#                       that has no guest kernel to ask about
no_platform() {
	mkdir -p "$tap_tmp/bin"
	for r; do
		printf '#!/bin/sh\necho "%s: no such platform here: $*" >&2\nexit 125\n' \
		    "$r" >"$tap_tmp/bin/$r"
		chmod +x "$tap_tmp/bin/$r"
	done
	printf '#!/bin/sh\nexit 1\n' >"$tap_tmp/bin/vc-image"
	chmod +x "$tap_tmp/bin/vc-image"
	PATH="$tap_tmp/bin:$PATH"
	export PATH
}
