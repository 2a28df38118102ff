-- report.lua - wrk's done() reporter for nginxbench(1).
--
-- wrk calls done(summary, latency, requests) once, after the run, in its
-- main Lua state. This writes one JSON object on one line, built by hand
-- (wrk has no JSON library), to the file named by $NGINXBENCH_REPORT, or
-- to standard output when that is unset. An environment variable and not
-- a script argument: wrk hands the arguments after "--" only to init()
-- in the threads' Lua states, never to the state that runs done().
--
-- Counters are printed as integers (%.0f keeps all 53 bits of a Lua
-- number); times are in microseconds, as wrk keeps them. A NaN or an
-- infinity comes out as "nan" or "inf", which nginxbench refuses.
-- Defining no request() or response() keeps wrk on its fast path: with a
-- response() it would copy every body into a buffer for Lua.

function done(summary, latency, requests)
	local e = summary.errors
	local line = string.format(
	    '{"format":"nginxbench-wrk-1","duration_us":%.0f,' ..
	    '"requests":%.0f,"bytes":%.0f,' ..
	    '"errors_connect":%.0f,"errors_read":%.0f,"errors_write":%.0f,' ..
	    '"errors_status":%.0f,"errors_timeout":%.0f,' ..
	    '"latency_mean_us":%.17g,"latency_p99_us":%.17g}\n',
	    summary.duration, summary.requests, summary.bytes,
	    e.connect, e.read, e.write, e.status, e.timeout,
	    latency.mean, latency:percentile(99))
	local path = os.getenv("NGINXBENCH_REPORT")
	if path == nil or path == "" then
		io.stdout:write(line)
		io.stdout:flush()
		return
	end
	local f = assert(io.open(path, "w"))
	assert(f:write(line))
	assert(f:close())
end
