-- GET /api/examples?search=<term>&page=<n>: a case-insensitive text search, paging
-- through the first 20 pages of its matches.
dofile(os.getenv("BENCH_LUA") .. "/report.lua")
local page = 0

function init(args)
	bearer(wrk.headers)
end

function request()
	page = page % 20 + 1
	return wrk.format("GET", "/api/examples?search=number%201&page=" .. page)
end
