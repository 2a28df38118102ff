# fake-runner.sh - a stand-in vc-native for the vc-suite tests that need
# a runner to say something hostile. Sourced after tap.sh.
#
#   fake_runner FILE [RUNNER]
#                       RUNNER (default vc-native) passes its probe
#                       (exit 0, no output) and answers each measurement
#                       (-o json) with the contents of FILE on stdout,
#                       exit 0; each call appends its arguments, one
#                       line, to $tap_tmp/runner-args
fake_runner() {
	r=${2:-vc-native}
	mkdir -p "$tap_tmp/bin"
	cat >"$tap_tmp/bin/$r" <<FAKE
#!/bin/sh
printf '%s\n' "\$*" >>'$tap_tmp/runner-args'
case " \$* " in
*" -o json "*) cat '$1' ;;
esac
exit 0
FAKE
	chmod +x "$tap_tmp/bin/$r"
	PATH="$tap_tmp/bin:$PATH"
	export PATH
}
