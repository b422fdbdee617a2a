-- POST /api/examples with a bearer token (TOKEN): creates one example per request.
dofile(os.getenv("BENCH_LUA") .. "/report.lua")

function init(args)
	bearer(wrk.headers)
	wrk.method = "POST"
	wrk.path = "/api/examples"
	wrk.headers["Content-Type"] = "application/json"
	wrk.body = '{"name":"bench created","description":"written under load by the bench"}'
end
