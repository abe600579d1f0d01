-- wrk script: every request for /api/v1/social/due asks one of the due windows listed in URL_FILE (one path a
-- line, written by bench/social-bench.sh), drawn at random, so a run measures the due query over the whole
-- scheduled set (varied days, networks, pages), not one answer. Other paths (the bare endpoint) go as given.
local here = debug.getinfo(1, "S").source:match("^@(.*/)") or "./"
dofile(here .. "result.lua")

local prefix = "/api/v1/social/due"
if wrk.path:sub(1, #prefix) == prefix then
   local file = os.getenv("URL_FILE") or error("URL_FILE is not set")
   local paths = {}
   for line in io.lines(file) do
      local path = line:match("^https?://[^/]+(/.*)$") or line
      if #path > 0 then paths[#paths + 1] = path end
   end
   assert(#paths > 0, "no paths in " .. file)
   math.randomseed(os.time())
   request = function()
      return wrk.format("GET", paths[math.random(#paths)])
   end
end
