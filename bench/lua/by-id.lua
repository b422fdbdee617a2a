-- GET <PREFIX><id>, cycling over the ids in IDS_FILE (one a line); each wrk thread starts
-- at a different offset. TOKEN, when set, is sent as a bearer token.
dofile(os.getenv("BENCH_LUA") .. "/report.lua")
local ids, prefix = {}, os.getenv("PREFIX") or "/api/examples/"
for line in io.lines(os.getenv("IDS_FILE")) do ids[#ids + 1] = line end
local counter = 0

function setup(thread)
	counter = counter + 997
	thread:set("offset", counter)
end

function init(args)
	counter = offset or 0
	bearer(wrk.headers)
end

function request()
	counter = counter + 1
	return wrk.format("GET", prefix .. ids[counter % #ids + 1])
end
