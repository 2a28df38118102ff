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
--
-- Progress: when $NGINXBENCH_PROGRESS names a FIFO, each thread's state
-- opens it in init() and delay() writes one byte to it, unbuffered. wrk
-- calls delay() once on each connection before its first request, then
-- once after each completed response (it is not called again after a
-- reconnect), so nginxbench knows that a download has completed when it
-- has read more bytes than wrk has connections. That is how it extends
-- a run until one has (see nginxbench(1)). delay() costs one write(2)
-- per download and returns 0: no delay. Without the variable neither
-- hook is defined, and wrk runs as it would without a script.

local progress_path = os.getenv("NGINXBENCH_PROGRESS")
if progress_path ~= nil and progress_path ~= "" then
	local progress

	function init(args)
		-- An error here stops wrk with its message: better than a
		-- run that can only end at nginxbench's limit.
		progress = assert(io.open(progress_path, "w"))
		progress:setvbuf("no")
	end

	function delay()
		-- An error in delay() would abort wrk: a failed write (the
		-- reader gone) is ignored, nginxbench then stops wrk anyway.
		progress:write("x")
		return 0
	end
end

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
