-- wrk script: every request whose path starts with RANDOM_PATH_PREFIX asks one of the paths listed in URL_FILE (one
-- a line, written by the bench script), drawn at random, so a run measures a query over varied keys (days, windows,
-- filters, pages), not one cached answer. Other paths (the bare endpoint) go as given. Used by bench/social-bench.sh
-- (the scheduler's due list) and bench/reports-bench.sh (the effectiveness reports).
local here = debug.getinfo(1, "S").source:match("^@(.*/)") or "./"
dofile(here .. "result.lua")

local prefix = os.getenv("RANDOM_PATH_PREFIX") or error("RANDOM_PATH_PREFIX is not set")
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
